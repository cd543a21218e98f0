import {
  SDHistoryUtils,
  SDSBSCompGraph,
  SDValueFloat,
  SDPropertyCategory,
  getContext,
  resetDesigner,
  sdShim,
} from '@sigslot/sd-shim';
import { codeOf } from './helpers';

beforeEach(() => resetDesigner());

test('an undo group is one step: undo puts the package back as it was, redo as it became', () => {
  const pkg = getContext().getSDApplication().getPackageMgr().newUserPackage();
  const graph = SDSBSCompGraph.sNew(pkg);
  graph.setIdentifier('G');
  const blend = graph.newNode('sbs::compositing::blend');
  {
    using _group = SDHistoryUtils.UndoGroup('Tweak');
    blend.setInputPropertyValueFromId('opacitymult', SDValueFloat.sNew(0.25));
    using _nested = SDHistoryUtils.UndoGroup('Inner'); // joins the outer group
    graph.newNode('sbs::compositing::blur');
  }
  expect(sdShim.history.undoNames()).toEqual(['Tweak']);
  const opacity = () =>
    (pkg.findResourceFromUrl('G') as SDSBSCompGraph)
      .getNodes()
      .getItem(0)
      .getPropertyValueFromId('opacitymult', SDPropertyCategory.Input)!
      .get();
  const count = () => (pkg.findResourceFromUrl('G') as SDSBSCompGraph).getNodes().length;
  expect([opacity(), count()]).toEqual([0.25, 2]);
  expect(sdShim.history.undo()).toBe('Tweak');
  expect([opacity(), count()]).toEqual([1, 1]);
  expect(pkg.isModified()).toBe(true);
  // Restoring reloads the package: the objects fetched before stop existing.
  expect(codeOf(() => blend.getIdentifier())).toBe('ItemNotFound');
  expect(sdShim.history.redo()).toBe('Tweak');
  expect([opacity(), count()]).toEqual([0.25, 2]);
  expect(sdShim.history.redo()).toBeNull();
});

test('a group that changes nothing is not a step; close() ends a group without using', () => {
  getContext().getSDApplication().getPackageMgr().newUserPackage();
  const group = SDHistoryUtils.UndoGroup('Nothing');
  group.close();
  group.close();
  expect(sdShim.history.undoNames()).toEqual([]);
  expect(sdShim.history.undo()).toBeNull();
});
