/**
 * The mock's internal representation of values: plain, JSON-ready data. Properties store it, the package
 * file writes it as is, and the `SDValue*` classes wrap it. Nothing here checks the thread.
 */

/** The kinds of value a property can hold; `texture` is an image port (connected, never set). */
export type ValueKind =
  | 'bool'
  | 'int'
  | 'int2'
  | 'int3'
  | 'int4'
  | 'float'
  | 'float2'
  | 'float3'
  | 'float4'
  | 'string'
  | 'ColorRGBA'
  | 'enum'
  | 'usage'
  | 'array'
  | 'struct'
  | 'texture';

/** A property's or a value's type. */
export interface TypeRef {
  /** The kind of value. */
  readonly kind: ValueKind;
  /** For `enum`: the enum type's id, e.g. `sbs::compositing::blendingmode`. */
  readonly enumId?: string;
  /** For `array`: the items' kind. */
  readonly itemKind?: ValueKind;
  /** For `struct`, or an `array` of structs: the struct type's id, e.g. `sbs::compositing::gradient_key_rgba`. */
  readonly structId?: string;
}

/** Kinds stored as a tuple of numbers, with their sizes. */
export const VECTOR_SIZES = { int2: 2, int3: 3, int4: 4, float2: 2, float3: 3, float4: 4, ColorRGBA: 4 } as const;

/** A kind stored as a tuple of numbers. */
export type VectorKind = keyof typeof VECTOR_SIZES;

/** A number value, one member per kind so that `Extract<ValueData, { kind: 'int' }>` works. */
type NumberData = { [K in 'int' | 'float']: { readonly kind: K; readonly value: number } }['int' | 'float'];

/** A vector or color value, one member per kind. */
type VectorData = { [K in VectorKind]: { readonly kind: K; readonly value: readonly number[] } }[VectorKind];

/** A value, as data. */
export type ValueData =
  | { readonly kind: 'bool'; readonly value: boolean }
  | NumberData
  | { readonly kind: 'string'; readonly value: string }
  | VectorData
  | { readonly kind: 'enum'; readonly enumId: string; readonly value: number }
  | { readonly kind: 'usage'; readonly name: string; readonly components: string; readonly colorSpace: string }
  | {
      readonly kind: 'array';
      readonly itemKind: ValueKind;
      readonly structId?: string;
      readonly items: readonly ValueData[];
    }
  | { readonly kind: 'struct'; readonly structId: string; readonly fields: Readonly<Record<string, ValueData>> }
  | { readonly kind: 'texture'; readonly width: number; readonly height: number; readonly format: number };

/** The type of a value. */
export function typeOfData(data: ValueData): TypeRef {
  if (data.kind === 'enum') return { kind: 'enum', enumId: data.enumId };
  if (data.kind === 'array') {
    return data.structId === undefined
      ? { kind: 'array', itemKind: data.itemKind }
      : { kind: 'array', itemKind: data.itemKind, structId: data.structId };
  }
  if (data.kind === 'struct') return { kind: 'struct', structId: data.structId };
  return { kind: data.kind };
}

/** True if a value of type `value` may be stored in a property of type `target`. */
export function sameType(target: TypeRef, value: TypeRef): boolean {
  if (target.kind !== value.kind) return false;
  if (target.kind === 'enum') return target.enumId === value.enumId;
  if (target.kind === 'array') return target.itemKind === value.itemKind && target.structId === value.structId;
  if (target.kind === 'struct') return target.structId === value.structId;
  return true;
}

/** A type in words, for messages: `float4`, `enum sbs::compositing::format`, `array of usage`, `texture`. */
export function describeType(type: TypeRef): string {
  if (type.kind === 'enum') return `enum ${type.enumId ?? '?'}`;
  if (type.kind === 'array')
    return `array of ${type.itemKind === 'struct' ? (type.structId ?? '?') : (type.itemKind ?? '?')}`;
  if (type.kind === 'struct') return `struct ${type.structId ?? '?'}`;
  return type.kind;
}

/** A deep copy, so that stored values never share arrays with the caller's. */
export function cloneData(data: ValueData): ValueData {
  return JSON.parse(JSON.stringify(data)) as ValueData;
}

