import { describeValue } from '../base/binding';
import { APIException } from '../errors/api-exception';
import { SDApiError } from '../errors/sd-api-error';

/** Raises `InvalidArgument` unless `value` is a number; `InvalidValue` if `integer` and it is not an integer. */
export function requireNumber(call: string, value: unknown, integer: boolean, name = 'value'): number {
  if (typeof value !== 'number') {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: ${name} must be a number, got ${describeValue(value)}`,
    );
  }
  if (integer && !Number.isInteger(value)) {
    throw new APIException(SDApiError.InvalidValue, `${call}: ${name} must be an integer, got ${value}`);
  }
  return value;
}

/** Raises `InvalidArgument` unless `value` is a string. */
export function requireString(call: string, value: unknown, name = 'value'): string {
  if (typeof value !== 'string') {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: ${name} must be a string, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** Raises `InvalidArgument` unless `value` is a boolean. */
export function requireBoolean(call: string, value: unknown, name = 'value'): boolean {
  if (typeof value !== 'boolean') {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: ${name} must be a boolean, got ${describeValue(value)}`,
    );
  }
  return value;
}

/**
 * Reads the components `keys` of a vector or color argument: a `float2`… or any object with those numeric
 * fields (what a `float2` becomes after crossing threads). Raises `InvalidArgument` otherwise.
 */
export function requireComponents(
  call: string,
  value: unknown,
  keys: readonly string[],
  integer: boolean,
  name: string,
): number[] {
  if (typeof value !== 'object' || value === null) {
    throw new APIException(
      SDApiError.InvalidArgument,
      `${call}: ${name} must have numeric fields ${keys.join(', ')}, got ${describeValue(value)}`,
    );
  }
  const record = value as Record<string, unknown>;
  return keys.map((key) => requireNumber(call, record[key], integer, `${name}.${key}`));
}
