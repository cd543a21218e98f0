import { InvalidArgumentError } from '@sigslot/core';
import {
  QAction,
  QMenu,
  QWidget,
  SDResourceFolder,
  SDSBSCompGraph,
  getContext,
  resetDesigner,
  sdShim,
  type QtForPythonUIMgrWrapper,
  type SDPackage,
} from '@sigslot/sd-shim';
import { codeOf } from './helpers';

let ui: QtForPythonUIMgrWrapper;
let pkg: SDPackage;
beforeEach(() => {
  resetDesigner();
  ui = getContext().getSDApplication().getQtForPythonUIMgr();
  pkg = getContext().getSDApplication().getPackageMgr().newUserPackage();
});

describe('menus', () => {
  test('newMenu makes a menu found by its object name; deleteMenu removes it and its wrapper then raises', () => {
    const menu = ui.newMenu('My Plugin', 'my_plugin_menu');
    expect(menu).toBeInstanceOf(QMenu);
    expect([menu.title(), menu.objectName()]).toEqual(['My Plugin', 'my_plugin_menu']);
    expect(ui.findMenuFromObjectName('my_plugin_menu')).toBe(menu);
    expect(ui.findMenuFromObjectName('other')).toBeNull();
    expect(sdShim.ui.menus()).toEqual([menu]);
    const action = menu.addAction('Run');
    ui.deleteMenu('my_plugin_menu');
    expect(ui.findMenuFromObjectName('my_plugin_menu')).toBeNull();
    expect(() => menu.title()).toThrow(
      new InvalidArgumentError('QMenu.title(): Internal C++ object (QMenu) already deleted.'),
    );
    expect(() => action.text()).toThrow(InvalidArgumentError);
    expect(() => ui.deleteMenu('my_plugin_menu')).not.toThrow();
  });

  test('a second menu with the same object name is refused until the first is deleted', () => {
    ui.newMenu('A', 'menu');
    expect(codeOf(() => ui.newMenu('B', 'menu'))).toBe('InvalidArgument');
    ui.deleteMenu('menu');
    expect(ui.newMenu('B', 'menu').title()).toBe('B');
  });

  test('actions trigger their slots; menus hold actions, separators and submenus', () => {
    const menu = ui.newMenu('Tools', 'tools');
    const run = menu.addAction('Run');
    const seen: boolean[] = [];
    run.triggered.connect((checked) => seen.push(checked));
    run.trigger();
    run.setCheckable(true);
    run.trigger();
    run.setEnabled(false);
    run.trigger();
    expect(seen).toEqual([false, true]);
    expect([run.isEnabled(), run.isCheckable(), run.isChecked()]).toEqual([false, true, true]);
    run.setChecked(false);
    run.setText('Run again');
    expect([run.text(), run.isChecked(), run.isSeparator()]).toEqual(['Run again', false, false]);
    const separator = menu.addSeparator();
    const own = menu.addAction(new QAction('Own'));
    const sub = menu.addMenu('More');
    const given = menu.addMenu(new QMenu('Given'));
    expect(separator.isSeparator()).toBe(true);
    expect(menu.actions()).toEqual([run, separator, own]);
    expect(menu.menus().map((m) => m.title())).toEqual(['More', 'Given']);
    sub.setTitle('Even more');
    sub.setObjectName('even_more');
    expect([sub.title(), sub.objectName(), given.objectName()]).toEqual(['Even more', 'even_more', '']);
    menu.clear();
    expect(menu.actions()).toEqual([]);
    const plain = new QAction();
    plain.setChecked(true);
    plain.setSeparator(true);
    expect([plain.isChecked(), plain.isSeparator()]).toEqual([false, true]);
  });
});

describe('dock widgets and the main window', () => {
  test('newDockWidget needs a unique identifier', () => {
    const dock = ui.newDockWidget('my.dock', 'My Dock');
    expect(dock).toBeInstanceOf(QWidget);
    expect([dock.objectName(), dock.windowTitle(), dock.isVisible()]).toEqual(['my.dock', 'My Dock', false]);
    dock.show();
    expect(dock.isVisible()).toBe(true);
    dock.hide();
    dock.setWindowTitle('Renamed');
    dock.setObjectName('renamed');
    expect([dock.objectName(), dock.windowTitle(), dock.isVisible()]).toEqual(['renamed', 'Renamed', false]);
    dock.show();
    expect(dock.close()).toBe(true);
    expect(dock.isVisible()).toBe(false);
    expect(codeOf(() => ui.newDockWidget('my.dock', 'Again'))).toBe('InvalidArgument');
    expect(sdShim.ui.dockWidgets()).toEqual([dock]);
  });

  test('the main window is one widget', () => {
    expect(ui.getMainWindow()).toBe(ui.getMainWindow());
    expect(ui.getMainWindow().objectName()).toBe('MainWindow');
  });

  test('reset deletes menus and widgets', () => {
    const menu = ui.newMenu('A', 'a');
    const dock = ui.newDockWidget('d', 'D');
    const main = ui.getMainWindow();
    resetDesigner();
    expect(() => menu.objectName()).toThrow(InvalidArgumentError);
    expect(() => dock.show()).toThrow('QWidget.show(): Internal C++ object (QWidget) already deleted.');
    expect(() => main.isVisible()).toThrow(InvalidArgumentError);
    expect(ui.findMenuFromObjectName('a')).toBeNull();
    expect(ui.getMainWindow()).not.toBe(main);
  });
});

