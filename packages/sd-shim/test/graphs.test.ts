import {
  ColorRGBA,
  SDConnection,
  SDNode,
  SDDefinition,
  SDPackage,
  SDProperty,
  SDPropertyCategory,
  SDSBSCompGraph,
  SDSBSFunctionGraph,
  SDValueBool,
  SDValueColorRGBA,
  SDValueEnum,
  SDValueFloat,
  SDValueFloat4,
  SDValueInt,
  SDValueInt2,
  SDValueString,
  float2,
  float4,
  int2,
  getContext,
  resetDesigner,
  type SDValue,
} from '@sigslot/sd-shim';
import { apiError, codeOf } from './helpers';

let pkg: SDPackage;
let graph: SDSBSCompGraph;
beforeEach(() => {
  resetDesigner();
  pkg = getContext().getSDApplication().getPackageMgr().newUserPackage();
  graph = SDSBSCompGraph.sNew(pkg);
  graph.setIdentifier('G');
});

const { Input, Output, Annotation } = SDPropertyCategory;
const input = (node: SDNode, id: string) => node.getPropertyFromId(id, Input)!;
const value = (v: SDValue | null) => v?.get();

describe('nodes', () => {
  test('newNode makes a node of the definition, with a numeric-looking id unique in the graph', () => {
    const a = graph.newNode('sbs::compositing::uniform');
    const b = graph.newNode('sbs::compositing::blend');
    expect(a).toBeInstanceOf(SDNode);
    expect(a.getIdentifier()).toMatch(/^\d+$/);
    expect(a.getIdentifier()).not.toBe(b.getIdentifier());
    expect(a.getDefinition()).toBeInstanceOf(SDDefinition);
    expect(a.getDefinition().getId()).toBe('sbs::compositing::uniform');
    expect(b.getDefinition().getLabel()).toBe('Blend');
    expect([...graph.getNodes()]).toEqual([a, b]);
    expect(graph.getNodeFromId(b.getIdentifier())).toBe(b);
    expect(graph.getNodeFromId('0')).toBeNull();
  });

  test('an unknown definition raises ItemNotFound naming the known ones; one of the other family InvalidArgument', () => {
    const error = apiError(() => graph.newNode('sbs::compositing::nope'));
    expect(error.message).toContain(
      'unknown node definition "sbs::compositing::nope" (the mock knows: sbs::compositing::uniform, ',
    );
    expect(codeOf(() => graph.newNode('sbs::compositing::nope'))).toBe('ItemNotFound');
    expect(codeOf(() => graph.newNode('sbs::function::const_float4'))).toBe('InvalidArgument');
    expect(codeOf(() => graph.newNode(3 as unknown as string))).toBe('InvalidArgument');
  });

  test('the position reads back as set, as a new float2', () => {
    const node = graph.newNode('sbs::compositing::levels');
    expect(node.getPosition()).toEqual(new float2(0, 0));
    node.setPosition(new float2(-12.5, 40));
    const position = node.getPosition();
    expect(position).toBeInstanceOf(float2);
    expect([position.x, position.y]).toEqual([-12.5, 40]);
    position.x = 99;
    expect(node.getPosition().x).toBe(-12.5);
    node.setPosition({ x: 1, y: 2 } as float2);
    expect(node.getPosition()).toEqual(new float2(1, 2));
    expect(codeOf(() => node.setPosition(new float2(Number.NaN, 0)))).toBe('InvalidValue');
    expect(codeOf(() => node.setPosition(null as unknown as float2))).toBe('InvalidArgument');
  });

  test('deleteNode removes it and its connections; the node then raises ItemNotFound', () => {
    const a = graph.newNode('sbs::compositing::uniform');
    const b = graph.newNode('sbs::compositing::blend');
    const link = a.newPropertyConnectionFromId('unique_filter_output', b, 'source');
    graph.deleteNode(a);
    expect([...graph.getNodes()]).toEqual([b]);
    expect(b.getPropertyConnections(input(b, 'source')).getSize()).toBe(0);
    expect(codeOf(() => a.getIdentifier())).toBe('ItemNotFound');
    expect(codeOf(() => link.getInputPropertyNode())).toBe('ItemNotFound');
    expect(codeOf(() => graph.deleteNode(a))).toBe('ItemNotFound');
    const other = SDSBSCompGraph.sNew(pkg).newNode('sbs::compositing::uniform');
    expect(codeOf(() => graph.deleteNode(other))).toBe('InvalidArgument');
  });

  test('getOutputNodes lists the output nodes; output and input nodes get unique identifier annotations', () => {
    graph.newNode('sbs::compositing::uniform');
    const out1 = graph.newNode('sbs::compositing::output');
    const out2 = graph.newNode('sbs::compositing::output');
    const in1 = graph.newNode('sbs::compositing::input_color');
    expect([...graph.getOutputNodes()]).toEqual([out1, out2]);
    expect(value(out1.getAnnotationPropertyValueFromId('identifier'))).toBe('output');
    expect(value(out2.getAnnotationPropertyValueFromId('identifier'))).toBe('output_1');
    expect(value(in1.getPropertyValueFromId('identifier', Annotation))).toBe('input');
    out2.setAnnotationPropertyValueFromId('identifier', SDValueString.sNew('roughness'));
    expect([...graph.getProperties(Output)].map((p) => p.getId())).toEqual(['output', 'roughness']);
    expect(graph.getPropertyFromId('roughness', Output)).toBe(graph.getPropertyFromId('roughness', Output));
  });

  test("getNodeDefinitions lists the definitions of the graph's family", () => {
    const compositing = [...graph.getNodeDefinitions()].map((d) => d.getId());
    expect(compositing).toContain('sbs::compositing::blend');
    expect(compositing.every((id) => id.startsWith('sbs::compositing::'))).toBe(true);
    const fn = SDSBSFunctionGraph.sNew(pkg);
    expect([...fn.getNodeDefinitions()].every((d) => d.getId().startsWith('sbs::function::'))).toBe(true);
  });

  test("getReferencedResource is null for the library's atomic nodes; compute() does nothing but check the graph", () => {
    expect(graph.newNode('sbs::compositing::blur').getReferencedResource()).toBeNull();
    expect(() => graph.compute()).not.toThrow();
  });
});

