import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ColorRGBA,
  EmbedMethod,
  SDGraphObjectComment,
  SDGraphObjectFrame,
  SDPropertyCategory,
  SDPropertyInheritanceMethod,
  SDResource,
  SDResourceFolder,
  SDValueString,
  SDSBSCompGraph,
  SDSBSFunctionGraph,
  SDTypeFloat,
  SDTypeStruct,
  SDValueArray,
  SDValueColorRGBA,
  SDValueFloat,
  SDValueFloat4,
  SDValueStruct,
  SDValueUsage,
  SDUsage,
  SDTypeUsage,
  SDTexture,
  float2,
  float4,
  getContext,
  resetDesigner,
  sdShim,
  type SDSBSCompNode,
} from '@sigslot/sd-shim';
import { useMemoryDisk } from './helpers';

const { Input } = SDPropertyCategory;
const disk = useMemoryDisk();
const mgr = () => getContext().getSDApplication().getPackageMgr();

/** A package with every thing the mock models. */
function everything() {
  const pkg = mgr().newUserPackage();
  const pattern = SDSBSCompGraph.sNew(pkg);
  pattern.setIdentifier('pattern');
  pattern.newProperty('Scale', SDTypeFloat.sNew(), Input);
  pattern.setInputPropertyValueFromId('Scale', SDValueFloat.sNew(2.5));
  pattern.newNode('sbs::compositing::output');
  const graph = SDSBSCompGraph.sNew(pkg);
  graph.setIdentifier('Main');
  graph.setAnnotationPropertyValueFromId('author', SDValueString.sNew('me'));
  const uniform = graph.newNode('sbs::compositing::uniform') as SDSBSCompNode;
  uniform.setPosition(new float2(-64.5, 32));
  uniform.setInputPropertyInheritanceMethodFromId('$format', SDPropertyInheritanceMethod.Absolute);
  uniform.setInputPropertyValueFromId('outputcolor', SDValueColorRGBA.sNew(new ColorRGBA(0.8, 0.35, 0, 1)));
  const fn = uniform.newPropertyGraph(
    uniform.getPropertyFromId('outputcolor', Input)!,
    'SDSBSFunctionGraph',
  ) as SDSBSFunctionGraph;
  const constant = fn.newNode('sbs::function::const_float4');
  constant.setInputPropertyValueFromId('__constant__', SDValueFloat4.sNew(new float4(0, 1, 0, 1)));
  fn.setOutputNode(constant, true);
  const gradient = graph.newNode('sbs::compositing::gradient');
  const key = SDValueStruct.sNew(SDTypeStruct.sNew('sbs::compositing::gradient_key_rgba'));
  key.setPropertyValueFromId('value', SDValueColorRGBA.sNew(new ColorRGBA(1, 0, 0, 1)));
  const keys = SDValueArray.sNew(SDTypeStruct.sNew('sbs::compositing::gradient_key_rgba'), 0);
  keys.pushBack(key);
  gradient.setInputPropertyValueFromId('gradientrgba', keys);
  uniform.newPropertyConnectionFromId('unique_filter_output', gradient, 'input1');
  graph.newInstanceNode(pattern);
  const library = mgr().loadUserPackage('/designer/resources/packages/pattern_alveolus.sbs');
  graph.newInstanceNode(library.findResourceFromUrl('alveolus')!);
  const output = graph.newNode('sbs::compositing::output');
  const usages = SDValueArray.sNew(SDTypeUsage.sNew(), 0);
  usages.pushBack(SDValueUsage.sNew(SDUsage.sNew('baseColor', 'RGBA', 'sRGB')));
  output.setAnnotationPropertyValueFromId('usages', usages);
  gradient.newPropertyConnectionFromId('unique_filter_output', output, 'inputNodeOutput');
  SDGraphObjectComment.sNewAsChild(uniform).setDescription('a "quoted" <comment> & more');
  const frame = SDGraphObjectFrame.sNew(graph);
  frame.setTitle('Frame');
  frame.setColor(new ColorRGBA(0.2, 0.5, 0.7, 0.8));
  const function_ = SDSBSFunctionGraph.sNew(pkg);
  const a = function_.newNode('sbs::function::const_int1');
  const add = function_.newNode('sbs::function::add');
  a.newPropertyConnectionFromId('unique_filter_output', add, 'a');
  function_.setOutputNode(add, true);
  const folder = SDResourceFolder.sNew(pkg);
  SDResource.sNewFromFile(folder, '/textures/rust.png', EmbedMethod.BinaryEmbedded);
  return pkg;
}

