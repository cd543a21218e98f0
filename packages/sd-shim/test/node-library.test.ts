import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  INSTANCE_ID,
  NODE_LIBRARY,
  SDDefinition,
  SDPropertyCategory,
  SDPropertyInheritanceMethod,
  SDSBSCompGraph,
  SDSBSCompNode,
  SDSBSFunctionGraph,
  SDSBSFunctionNode,
  SDTexture,
  SDTypeInt,
  SDTypeStruct,
  SDValueArray,
  SDValueColorRGBA,
  SDValueFloat,
  SDValueFloat2,
  SDValueInt,
  SDValueInt2,
  SDValueStruct,
  SDValueTexture,
  ColorRGBA,
  MemoryFileSystem,
  float2,
  int2,
  getContext,
  resetDesigner,
  sdShim,
  type SDPackage,
} from '@sigslot/sd-shim';
import { apiError, codeOf } from './helpers';

const { Input, Output } = SDPropertyCategory;
const DATA = JSON.parse(fs.readFileSync(path.join(__dirname, '../src/graph/data/node-library.json'), 'utf8')) as {
  compositing: { id: string }[];
  function: { id: string }[];
};

let pkg: SDPackage;
let graph: SDSBSCompGraph;
beforeEach(() => {
  resetDesigner();
  pkg = getContext().getSDApplication().getPackageMgr().newUserPackage();
  graph = SDSBSCompGraph.sNew(pkg);
});

describe('the node library comes from a data file', () => {
  test('it holds at least 60 definition ids, every one of the data file, and newNode makes each', () => {
    const ids = [
      ...DATA.compositing.map((d) => `sbs::compositing::${d.id}`),
      ...DATA.function.map((d) => `sbs::function::${d.id}`),
    ];
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect([...NODE_LIBRARY.keys()].sort()).toEqual([...ids, INSTANCE_ID].sort());
    const fn = SDSBSFunctionGraph.sNew(pkg);
    for (const id of ids) {
      const node = (id.startsWith('sbs::function::') ? fn : graph).newNode(id);
      expect(node.getDefinition().getId()).toBe(id);
    }
    // The ids plugins use most (the audit's list) are among them.
    for (const id of ['pixelprocessor', 'fxmaps', 'normal', 'gradient', 'passthrough', 'valueprocessor'])
      expect(NODE_LIBRARY.has(`sbs::compositing::${id}`)).toBe(true);
    for (const id of ['get_float2', 'get_float3', 'get_float4', 'get_integer1', 'swizzle1', 'sub', 'sequence', 'set'])
      expect(NODE_LIBRARY.has(`sbs::function::${id}`)).toBe(true);
  });

  test('every compositing node has the base parameters, with their types', () => {
    const node = graph.newNode('sbs::compositing::hsl');
    const types = ['$outputsize', '$format', '$pixelsize', '$pixelratio', '$tiling', '$randomseed'].map((id) =>
      node.getPropertyFromId(id, Input)!.getType().getId(),
    );
    expect(types).toEqual([
      'int2',
      'sbs::compositing::format',
      'float2',
      'sbs::compositing::pixelratio',
      'sbs::compositing::tiling',
      'int',
    ]);
    expect([...node.getProperties(Input)].map((p) => p.getId()).slice(6)).toEqual([
      'input1',
      'hue',
      'saturation',
      'luminosity',
    ]);
  });

  test('newNode of an instance node is refused: newInstanceNode makes those', () => {
    expect(apiError(() => graph.newNode(INSTANCE_ID)).message).toContain('use newInstanceNode(resource) instead');
    expect(codeOf(() => graph.newNode(INSTANCE_ID))).toBe('NotSupported');
  });
});

describe('class names are Designer’s most specific ones', () => {
  test('compositing nodes are SDSBSCompNode, function nodes SDSBSFunctionNode, definitions SDDefinition', () => {
    const node = graph.newNode('sbs::compositing::blend');
    const fnNode = SDSBSFunctionGraph.sNew(pkg).newNode('sbs::function::add');
    expect(node).toBeInstanceOf(SDSBSCompNode);
    expect(node.getClassName()).toBe('SDSBSCompNode');
    expect(fnNode).toBeInstanceOf(SDSBSFunctionNode);
    expect(fnNode.getClassName()).toBe('SDSBSFunctionNode');
    expect(node.getDefinition()).toBeInstanceOf(SDDefinition);
    expect(node.getDefinition().getClassName()).toBe('SDDefinition');
  });
});

