import library from './node-library.json';
import { VECTOR_SIZES, isValueKind, type TypeRef, type ValueData, type VectorKind } from '../../values/value-data';

/*
 * Reads node-library.json: the type notation of its properties and their defaults. The file is trusted (it ships
 * with the package), but a typo in it must fail loudly at load, not as a wrong type at some later call.
 */

/** The JSON file, as data. */
export const LIBRARY = library;

/** A row of the file: `[id, label]` for an image port, `[id, label, type]` for a typed port, plus a default for a parameter. */
export type Row = readonly (string | number | boolean | readonly number[] | readonly never[])[];

/** The type of a property, and for a polymorphic one every type it takes (its group's). */
export interface PropertyTypes {
  readonly type: TypeRef;
  readonly types?: readonly TypeRef[];
}

const GROUPS: Readonly<Record<string, readonly string[]>> = library.typeGroups;

/** `float`, `enum:<id>`, `array:<kind>`, `array:struct:<id>`, `struct:<id>`, or a group name. */
export function parseType(notation: string): PropertyTypes {
  const group = GROUPS[notation];
  if (group !== undefined) {
    const types = group.map((kind) => parseType(kind).type);
    return { type: types[0]!, types };
  }
  const [head, ...rest] = notation.split(':');
  const tail = rest.join(':');
  if (head === 'enum') return { type: { kind: 'enum', enumId: tail } };
  if (head === 'struct') return { type: { kind: 'struct', structId: tail } };
  if (head === 'array') {
    const item = parseType(tail).type;
    return {
      type:
        item.kind === 'struct'
          ? { kind: 'array', itemKind: 'struct', structId: item.structId! }
          : { kind: 'array', itemKind: item.kind },
    };
  }
  if (!isValueKind(head) || rest.length > 0) throw new Error(`node-library.json: unknown type "${notation}"`);
  return { type: { kind: head } };
}

/** The value of type `type` written `json` in the file. */
export function valueOf(type: TypeRef, json: unknown, where: string): ValueData {
  const fail = (): never => {
    throw new Error(`node-library.json: ${where}: ${JSON.stringify(json)} is not a ${type.kind}`);
  };
  switch (type.kind) {
    case 'bool':
      return typeof json === 'boolean' ? { kind: 'bool', value: json } : fail();
    case 'int':
    case 'float':
      return typeof json === 'number' ? { kind: type.kind, value: json } : fail();
    case 'string':
      return typeof json === 'string' ? { kind: 'string', value: json } : fail();
    case 'enum':
      return typeof json === 'number' ? { kind: 'enum', enumId: type.enumId!, value: json } : fail();
    case 'array':
      return Array.isArray(json) && json.length === 0
        ? type.structId === undefined
          ? { kind: 'array', itemKind: type.itemKind!, items: [] }
          : { kind: 'array', itemKind: 'struct', structId: type.structId, items: [] }
        : fail();
    default: {
      const size = VECTOR_SIZES[type.kind as VectorKind] as number | undefined;
      if (size === undefined || !Array.isArray(json) || json.length !== size) return fail();
      return { kind: type.kind as VectorKind, value: json as number[] };
    }
  }
}
