// What `expect(affinity).toHaveNoAffinityViolations()` says when it fails, printed with the matcher's plain function.
import { affinity } from '@sigslot/sd-shim';
import { checkNoAffinityViolations } from '@sigslot/sd-shim/jest';
import { BadTimer } from './threads';

async function main(): Promise<void> {
  affinity.setPolicy('record');
  const timer = new BadTimer().setObjectName('BadTimer');
  timer.start();
  await timer.wait();
  console.log(`${affinity.violations().length} violations; the message for the first three:`);
  console.log(checkNoAffinityViolations(affinity.violations().slice(0, 3)).message);
}

void main();
