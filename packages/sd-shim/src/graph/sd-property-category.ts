/** The categories of properties (`sd.api.sdproperty.SDPropertyCategory`). */
export enum SDPropertyCategory {
  /** Metadata: a graph's label and author, an input or output node's `identifier`, an output's `usages`. */
  Annotation = 0,
  /** Inputs: parameters (values you set) and connectable input ports. */
  Input = 1,
  /** Outputs: the ports other nodes connect from (`unique_filter_output`). */
  Output = 2,
}

/** The category's name, for messages. */
export function categoryName(category: SDPropertyCategory): string {
  return SDPropertyCategory[category] ?? `SDPropertyCategory(${String(category)})`;
}

/** True if `value` is one of the {@link SDPropertyCategory} members. */
export function isCategory(value: unknown): value is SDPropertyCategory {
  return (
    value === SDPropertyCategory.Annotation || value === SDPropertyCategory.Input || value === SDPropertyCategory.Output
  );
}
