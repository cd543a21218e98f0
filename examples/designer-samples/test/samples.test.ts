import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import '@sigslot/sd-shim/jest';
import {
  INSTANCE_ID,
  SDGraphObjectComment,
  SDGraphObjectFrame,
  SDGraphObjectPin,
  SDPropertyCategory,
  SDPropertyInheritanceMethod,
  SDSBSCompNode,
  SDSBSFunctionGraph,
  SDValueArray,
  SDValueStruct,
  SDValueUsage,
  affinity,
  getContext,
  resetDesigner,
  type SDNode,
  type SDSBSCompGraph,
} from '@sigslot/sd-shim';
import { main as compositingGraph } from '../src/compositing-graph';
import { exportSDGraphOutputs } from '../src/export';
import { main as graphObject } from '../src/graph-object';
import { main as instance } from '../src/instance';
import { main as parameters } from '../src/parameters';

const { Input, Output } = SDPropertyCategory;

beforeEach(() => {
  resetDesigner();
  affinity.clear();
});
afterEach(() => expect(affinity).toHaveNoAffinityViolations());

/** Each node as `definition id`, in creation order. */
const kinds = (graph: SDSBSCompGraph) => [...graph.getNodes()].map((n) => n.getDefinition().getId());

/** `from.output -> to.input` for every connection, seen from the upstream ends. */
function links(graph: SDSBSCompGraph): string[] {
  const name = (node: SDNode) =>
    node
      .getDefinition()
      .getId()
      .replace(/^sbs::compositing::/, '');
  return [...graph.getNodes()].flatMap((node) =>
    [...node.getProperties(Output)].flatMap((out) =>
      [...node.getPropertyConnections(out)].map(
        (c) => `${name(node)}.${out.getId()} -> ${name(c.getInputPropertyNode())}.${c.getInputProperty().getId()}`,
      ),
    ),
  );
}

test('compositing_graph: two uniform colors, a noise instance, a blend and an output with the baseColor usage', () => {
  const graph = compositingGraph(getContext());
  expect(graph.getIdentifier()).toBe('MySample');
  expect(kinds(graph)).toEqual([
    'sbs::compositing::uniform',
    'sbs::compositing::uniform',
    INSTANCE_ID,
    'sbs::compositing::blend',
    'sbs::compositing::output',
  ]);
  const [uniform1, , noise, , output] = [...graph.getNodes()] as SDSBSCompNode[];
  expect(uniform1!.getInputPropertyInheritanceMethodFromId('$format')).toBe(SDPropertyInheritanceMethod.Absolute);
  expect(uniform1!.getInputPropertyValueFromId('$format')!.get()).toBe(3); // hdr_high_precision
  expect(noise!.getReferencedResource()!.getIdentifier()).toBe('grunge_rust_fine');
  expect(noise!.getReferencedResource()!.getPackage().getFilePath()).toBe(
    '/designer/resources/packages/grunge_rust_fine.sbs',
  );
  const usages = output!.getAnnotationPropertyValueFromId('usages') as SDValueArray;
  expect((usages.getItem(0) as SDValueUsage).get().getName()).toBe('baseColor');
  expect(links(graph)).toEqual([
    'uniform.unique_filter_output -> blend.source',
    'uniform.unique_filter_output -> blend.destination',
    'sbscompgraph_instance.output -> blend.opacity',
    'blend.unique_filter_output -> output.inputNodeOutput',
  ]);
  expect([...graph.getNodes()].map((n) => [n.getPosition().x, n.getPosition().y])).toEqual([
    [-128, -128],
    [-128, 0],
    [-128, 128],
    [0, 0],
    [128, 0],
  ]);
});

