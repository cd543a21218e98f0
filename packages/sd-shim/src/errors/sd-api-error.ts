/**
 * Designer's error codes (`sd.api.sdapiobject.SDApiError`), carried by {@link APIException.mErrorCode}.
 *
 * The names are Designer's. The numeric values are the mock's own (Designer's are not documented): compare
 * with the members, never with numbers.
 */
export enum SDApiError {
  /** Success. */
  NoError = 0,
  /** Success, but the output parameter was not set: Designer's binding returns `None` instead of raising. */
  NoErrorOutputParamNotSet = 1,
  /** An error with no more specific code (the mock uses it for I/O failures). */
  Undefined = 2,
  /** The call is not implemented. */
  NotImplemented = 3,
  /** The call is not supported on this object (a read-only property, a system package…). */
  NotSupported = 4,
  /** An argument is wrong: missing, of the wrong class, from another graph or package, or an unknown callback id. */
  InvalidArgument = 5,
  /** A value's type does not match the property's, or two connected ports have incompatible types. */
  InvalidType = 6,
  /** A value is out of range or malformed (an identifier, an enum value, a position, a package file). */
  InvalidValue = 7,
  /** The item does not exist: an unknown id, a missing file, or an object that was deleted. */
  ItemNotFound = 8,
}

/** The member name of an error code, for messages: `InvalidArgument`. */
export function sdApiErrorName(code: SDApiError): string {
  return SDApiError[code] ?? `SDApiError(${String(code)})`;
}
