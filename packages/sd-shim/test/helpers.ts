import { APIException, SDApiError } from '@sigslot/sd-shim';

/** Runs `fn` and returns the APIException it raises (failing the test if it raises nothing or something else). */
export function apiError(fn: () => unknown): APIException {
  try {
    fn();
  } catch (error) {
    if (error instanceof APIException) return error;
    throw error;
  }
  throw new Error('expected an APIException, but the call returned normally');
}

/** The name of the code the APIException raised by `fn` carries: `InvalidArgument`. */
export function codeOf(fn: () => unknown): string {
  return SDApiError[apiError(fn).mErrorCode]!;
}
