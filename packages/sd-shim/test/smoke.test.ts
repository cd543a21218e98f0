import { getContext, SDSBSCompGraph, SDValueFloat, SDPropertyCategory, float2, resetDesigner } from '@sigslot/sd-shim';

test('smoke', () => {
  resetDesigner();
  const app = getContext().getSDApplication();
  const pkg = app.getPackageMgr().newUserPackage();
  const graph = SDSBSCompGraph.sNew(pkg);
  graph.setIdentifier('G');
  const u = graph.newNode('sbs::compositing::uniform');
  const b = graph.newNode('sbs::compositing::blend');
  b.setInputPropertyValueFromId('opacitymult', SDValueFloat.sNew(0.25));
  u.setPosition(new float2(3, 4));
  const c = u.newPropertyConnectionFromId('unique_filter_output', b, 'source');
  expect(c.getInputPropertyNode()).toBe(b);
  expect(b.getPropertyValueFromId('opacitymult', SDPropertyCategory.Input)!.get()).toBe(0.25);
  expect(graph.getUrl()).toBe('pkg:///G');
  expect(pkg.isModified()).toBe(true);
  expect(u.getPosition().x).toBe(3);
});