describe('function nodes take every type the reference gives them', () => {
  test('add takes int … float4; its two inputs take one type, decided by the first connection', () => {
    const fn = SDSBSFunctionGraph.sNew(pkg);
    const add = fn.newNode('sbs::function::add');
    expect([...add.getPropertyFromId('a', Input)!.getTypes()].map((t) => t.getId())).toEqual([
      'int',
      'int2',
      'int3',
      'int4',
      'float',
      'float2',
      'float3',
      'float4',
    ]);
    const i = fn.newNode('sbs::function::const_int2');
    const f = fn.newNode('sbs::function::const_float1');
    i.newPropertyConnectionFromId('unique_filter_output', add, 'a');
    expect(codeOf(() => f.newPropertyConnectionFromId('unique_filter_output', add, 'b'))).toBe('InvalidType');
    fn.newNode('sbs::function::const_int2').newPropertyConnectionFromId('unique_filter_output', add, 'b');
    // The output follows: an int2 add feeds an int2 input, not a float one.
    const toFloat = fn.newNode('sbs::function::tofloat2');
    add.newPropertyConnectionFromId('unique_filter_output', toFloat, 'value');
    expect(
      codeOf(() =>
        add.newPropertyConnectionFromId('unique_filter_output', fn.newNode('sbs::function::tofloat'), 'value'),
      ),
    ).toBe('InvalidType');
    add.setInputPropertyValueFromId('a', SDValueInt2.sNew(new int2(1, 2)));
    expect(add.getInputPropertyValueFromId('a')!.get()).toEqual(new int2(1, 2));
  });
});

describe('outputs and compute()', () => {
  test('an output node has its Output property, which holds an SDValueTexture after compute()', () => {
    const uniform = graph.newNode('sbs::compositing::uniform');
    const output = graph.newNode('sbs::compositing::output');
    uniform.newPropertyConnectionFromId('unique_filter_output', output, 'inputNodeOutput');
    const [out] = [...output.getDefinition().getProperties(Output)];
    expect(out!.getId()).toBe('unique_filter_output');
    expect(out!.isConnectable()).toBe(false);
    expect(output.getPropertyValue(out!)).toBeNull();
    graph.compute();
    const value = output.getPropertyValue(out!);
    expect(value).toBeInstanceOf(SDValueTexture);
    const texture = value!.get() as SDTexture;
    expect(texture).toBeInstanceOf(SDTexture);
    expect(texture.getSize()).toEqual(expect.objectContaining({ x: 256, y: 256 }));
  });

  test('sizes follow $outputsize and its inheritance method; save() writes a PNG of that size', () => {
    const uniform = graph.newNode('sbs::compositing::uniform') as SDSBSCompNode;
    const blur = graph.newNode('sbs::compositing::blur') as SDSBSCompNode;
    uniform.newPropertyConnectionFromId('unique_filter_output', blur, 'input1');
    uniform.setInputPropertyInheritanceMethodFromId('$outputsize', SDPropertyInheritanceMethod.Absolute);
    uniform.setInputPropertyValueFromId('$outputsize', SDValueInt2.sNew(new int2(4, 3)));
    blur.setInputPropertyValueFromId('$outputsize', SDValueInt2.sNew(new int2(1, 1)));
    expect(uniform.getInputPropertyInheritanceMethodFromId('$outputsize')).toBe(SDPropertyInheritanceMethod.Absolute);
    expect(blur.getInputPropertyInheritanceMethodFromId('$outputsize')).toBe(
      SDPropertyInheritanceMethod.RelativeToInput,
    );
    graph.compute();
    const size = (node: SDSBSCompNode) =>
      (node.getPropertyValueFromId('unique_filter_output', Output)!.get() as SDTexture).getSize();
    expect([size(uniform).x, size(uniform).y]).toEqual([16, 8]);
    expect([size(blur).x, size(blur).y]).toEqual([32, 16]);
    const files = new MemoryFileSystem();
    const previous = sdShim.setFileSystem(files);
    try {
      (blur.getPropertyValueFromId('unique_filter_output', Output)!.get() as SDTexture).save('/out/blur.png');
    } finally {
      sdShim.setFileSystem(previous);
    }
    const png = files.bytesOrText('/out/blur.png') as Uint8Array;
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([32, 16]);
    expect(
      codeOf(() =>
        (blur.getPropertyValueFromId('unique_filter_output', Output)!.get() as SDTexture).save('/out/x.tga'),
      ),
    ).toBe('NotSupported');
    expect(
      codeOf(() => blur.setInputPropertyInheritanceMethodFromId('intensity', SDPropertyInheritanceMethod.Absolute)),
    ).toBe('InvalidArgument');
  });
});

