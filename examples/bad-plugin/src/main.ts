import { affinity, type AffinityPolicy } from '@sigslot/core';
import { BadTimer } from './bad-timer';

/** What running the bad plugin produced. */
export interface BadPluginOutcome {
  /** The thread's error, when a violation stopped run() (the 'throw' policy). */
  readonly error: Error | null;
  /** Ticks that reached the main thread. */
  readonly ticks: number;
}

/** Runs the bad plugin under `policy` and reports what happened, line by line. */
export async function runBadPlugin(
  policy: AffinityPolicy = 'throw',
  log: (line: string) => void = console.log,
): Promise<BadPluginOutcome> {
  affinity.setPolicy(policy);
  const timer = new BadTimer();
  timer.objectName = 'BadTimer';
  let ticks = 0;
  let error: Error | null = null;
  timer.tick.connect(() => ticks++);
  timer.errorOccurred.connect((e) => {
    error = e;
    log(`The thread failed:\n  ${e.message}`);
  });
  log(`Running BadTimer under the '${policy}' policy`);
  timer.start();
  await timer.wait();
  for (const violation of affinity.violations()) log(`Violation recorded on the main thread:\n  ${violation.message}`);
  log(`${ticks} ticks reached the main thread.`);
  return { error, ticks };
}

if (require.main === module) {
  const policy = process.argv.includes('--record') ? 'record' : 'throw';
  runBadPlugin(policy).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