test('a package with everything the mock models is saved as XML and loads back identical, to the byte', () => {
  const pkg = everything();
  mgr().savePackageAs(pkg, '/p/all.sbs');
  const text = disk.files.readFile('/p/all.sbs');
  expect(text).toContain('<compInstance>');
  expect(text).toContain('<compOutputBridge>');
  expect(text).toContain('<paramNodes>');
  expect(text).toContain('<GUIObjects>');
  expect(text).toContain('v="a &quot;quoted&quot; &lt;comment&gt; &amp; more"');
  const document = sdShim.packageDocument(pkg);
  resetDesigner();
  const loaded = mgr().loadUserPackage('/p/all.sbs');
  expect(sdShim.packageDocument(loaded)).toEqual(document);
  mgr().saveCopyOfPackageAs(loaded, '/p/again.sbs');
  expect(disk.files.readFile('/p/again.sbs')).toBe(text);
  // The library package an instance refers to was loaded with it.
  expect([...mgr().getUserPackages()].map((p) => p.getFilePath())).toEqual([
    '/designer/resources/packages/pattern_alveolus.sbs',
    '/p/all.sbs',
  ]);
});

test('a hand-written Designer-style .sbs loads: uids, compOutputs, graphOutputs and unknown elements', () => {
  disk.files.writeFile('/p/designer.sbs', fs.readFileSync(path.join(__dirname, 'fixtures/designer-style.sbs'), 'utf8'));
  const pkg = mgr().loadUserPackage('/p/designer.sbs');
  expect([...pkg.getChildrenResources(true)].map((r) => r.getIdentifier())).toEqual(['Rust']);
  const graph = pkg.findResourceFromUrl('Rust') as SDSBSCompGraph;
  expect(graph.getAnnotationPropertyValueFromId('author')!.get()).toBe('A. Designer');
  expect(graph.getPropertyValueFromId('$outputsize', Input)!.get()).toEqual(expect.objectContaining({ x: 10, y: 10 }));
  const [uniform, blur, output] = [...graph.getNodes()] as SDSBSCompNode[];
  expect(uniform!.getPropertyValueFromId('outputcolor', Input)!.get()).toEqual(new ColorRGBA(0.8, 0.35, 0, 1));
  expect(blur!.getPropertyValueFromId('intensity', Input)!.get()).toBe(4.5);
  expect(blur!.getInputPropertyInheritanceMethodFromId('$outputsize')).toBe(SDPropertyInheritanceMethod.Absolute);
  expect(output!.getAnnotationPropertyValueFromId('identifier')!.get()).toBe('basecolor');
  expect(output!.getAnnotationPropertyValueFromId('label')!.get()).toBe('Base Color');
  const usages = output!.getAnnotationPropertyValueFromId('usages') as SDValueArray;
  expect((usages.getItem(0) as SDValueUsage).get().getName()).toBe('baseColor');
  const links = [...graph.getNodes()].flatMap((n) =>
    [...n.getPropertyConnections(n.getPropertyFromId('unique_filter_output', SDPropertyCategory.Output)!)].map(
      (c) => `${n.getIdentifier()} -> ${c.getInputPropertyNode().getIdentifier()}.${c.getInputProperty().getId()}`,
    ),
  );
  expect(links).toEqual(['1359990212 -> 1359990214.input1', '1359990214 -> 1359990226.inputNodeOutput']);
  const [comment] = [...graph.getGraphObjects()];
  expect((comment as SDGraphObjectComment).getParent()).toBe(blur);
  expect(comment!.getDescription()).toBe('Blur a little');
  graph.compute();
  // The blur's absolute $outputsize is 9 (log2), and the output inherits its input's: a 512 × 512 texture.
  const texture = output!.getPropertyValueFromId('unique_filter_output', SDPropertyCategory.Output)!.get() as SDTexture;
  expect(texture).toBeInstanceOf(SDTexture);
  expect(texture.getSize()).toEqual(expect.objectContaining({ x: 512, y: 512 }));
});
