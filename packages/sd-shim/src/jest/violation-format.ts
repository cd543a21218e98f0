import type { AffinityViolation } from '@sigslot/core';

/** The parts of an affinity message: `SDNode.setPropertyValue() was called from thread "T" (worker #1); …`. */
export interface AffinityCall {
  /** `SDNode`. */
  readonly className: string;
  /** `setPropertyValue`. */
  readonly method: string;
  /** `"TimerThread" (worker #1)`, as the message shows it. */
  readonly thread: string;
}

const MESSAGE = /^([A-Za-z_$][\w$]*)\.(.+?)\(\) was called from thread (.+?); /;

/** Reads the class, method and thread out of an affinity message; null if it is not one. */
export function parseAffinityMessage(message: string): AffinityCall | null {
  const match = MESSAGE.exec(message);
  return match ? { className: match[1]!, method: match[2]!, thread: match[3]! } : null;
}

/**
 * The names a thread description answers to: `"TimerThread" (worker #1)` answers to itself, `TimerThread`
 * and `worker #1`; `main` to `main`.
 */
export function threadNames(description: string): string[] {
  const match = /^"(.*)" \((.+)\)$/.exec(description);
  return match ? [description, match[1]!, match[2]!] : [description];
}

/** The worker number in a thread description (`worker #3` → 3, `main` → 0), or undefined. */
export function threadIdOf(description: string): number | undefined {
  if (description === 'main' || description.endsWith('(main)')) return 0;
  const match = /worker #(-?\d+)\)?$/.exec(description);
  return match ? Number(match[1]) : undefined;
}

/** Frames of the guard and of the mock itself (sources in the repository, bundles when installed), and Node's. */
const LIBRARY_FRAME =
  /[\\/](?:packages|@sigslot)[\\/](?:core|sd-shim)[\\/](?:src|dist)[\\/]|affinity-guard|designer-guard|node:internal/;

/** The first stack frame that is the caller's code (not the guard's, nor the mock's own), or undefined. */
export function callerFrame(stack: string): string | undefined {
  return stack
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('at ') && !LIBRARY_FRAME.test(line));
}

/** One violation as a numbered list item: the call, the thread, and where it came from. */
export function formatViolation(violation: AffinityViolation, index: number): string {
  const frame = callerFrame(violation.stack);
  return (
    `  ${index + 1}. ${violation.className}.${violation.method}() called from thread ${violation.thread}` +
    (frame ? `\n       ${frame}` : '')
  );
}

/** A list of violations, one per item, or `(none)`. */
export function formatViolations(violations: readonly AffinityViolation[]): string {
  return violations.length === 0 ? '  (none)' : violations.map(formatViolation).join('\n');
}
