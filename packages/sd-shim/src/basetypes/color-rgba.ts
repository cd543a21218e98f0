/**
 * A color with alpha, components usually in 0..1 (`sd.api.sdbasetypes.ColorRGBA`). Plain data, like the
 * vector types: any thread may create it.
 */
export class ColorRGBA {
  constructor(
    /** Red. */
    public r = 0,
    /** Green. */
    public g = 0,
    /** Blue. */
    public b = 0,
    /** Alpha. */
    public a = 1,
  ) {}
  /** `ColorRGBA(r, g, b, a)`. */
  toString(): string {
    return `ColorRGBA(${this.r}, ${this.g}, ${this.b}, ${this.a})`;
  }
}
