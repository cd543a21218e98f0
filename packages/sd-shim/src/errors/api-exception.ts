import { SigslotError } from '@sigslot/core';
import { SDApiError, sdApiErrorName } from './sd-api-error';

/**
 * The exception every Designer API call raises on failure (`sd.api.apiexception.APIException`). The code is
 * in {@link APIException.mErrorCode}, as in Designer; the message says which call failed and why.
 *
 * It extends sigslot's {@link SigslotError}, so one `instanceof SigslotError` catches it with the rest.
 */
export class APIException extends SigslotError {
  /** The error code (Designer's attribute name). */
  readonly mErrorCode: SDApiError;

  /**
   * @param errorCode The {@link SDApiError} code.
   * @param detail What failed, naming the call: `SDPackageMgr.savePackage(): the package has no file path…`.
   */
  constructor(errorCode: SDApiError, detail?: string) {
    const name = sdApiErrorName(errorCode);
    super(detail === undefined ? `SDApiError.${name}` : `${detail} [SDApiError.${name}]`);
    this.mErrorCode = errorCode;
  }

  /** The code's member name, e.g. `InvalidArgument`. */
  getErrorName(): string {
    return sdApiErrorName(this.mErrorCode);
  }
}
