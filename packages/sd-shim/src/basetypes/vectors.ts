/*
 * Designer's base vector types (`sd.api.sdbasetypes`): plain data with public fields, as in Designer where
 * they are ctypes structures. They are not API objects: any thread may create and read them, and a worker
 * may send them to the main thread in a signal (where they arrive as plain `{x, y}` objects, which every
 * method that takes a vector accepts).
 */

/** Two floats: a node position, a 2D vector. */
export class float2 {
  constructor(
    /** First component. */
    public x = 0,
    /** Second component. */
    public y = 0,
  ) {}
  /** `float2(x, y)`, as Python prints it. */
  toString(): string {
    return `float2(${this.x}, ${this.y})`;
  }
}

/** Three floats. */
export class float3 {
  constructor(
    /** First component. */
    public x = 0,
    /** Second component. */
    public y = 0,
    /** Third component. */
    public z = 0,
  ) {}
  /** `float3(x, y, z)`. */
  toString(): string {
    return `float3(${this.x}, ${this.y}, ${this.z})`;
  }
}

/** Four floats (a `levels` node's `levelinlow`, a `const_float4`'s constant). */
export class float4 {
  constructor(
    /** First component. */
    public x = 0,
    /** Second component. */
    public y = 0,
    /** Third component. */
    public z = 0,
    /** Fourth component. */
    public w = 0,
  ) {}
  /** `float4(x, y, z, w)`. */
  toString(): string {
    return `float4(${this.x}, ${this.y}, ${this.z}, ${this.w})`;
  }
}

/** Two integers (a graph's `$outputsize`, as log2 of the width and height). */
export class int2 {
  constructor(
    /** First component. */
    public x = 0,
    /** Second component. */
    public y = 0,
  ) {}
  /** `int2(x, y)`. */
  toString(): string {
    return `int2(${this.x}, ${this.y})`;
  }
}

/** Three integers. */
export class int3 {
  constructor(
    /** First component. */
    public x = 0,
    /** Second component. */
    public y = 0,
    /** Third component. */
    public z = 0,
  ) {}
  /** `int3(x, y, z)`. */
  toString(): string {
    return `int3(${this.x}, ${this.y}, ${this.z})`;
  }
}

/** Four integers. */
export class int4 {
  constructor(
    /** First component. */
    public x = 0,
    /** Second component. */
    public y = 0,
    /** Third component. */
    public z = 0,
    /** Fourth component. */
    public w = 0,
  ) {}
  /** `int4(x, y, z, w)`. */
  toString(): string {
    return `int4(${this.x}, ${this.y}, ${this.z}, ${this.w})`;
  }
}
