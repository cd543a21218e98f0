import {
  DockWidgetArea,
  EmbedMethod,
  QAction,
  QMainWindow,
  QMenuBar,
  QToolBar,
  QWidget,
  SDResource,
  SDResourceBitmap,
  SDSBSCompGraph,
  affinity,
  getContext,
  resetDesigner,
  sdShim,
} from '@sigslot/sd-shim';
import '@sigslot/sd-shim/jest';
import { codeOf } from './helpers';

beforeEach(() => {
  resetDesigner();
  affinity.clear();
});

const app = () => getContext().getSDApplication();

describe('the main window', () => {
  test('has a menu bar holding the menus of newMenu, tool bars, and the dock widgets of newDockWidget', () => {
    const ui = app().getQtForPythonUIMgr();
    const window = ui.getMainWindow();
    expect(window).toBeInstanceOf(QMainWindow);
    const menu = ui.newMenu('Tools', 'tools');
    expect(window.menuBar()).toBeInstanceOf(QMenuBar);
    expect(window.menuBar().menus()).toEqual([menu]);
    ui.deleteMenu('tools');
    expect(window.menuBar().menus()).toEqual([]);
    const bar = window.addToolBar('My tools');
    expect(bar).toBeInstanceOf(QToolBar);
    bar.addAction('Run').setToolTip('Runs it');
    expect(bar.actions().map((a) => [a.text(), a.toolTip()])).toEqual([['Run', 'Runs it']]);
    const dock = ui.newDockWidget('panel', 'Panel');
    const extra = new QWidget('extra');
    window.addDockWidget(DockWidgetArea.LeftDockWidgetArea, extra);
    expect(window.dockWidgetArea(extra)).toBe(DockWidgetArea.LeftDockWidgetArea);
    expect(window.findChildren(QToolBar)).toEqual([bar]);
    expect(window.findChildren(QWidget, 'panel')).toEqual([dock]);
    expect(window.findChildren()).toEqual([window.menuBar(), bar, dock, extra]);
    dock.setLayout('a layout');
    expect(dock.layout()).toBe('a layout');
  });

  test('actions take a parent, a tool tip, an icon, a shortcut and data', () => {
    const window = app().getQtForPythonUIMgr().getMainWindow();
    const action = new QAction('Export', window);
    action.setToolTip('Export the outputs');
    action.setIcon('icon.png');
    action.setShortcut('Ctrl+E');
    action.setData({ graph: 'MySample' });
    expect([action.parent(), action.toolTip(), action.icon(), action.shortcut(), action.data()]).toEqual([
      window,
      'Export the outputs',
      'icon.png',
      'Ctrl+E',
      { graph: 'MySample' },
    ]);
  });
});

describe('graph view and explorer tool bars', () => {
  test('a plugin adds a tool bar and actions to a graph view, and actions to an explorer', () => {
    const ui = app().getQtForPythonUIMgr();
    const graph = SDSBSCompGraph.sNew(app().getPackageMgr().newUserPackage());
    const view = sdShim.ui.openGraphView(graph);
    const bar = new QToolBar('Mine');
    ui.addToolbarToGraphView(view, bar, 'icon.png', 'My tools');
    const action = new QAction('Align');
    ui.addActionToGraphViewToolbar(view, action);
    expect(sdShim.ui.graphViewToolBars(view)).toEqual([{ toolbar: bar, icon: 'icon.png', tooltip: 'My tools' }]);
    expect(sdShim.ui.graphViewActions(view)).toEqual([action]);
    const explorer = sdShim.ui.openExplorer();
    ui.addActionToExplorerToolbar(explorer, action);
    expect(sdShim.ui.explorerActions(explorer)).toEqual([action]);
    expect(codeOf(() => ui.addActionToGraphViewToolbar(99, action))).toBe('InvalidArgument');
    expect(codeOf(() => ui.addActionToExplorerToolbar(99, action))).toBe('InvalidArgument');
    expect(codeOf(() => ui.addToolbarToGraphView(view, action as never))).toBe('InvalidArgument');
  });
});

describe('SDUIMgr.openResourceInEditor and the runtime log handler', () => {
  test('openResourceInEditor opens a graph view of the graph, which becomes current', () => {
    const uiMgr = app().getUIMgr();
    const graph = SDSBSCompGraph.sNew(app().getPackageMgr().newUserPackage());
    const opened: number[] = [];
    app()
      .getQtForPythonUIMgr()
      .registerGraphViewCreatedCallback((id) => opened.push(id));
    uiMgr.openResourceInEditor(graph);
    expect(opened).toEqual([1]);
    expect(uiMgr.getCurrentGraph()).toBe(graph);
  });

  test('createRuntimeLogHandler writes to Designer’s console', () => {
    const handler = getContext().createRuntimeLogHandler();
    handler.emit({ levelname: 'WARNING', msg: 'no output node' });
    handler.emit('plain');
    expect(sdShim.consoleLines()).toEqual(['WARNING: no output node', 'plain']);
  });
});

describe('SDResource.sNewFromFile', () => {
  test('makes a bitmap resource named after the file; other files are refused', () => {
    const pkg = app().getPackageMgr().newUserPackage();
    const bitmap = SDResource.sNewFromFile(pkg, '/textures/rust 01.png', EmbedMethod.Linked);
    expect(bitmap).toBeInstanceOf(SDResourceBitmap);
    expect(bitmap.getIdentifier()).toBe('rust_01');
    expect((bitmap as SDResourceBitmap).getSourceFilePath()).toBe('/textures/rust 01.png');
    expect(pkg.isModified()).toBe(true);
    expect([...pkg.getChildrenResources(false)]).toEqual([bitmap]);
    expect(SDResource.sNewFromFile(pkg, '/textures/rust 01.png', EmbedMethod.BinaryEmbedded).getIdentifier()).toBe(
      'rust_01_1',
    );
    expect(codeOf(() => SDResource.sNewFromFile(pkg, '/a.svg', EmbedMethod.Linked))).toBe('NotSupported');
    expect(codeOf(() => SDResource.sNewFromFile(pkg, '/a.txt', EmbedMethod.Linked))).toBe('InvalidArgument');
    expect(codeOf(() => SDResource.sNewFromFile(pkg, 'a.png', EmbedMethod.Linked))).toBe('InvalidArgument');
  });
});
