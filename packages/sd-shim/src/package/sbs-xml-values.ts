import { VECTOR_SIZES, type ValueData, type VectorKind } from '../values/value-data';
import { attr, child, children, el, tagOf, v, type XmlNode } from './xml-nodes';

/*
 * Values in a .sbs file, as Designer writes them: `<constantValueFloat1 v="0.5"/>`, `<constantValueInt2 v="8 8"/>`,
 * a color as a float4, an enum as its integer (constantValueInt32). Usages, arrays and structs have no constant
 * form in Designer's files; the mock writes them as `<usage>`, `<valueArray>` and `<valueStruct>`.
 */

const VECTOR_TAGS: Record<VectorKind, string> = {
  int2: 'constantValueInt2',
  int3: 'constantValueInt3',
  int4: 'constantValueInt4',
  float2: 'constantValueFloat2',
  float3: 'constantValueFloat3',
  float4: 'constantValueFloat4',
  ColorRGBA: 'constantValueFloat4',
};

/** The element of `value`. */
export function valueElement(value: ValueData): XmlNode {
  switch (value.kind) {
    case 'bool':
      return v('constantValueBool', value.value ? '1' : '0');
    case 'int':
    case 'enum':
      return v('constantValueInt32', String(value.value));
    case 'float':
      return v('constantValueFloat1', String(value.value));
    case 'string':
      return v('constantValueString', value.value);
    case 'usage':
      return el('usage', [v('name', value.name), v('components', value.components), v('colorSpace', value.colorSpace)]);
    case 'array':
      return el('valueArray', [
        v('type', value.itemKind === 'struct' ? `struct:${value.structId!}` : value.itemKind),
        ...value.items.map(valueElement),
      ]);
    case 'struct':
      return el('valueStruct', [
        v('type', value.structId),
        ...Object.entries(value.fields).map(([name, field]) => el('field', [v('name', name), valueElement(field)])),
      ]);
    case 'texture':
      throw new Error('a computed texture is not saved');
    default:
      return v(VECTOR_TAGS[value.kind], value.value.map(String).join(' '));
  }
}

const FROM_TAG: Record<string, VectorKind> = {
  constantValueInt2: 'int2',
  constantValueInt3: 'int3',
  constantValueInt4: 'int4',
  constantValueFloat2: 'float2',
  constantValueFloat3: 'float3',
  constantValueFloat4: 'float4',
};

function number(text: string, where: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`${where}: "${text}" is not a number`);
  return n;
}

/** The value of element `node` (as plain data; the loader fits it to the property's type). */
export function readValue(node: XmlNode, where: string): ValueData {
  const tag = tagOf(node);
  const here = `${where} <${tag}>`;
  const text = () => attr(node, 'v', here);
  switch (tag) {
    case 'constantValueBool':
      return { kind: 'bool', value: text() === '1' || text() === 'true' };
    case 'constantValueInt32':
    case 'constantValueInt1':
      return { kind: 'int', value: number(text(), here) };
    case 'constantValueFloat1':
      return { kind: 'float', value: number(text(), here) };
    case 'constantValueString':
      return { kind: 'string', value: text() };
    case 'usage':
      return {
        kind: 'usage',
        name: attr(child(node, 'name', here), 'v', here),
        components: attr(child(node, 'components', here), 'v', here),
        colorSpace: attr(child(node, 'colorSpace', here), 'v', here),
      };
    case 'valueArray': {
      const type = attr(child(node, 'type', here), 'v', here);
      const items = children(node)
        .filter((c) => tagOf(c) !== 'type')
        .map((item, i) => readValue(item, `${here}[${i}]`));
      return type.startsWith('struct:')
        ? { kind: 'array', itemKind: 'struct', structId: type.slice(7), items }
        : ({ kind: 'array', itemKind: type, items } as ValueData);
    }
    case 'valueStruct': {
      const fields = Object.create(null) as Record<string, ValueData>;
      for (const field of children(node).filter((c) => tagOf(c) === 'field')) {
        const name = attr(child(field, 'name', here), 'v', here);
        const value = children(field).find((c) => tagOf(c) !== 'name');
        if (value === undefined) throw new Error(`${here}: field "${name}" has no value`);
        fields[name] = readValue(value, `${here}.${name}`);
      }
      return { kind: 'struct', structId: attr(child(node, 'type', here), 'v', here), fields };
    }
    default: {
      const kind = FROM_TAG[tag];
      if (kind === undefined) throw new Error(`${here}: not a value the mock reads`);
      const parts = text().trim().split(/\s+/);
      if (parts.length !== VECTOR_SIZES[kind]) throw new Error(`${here}: expected ${VECTOR_SIZES[kind]} numbers`);
      return { kind, value: parts.map((p) => number(p, here)) };
    }
  }
}
