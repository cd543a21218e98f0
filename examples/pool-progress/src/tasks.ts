// The work, in its own module: a pool worker loads it by path and calls its exports.

/** One slice of the job: the numbers from `from` (included) to `to` (excluded). */
export interface Range {
  readonly from: number;
  readonly to: number;
}

/** How many primes lie in `range` (trial division: plain CPU work). */
export function primesIn(range: Range): number {
  let count = 0;
  for (let n = Math.max(2, range.from); n < range.to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}