test('instance: alveolus (Tiling 5) feeds a gradient map of three keys and a normal node, each to an output', () => {
  const graph = instance(getContext());
  expect(kinds(graph)).toEqual([
    'sbs::compositing::output',
    'sbs::compositing::output',
    'sbs::compositing::gradient',
    'sbs::compositing::normal',
    INSTANCE_ID,
  ]);
  const [, , gradient, , alveolus] = [...graph.getNodes()];
  expect(alveolus!.getInputPropertyValueFromId('Tiling')!.get()).toBe(5);
  const keys = gradient!.getInputPropertyValueFromId('gradientrgba') as SDValueArray;
  expect(
    [...keys.get()].map((key) => (key as SDValueStruct).getPropertyValueFromId('position').get() as number),
  ).toEqual([0, 0.5, 1]);
  expect(links(graph)).toEqual([
    'gradient.unique_filter_output -> output.inputNodeOutput',
    'normal.unique_filter_output -> output.inputNodeOutput',
    'sbscompgraph_instance.output -> gradient.input1',
    'sbscompgraph_instance.output -> normal.input1',
  ]);
  expect(
    [...graph.getOutputNodes()].map((o) =>
      ((o.getAnnotationPropertyValueFromId('usages') as SDValueArray).getItem(0) as SDValueUsage).get().getName(),
    ),
  ).toEqual(['baseColor', 'normal']);
});

test('parameters: the uniform color is driven by a function graph whose output is a constant green', () => {
  const graph = parameters(getContext());
  const [uniform] = [...graph.getNodes()];
  const fn = uniform!.getPropertyGraph(uniform!.getPropertyFromId('outputcolor', Input)!) as SDSBSFunctionGraph;
  expect(fn).toBeInstanceOf(SDSBSFunctionGraph);
  const [constant] = [...fn.getOutputNodes()];
  expect(constant!.getDefinition().getId()).toBe('sbs::function::const_float4');
  expect(constant!.getPropertyValueFromId('__constant__', Input)!.get()).toEqual({ x: 0, y: 1, z: 0, w: 1 });
});

test('graph_object: a pin, a comment on the uniform node, and a frame with its title, color and size', () => {
  const graph = graphObject(getContext());
  const [pin, comment, frame] = [...graph.getGraphObjects()];
  expect(pin).toBeInstanceOf(SDGraphObjectPin);
  expect(pin!.getDescription()).toBe('The Pin');
  expect(comment).toBeInstanceOf(SDGraphObjectComment);
  expect((comment as SDGraphObjectComment).getParent()).toBe(graph.getNodes().getItem(0));
  expect(comment!.getDescription()).toBe("The Uniform node's comment");
  expect(frame).toBeInstanceOf(SDGraphObjectFrame);
  const f = frame as SDGraphObjectFrame;
  expect([f.getTitle(), f.getDescription()]).toEqual(['The Frame Title', 'The frame description']);
  expect(f.getColor()).toEqual(expect.objectContaining({ r: 0.2, g: 0.5, b: 0.7, a: 0.8 }));
  expect([f.getSize().x, f.getSize().y, f.getPosition().x]).toEqual([128, 128, -64]);
});

test('exportSDGraphOutputs: computes the graph and writes one PNG per output, named <graph>_output_<index>', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-export-'));
  try {
    const graph = instance(getContext());
    expect(exportSDGraphOutputs(graph, dir)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['MySample_output_0.png', 'MySample_output_1.png']);
    const png = fs.readFileSync(path.join(dir, 'MySample_output_0.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
    expect(exportSDGraphOutputs(null, dir)).toBe(false);
    expect(exportSDGraphOutputs(getContext().getSDApplication().getPackageMgr().newUserPackage() as never, dir)).toBe(
      false,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('each sample runs as a program, as Designer runs it (`if __name__ == "__main__"`)', () => {
  const dist = path.join(__dirname, '../dist');
  for (const program of ['compositing-graph', 'instance', 'parameters', 'graph-object']) {
    expect(execFileSync(process.execPath, [path.join(dist, `${program}.js`)], { encoding: 'utf8' })).toBe('');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-export-'));
  try {
    const out = execFileSync(process.execPath, [path.join(dist, 'export.js'), dir], { encoding: 'utf8' });
    expect(out).toBe(`exported the outputs of MySample to ${dir}\n`);
    expect(fs.readdirSync(dir)).toEqual(['MySample_output_0.png']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