describe('properties and values', () => {
  test('properties by category, in definition order', () => {
    const blend = graph.newNode('sbs::compositing::blend');
    expect([...blend.getProperties(Input)].map((p) => p.getId())).toEqual([
      '$outputsize',
      '$format',
      '$pixelsize',
      '$pixelratio',
      '$tiling',
      '$randomseed',
      'source',
      'destination',
      'opacity',
      'blendingmode',
      'opacitymult',
    ]);
    expect([...blend.getProperties(Output)].map((p) => p.getId())).toEqual(['unique_filter_output']);
    expect(blend.getProperties(Annotation).getSize()).toBe(0);
    expect([...blend.getDefinition().getProperties(Output)]).toEqual([...blend.getProperties(Output)]);
    expect(blend.getDefinition().getPropertyFromId('opacitymult', Input)).toBe(input(blend, 'opacitymult'));
    expect(blend.getDefinition().getPropertyFromId('nope', Input)).toBeNull();
    expect(codeOf(() => blend.getProperties(7 as SDPropertyCategory))).toBe('InvalidArgument');
  });

  test('a property describes itself', () => {
    const blend = graph.newNode('sbs::compositing::blend');
    const opacity = input(blend, 'opacitymult');
    expect(opacity).toBeInstanceOf(SDProperty);
    expect([opacity.getId(), opacity.getLabel(), opacity.getCategory()]).toEqual(['opacitymult', 'Opacity', Input]);
    expect(opacity.getType().getId()).toBe('float');
    expect([opacity.isConnectable(), opacity.isReadOnly()]).toEqual([false, false]);
    expect(value(opacity.getDefaultValue())).toBe(1);
    const source = input(blend, 'source');
    expect([source.getType().getId(), source.isConnectable(), source.isReadOnly(), source.getDefaultValue()]).toEqual([
      'SDTexture',
      true,
      true,
      null,
    ]);
    expect(input(blend, 'blendingmode').getType().getId()).toBe('sbs::compositing::blendingmode');
  });

  test('getPropertyFromId returns null for an unknown id; getPropertyValueFromId raises ItemNotFound', () => {
    const node = graph.newNode('sbs::compositing::uniform');
    expect(node.getPropertyFromId('ghost', Input)).toBeNull();
    const error = apiError(() => node.getPropertyValueFromId('ghost', Input));
    expect(error.message).toContain(
      'has no Input property "ghost" (it has: $outputsize, $format, $pixelsize, $pixelratio, $tiling, $randomseed, colorswitch, outputcolor)',
    );
    expect(codeOf(() => node.setInputPropertyValueFromId('ghost', SDValueFloat.sNew(1)))).toBe('ItemNotFound');
    expect(codeOf(() => node.getAnnotationPropertyValueFromId('identifier'))).toBe('ItemNotFound');
  });

  test('a value set reads back, as a copy, until set again', () => {
    const uniform = graph.newNode('sbs::compositing::uniform');
    expect(uniform.getPropertyValue(input(uniform, 'outputcolor'))!.get()).toEqual(new ColorRGBA(0, 0, 0, 1));
    uniform.setPropertyValue(input(uniform, 'outputcolor'), SDValueColorRGBA.sNew(new ColorRGBA(1, 0.5, 0, 1)));
    const color = uniform.getPropertyValue(input(uniform, 'outputcolor'))!.get() as ColorRGBA;
    expect(color).toEqual(new ColorRGBA(1, 0.5, 0, 1));
    color.r = 0;
    expect((uniform.getPropertyValueFromId('outputcolor', Input)!.get() as ColorRGBA).r).toBe(1);
    uniform.setInputPropertyValueFromId('colorswitch', SDValueBool.sNew(false));
    expect(value(uniform.getPropertyValueFromId('colorswitch', Input))).toBe(false);
    uniform.setInputPropertyValueFromId('$outputsize', SDValueInt2.sNew(new int2(9, 10)));
    expect(value(uniform.getPropertyValueFromId('$outputsize', Input))).toEqual(new int2(9, 10));
    const levels = graph.newNode('sbs::compositing::levels');
    levels.setInputPropertyValueFromId('levelinhigh', SDValueFloat4.sNew(new float4(0.9, 0.9, 0.9, 1)));
    expect(value(levels.getPropertyValueFromId('levelinhigh', Input))).toEqual(new float4(0.9, 0.9, 0.9, 1));
  });

  test('values of another type raise InvalidType; outputs and image ports NotSupported', () => {
    const blend = graph.newNode('sbs::compositing::blend');
    const error = apiError(() => blend.setInputPropertyValueFromId('opacitymult', SDValueInt.sNew(1)));
    expect(error.message).toMatch(
      /Input property "opacitymult" of the node "\d+" \(sbs::compositing::blend\) in pkg:\/\/\/G expects a float value, got a int value/,
    );
    expect(codeOf(() => blend.setInputPropertyValueFromId('opacitymult', SDValueInt.sNew(1)))).toBe('InvalidType');
    expect(codeOf(() => blend.setInputPropertyValueFromId('source', SDValueFloat.sNew(1)))).toBe('NotSupported');
    expect(apiError(() => blend.setInputPropertyValueFromId('source', SDValueFloat.sNew(1))).message).toContain(
      'is an image port: connect a node to it instead',
    );
    expect(
      codeOf(() =>
        blend.setPropertyValue(blend.getPropertyFromId('unique_filter_output', Output)!, SDValueFloat.sNew(1)),
      ),
    ).toBe('NotSupported');
    expect(codeOf(() => blend.setInputPropertyValueFromId('opacitymult', 0.5 as unknown as SDValue))).toBe(
      'InvalidArgument',
    );
    expect(blend.getPropertyValue(input(blend, 'source'))).toBeNull();
  });

  test('enum properties take an SDValueEnum of their enum, or an int that is one of its members', () => {
    const blend = graph.newNode('sbs::compositing::blend');
    blend.setInputPropertyValueFromId(
      'blendingmode',
      SDValueEnum.sFromValueId('sbs::compositing::blendingmode', 'screen'),
    );
    expect(value(blend.getPropertyValueFromId('blendingmode', Input))).toBe(10);
    blend.setInputPropertyValueFromId('blendingmode', SDValueInt.sNew(3));
    const mode = blend.getPropertyValueFromId('blendingmode', Input) as SDValueEnum;
    expect([mode.get(), mode.getValueId()]).toEqual([3, 'multiply']);
    expect(codeOf(() => blend.setInputPropertyValueFromId('blendingmode', SDValueInt.sNew(99)))).toBe('InvalidValue');
    expect(
      codeOf(() =>
        blend.setInputPropertyValueFromId(
          'blendingmode',
          SDValueEnum.sFromValueId('sbs::compositing::format', 'hdr_high_precision'),
        ),
      ),
    ).toBe('InvalidType');
  });

  test('a property taken from another node of the same definition works; one of another definition does not', () => {
    const a = graph.newNode('sbs::compositing::blend');
    const b = graph.newNode('sbs::compositing::blend');
    const levels = graph.newNode('sbs::compositing::levels');
    b.setPropertyValue(input(a, 'opacitymult'), SDValueFloat.sNew(0.3));
    expect(value(b.getPropertyValue(input(a, 'opacitymult')))).toBeCloseTo(0.3);
    expect(value(levels.getPropertyValue(input(a, '$format')))).toBe(0);
    expect(codeOf(() => levels.getPropertyValue(input(a, 'opacitymult')))).toBe('InvalidArgument');
    expect(codeOf(() => levels.getPropertyValue('opacitymult' as unknown as SDProperty))).toBe('InvalidArgument');
  });

  test('graph properties: parameters and annotations read back as set', () => {
    expect(value(graph.getPropertyValueFromId('$outputsize', Input))).toEqual(new int2(8, 8));
    graph.setPropertyValue(graph.getPropertyFromId('$outputsize', Input)!, SDValueInt2.sNew(new int2(11, 11)));
    expect(value(graph.getPropertyValue(graph.getPropertyFromId('$outputsize', Input)!))).toEqual(new int2(11, 11));
    graph.setInputPropertyValueFromId('$randomseed', SDValueInt.sNew(7));
    expect(value(graph.getPropertyValueFromId('$randomseed', Input))).toBe(7);
    graph.setAnnotationPropertyValueFromId('description', SDValueString.sNew('rusty metal'));
    expect(value(graph.getAnnotationPropertyValueFromId('description'))).toBe('rusty metal');
    expect([...graph.getProperties(Annotation)].map((p) => p.getId())).toEqual([
      'label',
      'description',
      'author',
      'category',
      'tags',
    ]);
    expect(codeOf(() => graph.getPropertyValueFromId('ghost', Input))).toBe('ItemNotFound');
    expect(graph.getPropertyFromId('ghost', Input)).toBeNull();
  });
});

