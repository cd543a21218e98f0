import {
  APIException,
  MemoryFileSystem,
  SDApiError,
  resetDesigner,
  sdShim,
  type SbsFileSystem,
} from '@sigslot/sd-shim';

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

/**
 * Gives every test of the file a fresh Designer whose package files live in memory (a new MemoryFileSystem per
 * test), and puts the previous file system back after each; `disk.files` is the current test's.
 */
export function useMemoryDisk(): { readonly files: MemoryFileSystem } {
  const disk = { files: new MemoryFileSystem() };
  let previous: SbsFileSystem;
  beforeEach(() => {
    resetDesigner();
    disk.files = new MemoryFileSystem();
    previous = sdShim.setFileSystem(disk.files);
  });
  afterEach(() => sdShim.setFileSystem(previous));
  return disk;
}
