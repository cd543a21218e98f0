import {
  ColorRGBA,
  SDArray,
  SDTypeArray,
  SDTypeBool,
  SDTypeColorRGBA,
  SDTypeEnum,
  SDTypeFloat,
  SDTypeFloat2,
  SDTypeFloat3,
  SDTypeFloat4,
  SDTypeInt,
  SDTypeInt2,
  SDTypeInt3,
  SDTypeInt4,
  SDTypeString,
  SDTypeTexture,
  SDTypeUsage,
  SDUsage,
  SDValue,
  SDValueArray,
  SDValueBool,
  SDValueColorRGBA,
  SDValueEnum,
  SDValueFloat,
  SDValueFloat2,
  SDValueFloat3,
  SDValueFloat4,
  SDValueInt,
  SDValueInt2,
  SDValueInt3,
  SDValueInt4,
  SDValueString,
  SDValueUsage,
  float2,
  float3,
  float4,
  int2,
  int3,
  int4,
  SDSBSCompGraph,
  getContext,
  resetDesigner,
  type SDType,
} from '@sigslot/sd-shim';
import { codeOf } from './helpers';

test('each SDValue class wraps its payload; get() returns it, as a new object for vectors', () => {
  const cases: [SDValue, unknown, string][] = [
    [SDValueBool.sNew(true), true, 'bool'],
    [SDValueInt.sNew(3), 3, 'int'],
    [SDValueFloat.sNew(0.5), 0.5, 'float'],
    [SDValueString.sNew('x'), 'x', 'string'],
    [SDValueFloat2.sNew(new float2(1, 2)), new float2(1, 2), 'float2'],
    [SDValueFloat3.sNew(new float3(1, 2, 3)), new float3(1, 2, 3), 'float3'],
    [SDValueFloat4.sNew(new float4(0, 1, 0, 1)), new float4(0, 1, 0, 1), 'float4'],
    [SDValueInt2.sNew(new int2(9, 9)), new int2(9, 9), 'int2'],
    [SDValueInt3.sNew(new int3(1, 2, 3)), new int3(1, 2, 3), 'int3'],
    [SDValueInt4.sNew(new int4(1, 2, 3, 4)), new int4(1, 2, 3, 4), 'int4'],
    [SDValueColorRGBA.sNew(new ColorRGBA(1, 0, 0, 1)), new ColorRGBA(1, 0, 0, 1), 'ColorRGBA'],
    [SDValueEnum.sFromValueId('sbs::compositing::format', 'hdr_high_precision'), 3, 'sbs::compositing::format'],
  ];
  for (const [value, payload, typeId] of cases) {
    expect(value).toBeInstanceOf(SDValue);
    expect(value.get()).toEqual(payload);
    expect(value.getType().getId()).toBe(typeId);
  }
  const v = SDValueFloat2.sNew(new float2(1, 2));
  (v.get() as float2).x = 5;
  expect(v.get().x).toBe(1);
});

test('sNew checks its argument', () => {
  expect(codeOf(() => SDValueFloat.sNew('1' as unknown as number))).toBe('InvalidArgument');
  expect(codeOf(() => SDValueInt.sNew(1.5))).toBe('InvalidValue');
  expect(codeOf(() => SDValueBool.sNew(1 as unknown as boolean))).toBe('InvalidArgument');
  expect(codeOf(() => SDValueString.sNew(null as unknown as string))).toBe('InvalidArgument');
  expect(codeOf(() => SDValueFloat2.sNew({ x: 1 } as float2))).toBe('InvalidArgument');
  expect(codeOf(() => SDValueInt2.sNew(new int2(1.5, 2)))).toBe('InvalidValue');
  expect(codeOf(() => SDValueColorRGBA.sNew(undefined as unknown as ColorRGBA))).toBe('InvalidArgument');
  expect(SDValueFloat2.sNew({ x: 3, y: 4 } as float2).get()).toEqual(new float2(3, 4));
});

test('SDValueEnum.sFromValueId raises ItemNotFound for an unknown enum or member', () => {
  expect(codeOf(() => SDValueEnum.sFromValueId('sbs::nope', 'x'))).toBe('ItemNotFound');
  expect(codeOf(() => SDValueEnum.sFromValueId('sbs::compositing::format', 'x'))).toBe('ItemNotFound');
  expect(SDValueEnum.sFromValueId('sbs::compositing::blendingmode', 'copy').getValueId()).toBe('copy');
});