describe('instances', () => {
  test('newInstanceNode shows the graph’s inputs and outputs, and getReferencedResource gives the graph back', () => {
    const pattern = SDSBSCompGraph.sNew(pkg);
    pattern.setIdentifier('pattern');
    const tiling = pattern.newProperty('Tiling', SDTypeInt.sNew(), Input);
    expect(tiling.getId()).toBe('Tiling');
    pattern.newNode('sbs::compositing::input_grayscale');
    pattern.newNode('sbs::compositing::output');
    const instance = graph.newInstanceNode(pattern);
    expect(instance.getDefinition().getId()).toBe(INSTANCE_ID);
    expect(instance.getReferencedResource()).toBe(pattern);
    expect(graph.newNode('sbs::compositing::blur').getReferencedResource()).toBeNull();
    instance.setInputPropertyValueFromId('Tiling', SDValueInt.sNew(5));
    expect(instance.getInputPropertyValueFromId('Tiling')!.get()).toBe(5);
    expect([...instance.getProperties(Input)].map((p) => p.getId()).slice(6)).toEqual(['Tiling', 'input']);
    expect([...instance.getProperties(Output)].map((p) => p.getId())).toEqual(['output']);
    instance.newPropertyConnectionFromId('output', graph.newNode('sbs::compositing::output'), 'inputNodeOutput');
    expect(codeOf(() => graph.newInstanceNode(graph))).toBe('InvalidArgument');
    expect(codeOf(() => graph.newInstanceNode(SDSBSFunctionGraph.sNew(pkg)))).toBe('InvalidArgument');
  });
});

describe('property graphs', () => {
  test('newPropertyGraph makes the function graph of a parameter; getPropertyGraph finds it; deletePropertyGraph removes it', () => {
    const uniform = graph.newNode('sbs::compositing::uniform');
    const color = uniform.getPropertyFromId('outputcolor', Input)!;
    expect(uniform.getPropertyGraph(color)).toBeNull();
    const fn = uniform.newPropertyGraph(color, 'SDSBSFunctionGraph') as SDSBSFunctionGraph;
    expect(fn).toBeInstanceOf(SDSBSFunctionGraph);
    expect(uniform.getPropertyGraph(color)).toBe(fn);
    const constant = fn.newNode('sbs::function::const_float4');
    fn.setOutputNode(constant, true);
    expect([...fn.getOutputNodes()]).toEqual([constant]);
    uniform.deletePropertyGraph(color);
    expect(uniform.getPropertyGraph(color)).toBeNull();
    expect(codeOf(() => fn.getNodes())).toBe('ItemNotFound');
    expect(codeOf(() => uniform.newPropertyGraph(color, 'SDSBSCompGraph'))).toBe('NotSupported');
  });
});

describe('structs', () => {
  test('a gradient is an array of gradient_key_rgba structs', () => {
    const keyType = SDTypeStruct.sNew('sbs::compositing::gradient_key_rgba');
    const key = SDValueStruct.sNew(keyType);
    expect(key.getPropertyValueFromId('midpoint').get()).toBe(0.5);
    key.setPropertyValueFromId('value', SDValueColorRGBA.sNew(new ColorRGBA(1, 0, 0, 1)));
    key.setPropertyValueFromId('position', SDValueFloat.sNew(0.25));
    expect(codeOf(() => key.setPropertyValueFromId('position', SDValueFloat2.sNew(new float2(0, 0))))).toBe(
      'InvalidType',
    );
    expect(codeOf(() => key.getPropertyValueFromId('ghost'))).toBe('ItemNotFound');
    const keys = SDValueArray.sNew(keyType, 0);
    keys.pushBack(key);
    const gradient = graph.newNode('sbs::compositing::gradient');
    gradient.setInputPropertyValueFromId('gradientrgba', keys);
    const stored = gradient.getInputPropertyValueFromId('gradientrgba') as SDValueArray;
    expect(stored.getSize()).toBe(1);
    expect((stored.getItem(0) as SDValueStruct).getPropertyValueFromId('position').get()).toBe(0.25);
    expect(codeOf(() => SDTypeStruct.sNew('sbs::nothing'))).toBe('ItemNotFound');
  });
});