const KINDS: ReadonlySet<string> = new Set<ValueKind>([
  'bool',
  'int',
  'int2',
  'int3',
  'int4',
  'float',
  'float2',
  'float3',
  'float4',
  'string',
  'ColorRGBA',
  'enum',
  'usage',
  'array',
  'struct',
  'texture',
]);

/** True if `kind` names a {@link ValueKind}. */
export function isValueKind(kind: unknown): kind is ValueKind {
  return typeof kind === 'string' && KINDS.has(kind);
}

/**
 * Reads a value from untrusted JSON (a package file), checking its shape. Throws an `Error` whose message
 * says what is wrong at `where`; the caller turns it into an `APIException`.
 */
export function parseValueData(json: unknown, where: string): ValueData {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error(`${where}: expected a value object`);
  const o = json as Record<string, unknown>;
  const kind = o['kind'];
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}`);
  };
  switch (kind) {
    case 'bool':
      return typeof o['value'] === 'boolean' ? { kind, value: o['value'] } : fail('a bool value must be true or false');
    case 'int':
      return Number.isInteger(o['value'])
        ? { kind, value: o['value'] as number }
        : fail('an int value must be an integer');
    case 'float':
      return typeof o['value'] === 'number' ? { kind, value: o['value'] } : fail('a float value must be a number');
    case 'string':
      return typeof o['value'] === 'string' ? { kind, value: o['value'] } : fail('a string value must be a string');
    case 'enum':
      if (typeof o['enumId'] !== 'string' || !Number.isInteger(o['value']))
        fail('an enum value needs an enumId and an integer value');
      return { kind, enumId: o['enumId'] as string, value: o['value'] as number };
    case 'usage':
      for (const key of ['name', 'components', 'colorSpace'])
        if (typeof o[key] !== 'string') fail(`a usage needs a string ${key}`);
      return {
        kind,
        name: o['name'] as string,
        components: o['components'] as string,
        colorSpace: o['colorSpace'] as string,
      };
    case 'array': {
      const items = o['items'];
      if (!isValueKind(o['itemKind']) || !Array.isArray(items)) fail('an array value needs an itemKind and items');
      const itemKind = o['itemKind'] as ValueKind;
      const structId = o['structId'];
      if (structId !== undefined && typeof structId !== 'string') fail('an array structId must be a string');
      const parsed = (items as unknown[]).map((item, i) => parseValueData(item, `${where}.items[${i}]`));
      if (parsed.some((item) => item.kind !== itemKind)) fail(`every item must be of kind ${itemKind}`);
      return typeof structId === 'string'
        ? { kind, itemKind, structId, items: parsed }
        : { kind, itemKind, items: parsed };
    }
    case 'struct': {
      const fields = o['fields'];
      if (typeof o['structId'] !== 'string' || typeof fields !== 'object' || fields === null || Array.isArray(fields))
        fail('a struct value needs a structId and fields');
      const parsed = Object.create(null) as Record<string, ValueData>;
      for (const [name, field] of Object.entries(fields as Record<string, unknown>))
        parsed[name] = parseValueData(field, `${where}.fields.${name}`);
      return { kind, structId: o['structId'] as string, fields: parsed };
    }
    case 'texture':
      for (const key of ['width', 'height', 'format'])
        if (!Number.isInteger(o[key])) fail(`a texture needs an integer ${key}`);
      return { kind, width: o['width'] as number, height: o['height'] as number, format: o['format'] as number };
    default: {
      if (typeof kind === 'string' && kind in VECTOR_SIZES) {
        const size = VECTOR_SIZES[kind as VectorKind];
        const value = o['value'];
        const integer = kind.startsWith('int');
        const ok =
          Array.isArray(value) &&
          value.length === size &&
          value.every((n) => (integer ? Number.isInteger(n) : typeof n === 'number'));
        return ok
          ? { kind: kind as VectorKind, value: value as number[] }
          : fail(`a ${kind} value must be ${size} ${integer ? 'integers' : 'numbers'}`);
      }
      return fail(`unknown value kind ${JSON.stringify(kind)}`);
    }
  }
}
