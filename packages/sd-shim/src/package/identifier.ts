import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Raises `InvalidValue` unless `identifier` is a valid Designer identifier (letters, digits, `_`; no leading digit). */
export function checkIdentifier(call: string, identifier: unknown): string {
  if (typeof identifier !== 'string' || !IDENTIFIER.test(identifier)) {
    throw new APIException(
      SDApiError.InvalidValue,
      `${call}: ${JSON.stringify(identifier)} is not a valid identifier (letters, digits and _, not starting with a digit)`,
    );
  }
  return identifier;
}

/** `base` if no name in `taken` equals it, else `base_1`, `base_2`… (Designer keeps sibling identifiers unique). */
export function uniqueIdentifier(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 1; ; i++) if (!names.has(`${base}_${i}`)) return `${base}_${i}`;
}
