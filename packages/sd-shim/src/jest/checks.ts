import { AffinityError, type AffinityViolation } from '@sigslot/core';
import { describeValue } from '../base/binding';
import { formatViolations, parseAffinityMessage, threadIdOf, threadNames, type AffinityCall } from './violation-format';

/** What a violation (or an affinity error) must match; every given field must match. */
export interface ViolationExpectation {
  /** The class, exactly: `SDNode`. */
  readonly className?: string;
  /** The method, exactly: `setPropertyValue`. */
  readonly method?: string;
  /**
   * The thread: its name (`TimerThread`), its generic name (`worker #1`), its full description
   * (`"TimerThread" (worker #1)`), or its id (1; 0 is main).
   */
  readonly thread?: string | number;
}

/** What `toThrowAffinityError` expects: a substring or a pattern of the message, or the call's parts. */
export type AffinityErrorExpectation = string | RegExp | ViolationExpectation;

/** The outcome of a check: `pass`, and a message that explains it (for a failure, or for a `.not` that fails). */
export interface CheckResult {
  /** True if the received value satisfies the check. */
  readonly pass: boolean;
  /** Why it passed or failed, naming the class, method and thread of each violation involved. */
  readonly message: string;
}

/** What can be checked for violations: a list (`affinity.violations()`) or the `affinity` object itself. */
export type ViolationSource = readonly AffinityViolation[] | { violations(): readonly AffinityViolation[] };

function describeExpectation(expected: AffinityErrorExpectation | undefined): string {
  if (expected === undefined) return '';
  if (typeof expected === 'string') return ` whose message contains ${JSON.stringify(expected)}`;
  if (expected instanceof RegExp) return ` whose message matches ${String(expected)}`;
  const parts = (['className', 'method', 'thread'] as const)
    .filter((key) => expected[key] !== undefined)
    .map((key) => `${key}: ${JSON.stringify(expected[key])}`);
  return parts.length === 0 ? '' : ` matching { ${parts.join(', ')} }`;
}

function threadMatches(expected: string | number, description: string, threadId: number | undefined): boolean {
  if (typeof expected === 'number') return (threadId ?? threadIdOf(description)) === expected;
  return threadNames(description).includes(expected);
}

function callMatches(call: AffinityCall, expected: ViolationExpectation, threadId?: number): boolean {
  return (
    (expected.className === undefined || call.className === expected.className) &&
    (expected.method === undefined || call.method === expected.method) &&
    (expected.thread === undefined || threadMatches(expected.thread, call.thread, threadId))
  );
}

function isViolation(value: unknown): value is AffinityViolation {
  const v = value as Partial<AffinityViolation> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.className === 'string' &&
    typeof v.method === 'string' &&
    typeof v.thread === 'string'
  );
}

/** The violations of `received`, or an error message saying what was expected instead. */
function violationsOf(received: unknown): readonly AffinityViolation[] | string {
  const list =
    typeof received === 'object' &&
    received !== null &&
    typeof (received as { violations?: unknown }).violations === 'function'
      ? (received as { violations(): unknown }).violations()
      : received;
  if (!Array.isArray(list) || !list.every(isViolation)) {
    return `expected a list of AffinityViolation (affinity.violations()) or the affinity object, received ${describeValue(received)}`;
  }
  return list;
}

/**
 * An AffinityError: the class, an error that crossed threads under that name, or a `RemoteError` of
 * `@sigslot/thread` (a worker-object call that failed in its thread) whose original class was AffinityError.
 */
function isAffinityError(error: unknown): error is Error {
  if (error instanceof AffinityError) return true;
  if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string') return false;
  const { name, remoteName } = error as { name?: unknown; remoteName?: unknown };
  return name === 'AffinityError' || remoteName === 'AffinityError';
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return describeValue(error);
}

/**
 * Calls `fn` and checks that it throws an {@link AffinityError} matching `expected`: a substring of the
 * message, a pattern, or `{ className, method, thread }`.
 */
export function checkThrowsAffinityError(fn: unknown, expected?: AffinityErrorExpectation): CheckResult {
  const wanted = `an AffinityError${describeExpectation(expected)}`;
  if (typeof fn !== 'function')
    return { pass: false, message: `expected a function that throws ${wanted}, received ${describeValue(fn)}` };
  let thrown: unknown;
  let threw = false;
  try {
    const result: unknown = (fn as () => unknown)();
    if (typeof (result as { then?: unknown } | null)?.then === 'function') {
      return {
        pass: false,
        message: `expected the function to throw ${wanted}, but it returned a Promise; use \`await expect(promise).rejects.toThrow(/is main-thread-only/)\`, which also matches an AffinityError that crossed from a worker`,
      };
    }
  } catch (error) {
    threw = true;
    thrown = error;
  }
  if (!threw) return { pass: false, message: `expected the function to throw ${wanted}, but it returned normally` };
  if (!isAffinityError(thrown))
    return { pass: false, message: `expected the function to throw ${wanted}, but it threw ${describeThrown(thrown)}` };
  const message = thrown.message;
  const call = parseAffinityMessage(message);
  const matches =
    expected === undefined
      ? true
      : typeof expected === 'string'
        ? message.includes(expected)
        : expected instanceof RegExp
          ? expected.test(message)
          : call !== null && callMatches(call, expected);
  const parts = call ? `\n(class ${call.className}, method ${call.method}, thread ${call.thread})` : '';
  return matches
    ? {
        pass: true,
        message: `expected the function not to throw ${wanted}, but it threw:\n  AffinityError: ${message}${parts}`,
      }
    : {
        pass: false,
        message: `expected the function to throw ${wanted}, but it threw:\n  AffinityError: ${message}${parts}`,
      };
}

/** Checks that `received` (a list of violations, or the `affinity` object) holds none. */
export function checkNoAffinityViolations(received: unknown): CheckResult {
  const violations = violationsOf(received);
  if (typeof violations === 'string') return { pass: false, message: violations };
  const n = violations.length;
  return n === 0
    ? { pass: true, message: 'expected affinity violations, but none were recorded' }
    : {
        pass: false,
        message: `expected no affinity violations, but ${n} ${n === 1 ? 'was' : 'were'} recorded:\n${formatViolations(violations)}`,
      };
}

/** Checks that `received` holds a violation matching `expected` (any violation when omitted). */
export function checkHasAffinityViolation(received: unknown, expected: ViolationExpectation = {}): CheckResult {
  const violations = violationsOf(received);
  if (typeof violations === 'string') return { pass: false, message: violations };
  const wanted = `an affinity violation${describeExpectation(expected)}`;
  const found = violations.filter((v) => callMatches(v, expected, v.threadId));
  if (found.length > 0)
    return { pass: true, message: `expected no ${wanted.slice(3)}, but found:\n${formatViolations(found)}` };
  const n = violations.length;
  return {
    pass: false,
    message:
      n === 0
        ? `expected ${wanted}, but none were recorded`
        : `expected ${wanted}, but none of the ${n} recorded ${n === 1 ? 'matches' : 'match'}:\n${formatViolations(violations)}`,
  };
}

/** Throws an {@link AffinityError} listing the violations unless `received` holds none (for tests without jest). */
export function assertNoAffinityViolations(received: unknown): void {
  const result = checkNoAffinityViolations(received);
  if (!result.pass) throw new AffinityError(result.message);
}
