import { InvalidArgumentError } from '@sigslot/core';
import { SDSBSCompGraph, getContext, resetDesigner, sdShim } from '@sigslot/sd-shim';
import { codeOf } from './helpers';

test('resetDesigner drops packages, callbacks, menus and views, and restarts the id counters', () => {
  resetDesigner();
  const app = getContext().getSDApplication();
  const ui = app.getQtForPythonUIMgr();
  const mgr = app.getPackageMgr();
  expect(app.registerAfterFileSavedCallback(() => undefined)).toBe(1);
  const pkg = mgr.newUserPackage();
  const graph = SDSBSCompGraph.sNew(pkg);
  const node = graph.newNode('sbs::compositing::uniform');
  expect(node.getIdentifier()).toBe('1000000001');
  const menu = ui.newMenu('Plugin', 'plugin');
  expect(sdShim.ui.openGraphView(graph)).toBe(1);

  resetDesigner();

  expect(getContext().getSDApplication()).toBe(app);
  expect(mgr.getUserPackages().getSize()).toBe(0);
  expect(sdShim.callbackCount()).toBe(0);
  expect(ui.findMenuFromObjectName('plugin')).toBeNull();
  expect(ui.getCurrentGraph()).toBeNull();
  expect(codeOf(() => pkg.isModified())).toBe('ItemNotFound');
  expect(codeOf(() => graph.getIdentifier())).toBe('ItemNotFound');
  expect(codeOf(() => node.getIdentifier())).toBe('ItemNotFound');
  expect(() => menu.title()).toThrow(InvalidArgumentError);
  expect(codeOf(() => app.unregisterCallback(1))).toBe('InvalidArgument');

  expect(app.registerAfterFileSavedCallback(() => undefined)).toBe(1);
  const again = SDSBSCompGraph.sNew(mgr.newUserPackage());
  expect(again.getIdentifier()).toBe('New_Graph');
  expect(again.newNode('sbs::compositing::uniform').getIdentifier()).toBe('1000000001');
  expect(sdShim.ui.openGraphView(again)).toBe(1);
  expect(sdShim.ui.openExplorer()).toBe(1);
  expect(ui.newMenu('Plugin', 'plugin').title()).toBe('Plugin');
});

test("the package manager's packages get fresh uids after a reset", () => {
  resetDesigner();
  const first = getContext().getSDApplication().getPackageMgr().newUserPackage().getUID();
  resetDesigner();
  expect(getContext().getSDApplication().getPackageMgr().newUserPackage().getUID()).toBe(first);
});