test('SDValueArray holds values of one type', () => {
  const usages = SDValueArray.sNew(SDTypeUsage.sNew(), 0);
  expect(usages.getSize()).toBe(0);
  usages.pushBack(SDValueUsage.sNew(SDUsage.sNew('baseColor', 'RGBA', 'sRGB')));
  usages.pushBack(SDValueUsage.sNew(SDUsage.sNew('roughness', 'L', 'Linear')));
  expect(usages.getSize()).toBe(2);
  const second = usages.getItem(1).get() as SDUsage;
  expect([second.getName(), second.getComponents(), second.getColorSpace()]).toEqual(['roughness', 'L', 'Linear']);
  const items = usages.get();
  expect(items).toBeInstanceOf(SDArray);
  expect([...items].map((v) => (v.get() as SDUsage).getName())).toEqual(['baseColor', 'roughness']);
  expect(usages.getType().getId()).toBe('SDArray<SDUsage>');
  expect(codeOf(() => usages.pushBack(SDValueFloat.sNew(1)))).toBe('InvalidType');
  expect(codeOf(() => usages.getItem(2))).toBe('InvalidArgument');
  const floats = SDValueArray.sNew(SDTypeFloat.sNew(), 2);
  expect([...floats.get()].map((v) => v.get())).toEqual([0, 0]);
  expect(codeOf(() => SDValueArray.sNew(SDTypeEnum.sNew('sbs::compositing::format'), 1))).toBe('NotSupported');
  expect(codeOf(() => SDValueArray.sNew(SDTypeFloat.sNew(), -1))).toBe('InvalidValue');
  expect(codeOf(() => SDValueArray.sNew('float' as unknown as SDType, 0))).toBe('InvalidArgument');
  expect(codeOf(() => SDValueUsage.sNew('baseColor' as unknown as SDUsage))).toBe('InvalidArgument');
});

test("SDType classes give Designer's type ids", () => {
  const types: [SDType, string][] = [
    [SDTypeBool.sNew(), 'bool'],
    [SDTypeInt.sNew(), 'int'],
    [SDTypeInt2.sNew(), 'int2'],
    [SDTypeInt3.sNew(), 'int3'],
    [SDTypeInt4.sNew(), 'int4'],
    [SDTypeFloat.sNew(), 'float'],
    [SDTypeFloat2.sNew(), 'float2'],
    [SDTypeFloat3.sNew(), 'float3'],
    [SDTypeFloat4.sNew(), 'float4'],
    [SDTypeString.sNew(), 'string'],
    [SDTypeColorRGBA.sNew(), 'ColorRGBA'],
    [SDTypeUsage.sNew(), 'SDUsage'],
    [SDTypeTexture.sNew(), 'SDTexture'],
    [SDTypeEnum.sNew('sbs::compositing::format'), 'sbs::compositing::format'],
    [SDTypeArray.sNew(SDTypeFloat.sNew()), 'SDArray<float>'],
  ];
  for (const [type, id] of types) expect([type.getClassName(), type.getId()]).toEqual([type.constructor.name, id]);
});

test('SDArray: getSize, getItem, iteration; out of range raises InvalidArgument', () => {
  const array = SDValueArray.sNew(SDTypeInt.sNew(), 3).get();
  expect(array.getSize()).toBe(3);
  expect(array.getItem(0).get()).toBe(0);
  expect([...array]).toHaveLength(3);
  expect(codeOf(() => array.getItem(3))).toBe('InvalidArgument');
  expect(codeOf(() => array.getItem(-1))).toBe('InvalidArgument');
  expect(codeOf(() => new SDArray([]).getItem(0))).toBe('InvalidArgument');
});

test('base types print like Python', () => {
  expect(String(new float2(1, 2))).toBe('float2(1, 2)');
  expect(String(new float3(1, 2, 3))).toBe('float3(1, 2, 3)');
  expect(String(new float4(1, 2, 3, 4))).toBe('float4(1, 2, 3, 4)');
  expect(String(new int2(1, 2))).toBe('int2(1, 2)');
  expect(String(new int3(1, 2, 3))).toBe('int3(1, 2, 3)');
  expect(String(new int4(1, 2, 3, 4))).toBe('int4(1, 2, 3, 4)');
  expect(String(new ColorRGBA(1, 0, 0))).toBe('ColorRGBA(1, 0, 0, 1)');
});

describe('SDArray', () => {
  test('has a length, like Python’s len(), and iterates; an empty one is truthy, unlike Python’s empty list', () => {
    resetDesigner();
    const pkg = getContext().getSDApplication().getPackageMgr().newUserPackage();
    const graph = SDSBSCompGraph.sNew(pkg);
    const empty = graph.getNodes();
    expect(empty.length).toBe(0);
    expect(Boolean(empty)).toBe(true); // the pitfall of a line-for-line port: `if (nodes)` is always taken
    graph.newNode('sbs::compositing::blur');
    graph.newNode('sbs::compositing::blend');
    const nodes = graph.getNodes();
    expect([nodes.length, nodes.getSize()]).toEqual([2, 2]);
    expect([...nodes].map((n) => n.getDefinition().getId())).toEqual([
      'sbs::compositing::blur',
      'sbs::compositing::blend',
    ]);
  });
});
