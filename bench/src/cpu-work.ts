// Group 7's CPU-bound task: `iterations` steps of a xorshift generator, summed. Pure arithmetic on two locals (no
// allocation, no memory traffic), so its cost is the same on any thread; the result checks that every run did it
// all. Main calls it for the serial reference; sigslot's pool workers load it through workers/pool-tasks.cjs.
export function work(iterations: number): number {
  let x = 0x2545f491;
  let sum = 0;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    sum = (sum + (x & 1023)) | 0;
  }
  return sum;
}
