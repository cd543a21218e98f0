import { LIBRARY, parseType, valueOf } from '../graph/data/library-data';
import type { ValueData } from './value-data';

/** A field of a struct type: its id, label and default value. */
export interface StructField {
  /** `position`. */
  readonly id: string;
  /** `Position`. */
  readonly label: string;
  /** The value of a new struct's field (its type is this value's). */
  readonly defaultValue: ValueData;
}

/** The struct types the node library uses (`sbs::compositing::gradient_key_rgba`), from node-library.json. */
export const STRUCT_TYPES: ReadonlyMap<string, readonly StructField[]> = new Map(
  Object.entries(LIBRARY.structs).map(([id, rows]) => [
    id,
    rows.map(([field, label, type, value]) => ({
      id: field as string,
      label: label as string,
      defaultValue: valueOf(parseType(type as string).type, value, `${id}.${String(field)}`),
    })),
  ]),
);

/** A new struct of type `structId` with its default fields (the type must exist). */
export function defaultStruct(structId: string): ValueData {
  const fields = Object.create(null) as Record<string, ValueData>;
  for (const field of STRUCT_TYPES.get(structId)!) fields[field.id] = field.defaultValue;
  return { kind: 'struct', structId, fields };
}