describe('the current graph and the selection', () => {
  test('no graph is current until the user opens one', () => {
    expect(ui.getCurrentGraph()).toBeNull();
    expect(ui.getCurrentGraphSelectedNodes().getSize()).toBe(0);
    expect(getContext().getSDApplication().getUIMgr().getCurrentGraph()).toBeNull();
  });

  test('opening a graph view makes it current and fires the graph-view-created callbacks', () => {
    const created: number[] = [];
    ui.registerGraphViewCreatedCallback((id) => created.push(id));
    const a = SDSBSCompGraph.sNew(pkg);
    const b = SDSBSCompGraph.sNew(pkg);
    const viewA = sdShim.ui.openGraphView(a);
    const viewB = sdShim.ui.openGraphView(b);
    expect(created).toEqual([viewA, viewB]);
    expect(ui.getCurrentGraph()).toBe(b);
    expect(getContext().getSDApplication().getUIMgr().getCurrentGraph()).toBe(b);
    expect(ui.getGraphFromGraphViewID(viewA)).toBe(a);
    expect(ui.getGraphFromGraphViewID(99)).toBeNull();
    sdShim.ui.setCurrentGraphView(viewA);
    expect(ui.getCurrentGraph()).toBe(a);
    sdShim.ui.closeGraphView(viewA);
    expect(ui.getCurrentGraph()).toBeNull();
    sdShim.ui.setCurrentGraphView(viewB);
    a.delete();
    b.delete();
    expect(ui.getCurrentGraph()).toBeNull();
    expect(() => sdShim.ui.setCurrentGraphView(viewA)).toThrow(InvalidArgumentError);
    sdShim.ui.setCurrentGraphView(null);
  });

  test('the selected nodes are reported until they are deleted', () => {
    const graph = SDSBSCompGraph.sNew(pkg);
    const a = graph.newNode('sbs::compositing::uniform');
    const b = graph.newNode('sbs::compositing::blend');
    expect(() => sdShim.ui.selectNodes([a])).toThrow('no graph view is open');
    const view = sdShim.ui.openGraphView(graph);
    sdShim.ui.selectNodes([a, b]);
    expect([...ui.getCurrentGraphSelectedNodes()]).toEqual([a, b]);
    expect([...getContext().getSDApplication().getUIMgr().getCurrentGraphSelection()]).toEqual([a, b]);
    expect([...ui.getGraphSelectedNodesFromGraphViewID(view)]).toEqual([a, b]);
    graph.deleteNode(a);
    expect([...ui.getCurrentGraphSelectedNodes()]).toEqual([b]);
    const other = SDSBSCompGraph.sNew(pkg).newNode('sbs::compositing::blur');
    expect(() => sdShim.ui.selectNodes([other], view)).toThrow('is not in the graph of view');
    expect(() => sdShim.ui.openGraphView(SDResourceFolder.sNew(pkg) as unknown as SDSBSCompGraph)).toThrow(
      'expected a graph',
    );
    expect(() => sdShim.ui.openGraphView({} as SDSBSCompGraph)).toThrow('expected a graph from the Designer API');
  });

  test('unloading a package closes its graph views', () => {
    const graph = SDSBSCompGraph.sNew(pkg);
    const view = sdShim.ui.openGraphView(graph);
    getContext().getSDApplication().getPackageMgr().unloadUserPackage(pkg);
    expect(ui.getCurrentGraph()).toBeNull();
    expect(ui.getGraphFromGraphViewID(view)).toBeNull();
  });

  test('explorers report their selection and fire their callbacks', () => {
    const seen: string[] = [];
    ui.registerExplorerCreatedCallback((id) => seen.push(`created ${id}`));
    ui.registerExplorerSelectionChangedCallback((id) => seen.push(`selection ${id}`));
    const explorer = sdShim.ui.openExplorer();
    const graph = SDSBSCompGraph.sNew(pkg);
    sdShim.ui.selectInExplorer(explorer, [graph]);
    expect([...ui.getExplorerSelection(explorer)]).toEqual([graph]);
    expect(ui.getExplorerSelection(42).getSize()).toBe(0);
    expect(seen).toEqual([`created ${explorer}`, `selection ${explorer}`]);
    expect(() => sdShim.ui.selectInExplorer(42, [])).toThrow('there is no explorer 42');
  });
});
