/**
 * How a node's base parameter (`$outputsize`, `$format`, …) relates to its surroundings
 * (`sd.api.sdproperty.SDPropertyInheritanceMethod`). The numeric values are the mock's.
 */
export enum SDPropertyInheritanceMethod {
  /** Relative to the node's main input (the default of atomic nodes). */
  RelativeToInput = 0,
  /** Relative to the parent graph. */
  RelativeToParent = 1,
  /** The node's own value. */
  Absolute = 2,
}

/** True if `value` is one of the {@link SDPropertyInheritanceMethod} members. */
export function isInheritanceMethod(value: unknown): value is SDPropertyInheritanceMethod {
  return value === 0 || value === 1 || value === 2;
}