describe('connections', () => {
  test('newPropertyConnectionFromId, called on the source node, links an output to an input', () => {
    const uniform = graph.newNode('sbs::compositing::uniform');
    const blend = graph.newNode('sbs::compositing::blend');
    const link = uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'source');
    expect(link).toBeInstanceOf(SDConnection);
    expect(link.getInputPropertyNode()).toBe(blend);
    expect(link.getInputProperty().getId()).toBe('source');
    expect(link.getOutputPropertyNode()).toBe(uniform);
    expect(link.getOutputProperty().getId()).toBe('unique_filter_output');
  });

  test('getPropertyConnections sees the other end through getInput*, from either side', () => {
    const uniform = graph.newNode('sbs::compositing::uniform');
    const a = graph.newNode('sbs::compositing::blend');
    const b = graph.newNode('sbs::compositing::blend');
    uniform.newPropertyConnectionFromId('unique_filter_output', a, 'source');
    uniform.newPropertyConnection(
      uniform.getPropertyFromId('unique_filter_output', Output)!,
      b,
      input(b, 'destination'),
    );
    const downstream = [...uniform.getPropertyConnections(uniform.getPropertyFromId('unique_filter_output', Output)!)];
    expect(downstream.map((c) => [c.getInputPropertyNode(), c.getInputProperty().getId()])).toEqual([
      [a, 'source'],
      [b, 'destination'],
    ]);
    const upstream = [...a.getPropertyConnections(input(a, 'source'))];
    expect(
      upstream.map((c) => [c.getInputPropertyNode(), c.getOutputPropertyNode(), c.getOutputProperty().getId()]),
    ).toEqual([[uniform, a, 'source']]);
  });

  test('connecting an input again replaces its connection', () => {
    const first = graph.newNode('sbs::compositing::uniform');
    const second = graph.newNode('sbs::compositing::uniform');
    const blend = graph.newNode('sbs::compositing::blend');
    const old = first.newPropertyConnectionFromId('unique_filter_output', blend, 'source');
    second.newPropertyConnectionFromId('unique_filter_output', blend, 'source');
    expect([...blend.getPropertyConnections(input(blend, 'source'))].map((c) => c.getInputPropertyNode())).toEqual([
      second,
    ]);
    expect(codeOf(() => old.getInputPropertyNode())).toBe('ItemNotFound');
  });

  test('disconnect and deletePropertyConnections remove connections', () => {
    const uniform = graph.newNode('sbs::compositing::uniform');
    const blend = graph.newNode('sbs::compositing::blend');
    const link = uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'source');
    link.disconnect();
    expect(blend.getPropertyConnections(input(blend, 'source')).getSize()).toBe(0);
    expect(codeOf(() => link.disconnect())).toBe('ItemNotFound');
    uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'source');
    uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'destination');
    uniform.deletePropertyConnections(uniform.getPropertyFromId('unique_filter_output', Output)!);
    expect(blend.getPropertyConnections(input(blend, 'destination')).getSize()).toBe(0);
  });

  test('ports must exist and be of compatible kinds', () => {
    const uniform = graph.newNode('sbs::compositing::uniform');
    const blend = graph.newNode('sbs::compositing::blend');
    const cases: [string, () => unknown, string][] = [
      ['unknown output', () => uniform.newPropertyConnectionFromId('nope', blend, 'source'), 'ItemNotFound'],
      [
        'unknown input',
        () => uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'nope'),
        'ItemNotFound',
      ],
      [
        'a parameter',
        () => uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'opacitymult'),
        'InvalidArgument',
      ],
      [
        'from an input',
        () => uniform.newPropertyConnection(input(uniform, 'outputcolor'), blend, input(blend, 'source')),
        'InvalidArgument',
      ],
      [
        'to an output',
        () =>
          uniform.newPropertyConnection(
            uniform.getPropertyFromId('unique_filter_output', Output)!,
            blend,
            blend.getPropertyFromId('unique_filter_output', Output)!,
          ),
        'InvalidArgument',
      ],
      [
        'to itself',
        () => blend.newPropertyConnectionFromId('unique_filter_output', blend, 'source'),
        'InvalidArgument',
      ],
      [
        'not a node',
        () => uniform.newPropertyConnectionFromId('unique_filter_output', {} as SDNode, 'source'),
        'InvalidArgument',
      ],
    ];
    for (const [name, connect, code] of cases) expect([name, codeOf(connect)]).toEqual([name, code]);
    expect(
      apiError(() => uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'opacitymult')).message,
    ).toContain('is a parameter, not a connectable input; set its value instead');
  });

  test('a connection that would close a cycle, or cross graphs, is refused', () => {
    const a = graph.newNode('sbs::compositing::levels');
    const b = graph.newNode('sbs::compositing::levels');
    const c = graph.newNode('sbs::compositing::levels');
    a.newPropertyConnectionFromId('unique_filter_output', b, 'input1');
    b.newPropertyConnectionFromId('unique_filter_output', c, 'input1');
    expect(apiError(() => c.newPropertyConnectionFromId('unique_filter_output', a, 'input1')).message).toContain(
      'would make a cycle',
    );
    const elsewhere = SDSBSCompGraph.sNew(pkg).newNode('sbs::compositing::levels');
    expect(codeOf(() => a.newPropertyConnectionFromId('unique_filter_output', elsewhere, 'input1'))).toBe(
      'InvalidArgument',
    );
  });

  test('function graphs connect typed ports only when the types match, and have one output node', () => {
    const fn = SDSBSFunctionGraph.sNew(pkg);
    const one = fn.newNode('sbs::function::const_float1');
    const four = fn.newNode('sbs::function::const_float4');
    const add = fn.newNode('sbs::function::add');
    one.newPropertyConnectionFromId('unique_filter_output', add, 'a');
    expect(apiError(() => four.newPropertyConnectionFromId('unique_filter_output', add, 'b')).message).toContain(
      '(float4)',
    );
    expect(codeOf(() => four.newPropertyConnectionFromId('unique_filter_output', add, 'b'))).toBe('InvalidType');
    expect(value(add.getPropertyValueFromId('b', Input))).toBe(0);
    add.setInputPropertyValueFromId('b', SDValueFloat.sNew(2));
    expect(fn.getOutputNodes().getSize()).toBe(0);
    fn.setOutputNode(one, true);
    fn.setOutputNode(add, true);
    expect([...fn.getOutputNodes()]).toEqual([add]);
    fn.setOutputNode(one, false);
    expect([...fn.getOutputNodes()]).toEqual([add]);
    fn.setOutputNode(add, false);
    expect(fn.getOutputNodes().getSize()).toBe(0);
    fn.setOutputNode(add, true);
    fn.deleteNode(add);
    expect(fn.getOutputNodes().getSize()).toBe(0);
    expect(codeOf(() => fn.setOutputNode(graph.newNode('sbs::compositing::blur'), true))).toBe('InvalidArgument');
    expect(fn.getProperties(Output).getSize()).toBe(0);
  });
});

test('objects made with `new` instead of the API raise InvalidArgument', () => {
  expect(apiError(() => new SDNode().getIdentifier()).message).toBe(
    'SDNode.getIdentifier(): called on an object that is not a Designer SDNode [SDApiError.InvalidArgument]',
  );
  expect(codeOf(() => new SDProperty().getId())).toBe('InvalidArgument');
  expect(codeOf(() => new SDDefinition().getId())).toBe('InvalidArgument');
  expect(codeOf(() => new SDConnection().disconnect())).toBe('InvalidArgument');
});
