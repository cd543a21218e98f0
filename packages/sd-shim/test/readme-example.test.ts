// The example that opens the README, run as a test (it writes to a temporary folder instead of /tmp).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ColorRGBA,
  SDPropertyCategory,
  SDSBSCompGraph,
  SDValueColorRGBA,
  SDValueFloat,
  affinity,
  float2,
  getContext,
  resetDesigner,
} from '@sigslot/sd-shim';
import '@sigslot/sd-shim/jest';

let dir: string;
beforeEach(() => {
  resetDesigner();
  affinity.clear();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-shim-readme-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the README example builds, saves and reloads a graph on the main thread', () => {
  const app = getContext().getSDApplication();
  const pkgMgr = app.getPackageMgr();
  const pkg = pkgMgr.newUserPackage();
  const graph = SDSBSCompGraph.sNew(pkg);
  graph.setIdentifier('Material');

  const red = graph.newNode('sbs::compositing::uniform');
  red.setInputPropertyValueFromId('outputcolor', SDValueColorRGBA.sNew(new ColorRGBA(1, 0, 0, 1)));
  const blend = graph.newNode('sbs::compositing::blend');
  blend.setPosition(new float2(150, 0));
  blend.setInputPropertyValueFromId('opacitymult', SDValueFloat.sNew(0.5));
  red.newPropertyConnectionFromId('unique_filter_output', blend, 'source');
  const output = graph.newNode('sbs::compositing::output');
  blend.newPropertyConnectionFromId('unique_filter_output', output, 'inputNodeOutput');

  const blendId = blend.getIdentifier();
  const file = path.join(dir, 'material.sbs');
  pkgMgr.savePackageAs(pkg, file);
  pkgMgr.unloadUserPackage(pkg);

  const again = pkgMgr.loadUserPackage(file);
  const loaded = again.findResourceFromUrl('pkg:///Material') as SDSBSCompGraph;
  const opacity = loaded.getNodeFromId(blendId)!.getPropertyValueFromId('opacitymult', SDPropertyCategory.Input);
  expect(opacity!.get()).toBe(0.5);
  expect(loaded.getOutputNodes().getSize()).toBe(1);
  expect(affinity.violations()).toHaveNoAffinityViolations();
});
