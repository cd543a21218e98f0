import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ColorRGBA,
  SDPackage,
  SDPackageMgr,
  SDPropertyCategory,
  SDResourceFolder,
  SDSBSCompGraph,
  SDSBSFunctionGraph,
  SDValueColorRGBA,
  SDValueEnum,
  SDValueFloat,
  SDValueString,
  SDValueArray,
  SDValueUsage,
  SDTypeUsage,
  SDUsage,
  float2,
  float4,
  SDValueFloat4,
  SBS_FORMAT,
  getContext,
  resetDesigner,
  sdShim,
  type SDResource,
} from '@sigslot/sd-shim';
import { apiError, codeOf } from './helpers';

let dir: string;
let mgr: SDPackageMgr;
beforeEach(() => {
  resetDesigner();
  mgr = getContext().getSDApplication().getPackageMgr();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-shim-packages-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const ids = (resources: Iterable<SDResource>) => [...resources].map((r) => r.getIdentifier());

describe("the modified flag follows Designer's rules", () => {
  test('a new package has no file path and is not modified', () => {
    const pkg = mgr.newUserPackage();
    expect(pkg).toBeInstanceOf(SDPackage);
    expect(pkg.getFilePath()).toBe('');
    expect(pkg.isModified()).toBe(false);
  });

  test('creating a graph marks it modified; savePackageAs clears it and sets the file path', () => {
    const pkg = mgr.newUserPackage();
    SDSBSCompGraph.sNew(pkg);
    expect(pkg.isModified()).toBe(true);
    const file = path.join(dir, 'a.sbs');
    mgr.savePackageAs(pkg, file);
    expect(pkg.getFilePath()).toBe(file);
    expect(pkg.isModified()).toBe(false);
    expect(fs.existsSync(file)).toBe(true);
  });

  test('saveCopyOfPackageAs writes a copy; the package keeps its path and stays modified', () => {
    const pkg = mgr.newUserPackage();
    const original = path.join(dir, 'a.sbs');
    mgr.savePackageAs(pkg, original);
    SDSBSCompGraph.sNew(pkg);
    const copy = path.join(dir, 'copy.sbs');
    mgr.saveCopyOfPackageAs(pkg, copy);
    expect(fs.existsSync(copy)).toBe(true);
    expect(pkg.isModified()).toBe(true);
    expect(pkg.getFilePath()).toBe(original);
  });

  test('deleting a graph leaves the package modified; savePackage clears it', () => {
    const pkg = mgr.newUserPackage();
    const file = path.join(dir, 'a.sbs');
    mgr.savePackageAs(pkg, file);
    const graph = SDSBSCompGraph.sNew(pkg);
    graph.delete();
    expect(pkg.isModified()).toBe(true);
    fs.rmSync(file);
    mgr.savePackage(pkg);
    expect(fs.existsSync(file)).toBe(true);
    expect(pkg.isModified()).toBe(false);
  });

  test('every edit marks the package modified; reads do not', () => {
    const pkg = mgr.newUserPackage();
    const graph = SDSBSCompGraph.sNew(pkg);
    const uniform = graph.newNode('sbs::compositing::uniform');
    const blend = graph.newNode('sbs::compositing::blend');
    const file = path.join(dir, 'a.sbs');
    const edits: [string, () => unknown][] = [
      ['setIdentifier', () => graph.setIdentifier('Renamed')],
      ['newNode', () => graph.newNode('sbs::compositing::levels')],
      ['setPosition', () => blend.setPosition(new float2(1, 2))],
      ['setInputPropertyValueFromId', () => blend.setInputPropertyValueFromId('opacitymult', SDValueFloat.sNew(0.1))],
      ['connect', () => uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'source')],
      [
        'deletePropertyConnections',
        () => blend.deletePropertyConnections(blend.getPropertyFromId('source', SDPropertyCategory.Input)!),
      ],
      ['graph property', () => graph.setAnnotationPropertyValueFromId('author', SDValueString.sNew('me'))],
      ['deleteNode', () => graph.deleteNode(uniform)],
      ['folder', () => SDResourceFolder.sNew(pkg)],
    ];
    for (const [name, edit] of edits) {
      mgr.savePackageAs(pkg, file);
      for (const read of [() => graph.getNodes(), () => pkg.getChildrenResources(true), () => blend.getPosition()])
        read();
      expect([name, pkg.isModified()]).toEqual([name, false]);
      edit();
      expect([name, pkg.isModified()]).toEqual([name, true]);
    }
  });

  test('a loaded package is not modified', () => {
    const pkg = mgr.newUserPackage();
    SDSBSCompGraph.sNew(pkg);
    const file = path.join(dir, 'a.sbs');
    mgr.savePackageAs(pkg, file);
    mgr.unloadUserPackage(pkg);
    expect(mgr.loadUserPackage(file).isModified()).toBe(false);
  });
});

describe('the package manager', () => {
  test('savePackage on a package that was never saved raises InvalidArgument', () => {
    const error = apiError(() => mgr.savePackage(mgr.newUserPackage()));
    expect(SDApiErrorName(error.mErrorCode)).toBe('InvalidArgument');
    expect(error.message).toContain('has no file path yet; save it once with savePackageAs(pkg, path)');
  });

  test('paths must be absolute and end in .sbs', () => {
    const pkg = mgr.newUserPackage();
    expect(codeOf(() => mgr.savePackageAs(pkg, 'relative.sbs'))).toBe('InvalidArgument');
    expect(codeOf(() => mgr.savePackageAs(pkg, path.join(dir, 'a.txt')))).toBe('InvalidArgument');
    expect(codeOf(() => mgr.loadUserPackage('relative.sbs'))).toBe('InvalidArgument');
    expect(codeOf(() => mgr.loadUserPackage(path.join(dir, 'a.sbsar')))).toBe('NotSupported');
  });

  test('a file that cannot be written raises Undefined and reports the failure to the saved callbacks', () => {
    const app = getContext().getSDApplication();
    const seen: unknown[] = [];
    app.registerBeforeFileSavedCallback((file, parent) => seen.push(['before', file, parent]));
    app.registerAfterFileSavedCallback((file, ok) => seen.push(['after', file, ok]));
    const target = path.join(dir, 'missing-folder', 'a.sbs');
    expect(codeOf(() => mgr.savePackageAs(mgr.newUserPackage(), target))).toBe('Undefined');
    expect(seen).toEqual([
      ['before', target, ''],
      ['after', target, false],
    ]);
  });

  test("save and load fire the file callbacks with Designer's arguments", () => {
    const app = getContext().getSDApplication();
    const seen: unknown[] = [];
    app.registerBeforeFileSavedCallback((...args) => seen.push(['beforeSaved', ...args]));
    app.registerAfterFileSavedCallback((...args) => seen.push(['afterSaved', ...args]));
    app.registerBeforeFileLoadedCallback((...args) => seen.push(['beforeLoaded', ...args]));
    app.registerAfterFileLoadedCallback((...args) => seen.push(['afterLoaded', ...args]));
    app.registerBeforeFileClosedCallback((...args) => seen.push(['beforeClosed', ...args]));
    app.registerAfterFileClosedCallback((...args) => seen.push(['afterClosed', ...args]));
    const a = path.join(dir, 'a.sbs');
    const b = path.join(dir, 'b.sbs');
    const pkg = mgr.newUserPackage();
    mgr.savePackageAs(pkg, a);
    mgr.savePackageAs(pkg, b);
    mgr.unloadUserPackage(pkg);
    mgr.loadUserPackage(a);
    expect(() => mgr.loadUserPackage(path.join(dir, 'none.sbs'))).toThrow();
    expect(seen).toEqual([
      ['beforeSaved', a, ''],
      ['afterSaved', a, true],
      ['beforeSaved', b, a],
      ['afterSaved', b, true],
      ['beforeClosed', b],
      ['afterClosed', b],
      ['beforeLoaded', a],
      ['afterLoaded', a, true, false],
      ['beforeLoaded', path.join(dir, 'none.sbs')],
      ['afterLoaded', path.join(dir, 'none.sbs'), false, false],
    ]);
  });

  test('loading a missing file raises ItemNotFound; a malformed one InvalidValue, naming the place', () => {
    expect(codeOf(() => mgr.loadUserPackage(path.join(dir, 'none.sbs')))).toBe('ItemNotFound');
    const bad = path.join(dir, 'bad.sbs');
    fs.writeFileSync(bad, '<?xml version="1.0"?><package/>');
    const error = apiError(() => mgr.loadUserPackage(bad));
    expect(SDApiErrorName(error.mErrorCode)).toBe('InvalidValue');
    expect(error.message).toContain(
      'is not a valid package file: not a package the mock reads: package: <package> has no <content>',
    );
    expect(mgr.getUserPackages().getSize()).toBe(0);
  });

  test('getUserPackageFromFilePath finds a loaded package (paths compared after normalizing), else null', () => {
    const pkg = mgr.newUserPackage();
    const file = path.join(dir, 'a.sbs');
    expect(mgr.getUserPackageFromFilePath(file)).toBeNull();
    mgr.savePackageAs(pkg, file);
    expect(mgr.getUserPackageFromFilePath(file)).toBe(pkg);
    expect(mgr.getUserPackageFromFilePath(path.join(dir, '.', 'sub', '..', 'a.sbs'))).toBe(pkg);
    expect(mgr.getUserPackageFromFilePath(path.join(dir, 'b.sbs'))).toBeNull();
  });

  test('loading a file that is already loaded returns its package', () => {
    const pkg = mgr.newUserPackage();
    const file = path.join(dir, 'a.sbs');
    mgr.savePackageAs(pkg, file);
    expect(mgr.loadUserPackage(file)).toBe(pkg);
    expect(mgr.getUserPackages().getSize()).toBe(1);
  });

  test('reloadIfModified (true by default, as the in-app reference gives it) discards the changes of a modified package and reloads it in place', () => {
    const pkg = mgr.newUserPackage();
    const file = path.join(dir, 'a.sbs');
    const kept = SDSBSCompGraph.sNew(pkg);
    kept.setIdentifier('Kept');
    mgr.savePackageAs(pkg, file);
    const added = SDSBSCompGraph.sNew(pkg);
    added.setIdentifier('Added');
    expect(mgr.loadUserPackage(file, true, false)).toBe(pkg);
    expect(ids(pkg.getChildrenResources(false))).toEqual(['Kept', 'Added']);
    const seen: unknown[] = [];
    getContext()
      .getSDApplication()
      .registerAfterFileLoadedCallback((...args) => seen.push(args));
    expect(mgr.loadUserPackage(file)).toBe(pkg);
    expect(ids(pkg.getChildrenResources(false))).toEqual(['Kept']);
    expect(pkg.isModified()).toBe(false);
    expect(codeOf(() => added.getIdentifier())).toBe('ItemNotFound');
    expect(codeOf(() => kept.getIdentifier())).toBe('ItemNotFound');
    expect(pkg.findResourceFromUrl('Kept')!.getPackage()).toBe(pkg);
    expect(seen).toEqual([[file, true, true]]);
  });

  test('unloading a package makes its objects raise ItemNotFound', () => {
    const pkg = mgr.newUserPackage();
    const graph = SDSBSCompGraph.sNew(pkg);
    const node = graph.newNode('sbs::compositing::uniform');
    mgr.unloadUserPackage(pkg);
    expect(mgr.getUserPackages().getSize()).toBe(0);
    for (const call of [
      () => pkg.getFilePath(),
      () => graph.getFilePath(),
      () => node.getPosition(),
      () => mgr.unloadUserPackage(pkg),
    ]) {
      expect(codeOf(call)).toBe('ItemNotFound');
    }
    expect(apiError(() => graph.getFilePath()).message).toBe(
      'SDSBSCompGraph.getFilePath(): the SDSBSCompGraph pkg:///New_Graph no longer exists (it was deleted, its package was unloaded, or the Designer state was reset) [SDApiError.ItemNotFound]',
    );
  });

  test('getPackages lists the system packages, then the user packages, which alone can be saved or unloaded', () => {
    const a = mgr.newUserPackage();
    const b = mgr.newUserPackage();
    const all = [...mgr.getPackages()];
    expect(all.slice(-2)).toEqual([a, b]);
    expect([...mgr.getUserPackages()]).toEqual([a, b]);
    const system = all[0]!;
    expect(system.getFilePath()).toBe('/designer/resources/packages/sd_shim_library.sbs');
    expect(codeOf(() => mgr.unloadUserPackage(system))).toBe('NotSupported');
    expect(codeOf(() => mgr.savePackage(system))).toBe('NotSupported');
    expect(codeOf(() => SDSBSCompGraph.sNew(system))).toBe('NotSupported');
    expect(codeOf(() => mgr.unloadUserPackage('pkg' as unknown as SDPackage))).toBe('InvalidArgument');
    expect(a.getUID()).not.toBe(b.getUID());
  });

  test("a file cannot belong to two loaded packages, and a copy cannot overwrite its own package's file", () => {
    const a = mgr.newUserPackage();
    const b = mgr.newUserPackage();
    const file = path.join(dir, 'a.sbs');
    mgr.savePackageAs(a, file);
    expect(codeOf(() => mgr.savePackageAs(b, file))).toBe('InvalidArgument');
    expect(codeOf(() => mgr.saveCopyOfPackageAs(b, file))).toBe('InvalidArgument');
    expect(codeOf(() => mgr.saveCopyOfPackageAs(a, file))).toBe('InvalidArgument');
    mgr.savePackageAs(a, file);
  });
});

describe('resources', () => {
  test('folders hold resources; getChildrenResources(false) lists the top level, (true) every level', () => {
    const pkg = mgr.newUserPackage();
    const folder = SDResourceFolder.sNew(pkg);
    folder.setIdentifier('folder0');
    const inner = SDSBSCompGraph.sNew(folder);
    inner.setIdentifier('mdl_sub_graph');
    const sub = SDResourceFolder.sNew(folder);
    const deep = SDSBSFunctionGraph.sNew(sub);
    const top = SDSBSCompGraph.sNew(pkg);
    expect(ids(pkg.getChildrenResources(false))).toEqual(['folder0', 'New_Graph']);
    expect(ids(pkg.getChildrenResources(true))).toEqual([
      'folder0',
      'mdl_sub_graph',
      'New_Folder',
      'New_Function',
      'New_Graph',
    ]);
    expect(ids(folder.getChildren(false))).toEqual(['mdl_sub_graph', 'New_Folder']);
    expect(ids(folder.getChildren(true))).toEqual(['mdl_sub_graph', 'New_Folder', 'New_Function']);
    expect(inner.getUrl()).toBe('pkg:///folder0/mdl_sub_graph');
    expect(deep.getUrl()).toBe('pkg:///folder0/New_Folder/New_Function');
    expect(top.getUrl()).toBe('pkg:///New_Graph');
    expect(inner.getPackage()).toBe(pkg);
    expect([...pkg.getChildrenResources(true)].map((r) => r.getClassName())).toEqual([
      'SDResourceFolder',
      'SDSBSCompGraph',
      'SDResourceFolder',
      'SDSBSFunctionGraph',
      'SDSBSCompGraph',
    ]);
  });

  test('findResourceFromUrl takes pkg:/// urls and paths, looks only in this package, and returns null when absent', () => {
    const pkg = mgr.newUserPackage();
    const folder = SDResourceFolder.sNew(pkg);
    folder.setIdentifier('folder0');
    const graph = SDSBSCompGraph.sNew(folder);
    graph.setIdentifier('mdl_sub_graph');
    const top = SDSBSCompGraph.sNew(pkg);
    top.setIdentifier('grunge_rust_fine');
    expect(pkg.findResourceFromUrl('folder0/mdl_sub_graph')).toBe(graph);
    expect(pkg.findResourceFromUrl('pkg:///folder0/mdl_sub_graph')).toBe(graph);
    expect(pkg.findResourceFromUrl('pkg:///folder0/mdl_sub_graph?dependency=1234')).toBe(graph);
    expect(pkg.findResourceFromUrl('grunge_rust_fine')).toBe(top);
    expect(pkg.findResourceFromUrl('folder0')).toBe(folder);
    expect(pkg.findResourceFromUrl('mdl_sub_graph')).toBeNull();
    expect(pkg.findResourceFromUrl('grunge_rust_fine/x')).toBeNull();
    expect(mgr.newUserPackage().findResourceFromUrl('grunge_rust_fine')).toBeNull();
  });

  test('identifiers are checked and kept unique among siblings', () => {
    const pkg = mgr.newUserPackage();
    const a = SDSBSCompGraph.sNew(pkg);
    const b = SDSBSCompGraph.sNew(pkg);
    expect([a.getIdentifier(), b.getIdentifier()]).toEqual(['New_Graph', 'New_Graph_1']);
    a.setIdentifier('Material');
    b.setIdentifier('Material');
    expect(b.getIdentifier()).toBe('Material_1');
    a.setIdentifier('Material');
    expect(a.getIdentifier()).toBe('Material');
    for (const bad of ['', '1abc', 'a b', 'a-b']) expect(codeOf(() => a.setIdentifier(bad))).toBe('InvalidValue');
  });

  test('a deleted resource raises ItemNotFound; deleting a folder deletes what it holds', () => {
    const pkg = mgr.newUserPackage();
    const folder = SDResourceFolder.sNew(pkg);
    const graph = SDSBSCompGraph.sNew(folder);
    folder.delete();
    expect(pkg.getChildrenResources(true).getSize()).toBe(0);
    expect(codeOf(() => graph.getUrl())).toBe('ItemNotFound');
    expect(codeOf(() => folder.delete())).toBe('ItemNotFound');
  });

  test('sNew takes a package or a folder', () => {
    const pkg = mgr.newUserPackage();
    const graph = SDSBSCompGraph.sNew(pkg);
    expect(codeOf(() => SDSBSCompGraph.sNew(graph as unknown as SDPackage))).toBe('InvalidArgument');
    expect(codeOf(() => SDResourceFolder.sNew({} as SDPackage))).toBe('InvalidArgument');
  });
});

describe('save and load', () => {
  function buildPackage(): SDPackage {
    const pkg = mgr.newUserPackage();
    const folder = SDResourceFolder.sNew(pkg);
    folder.setIdentifier('materials');
    const graph = SDSBSCompGraph.sNew(folder);
    graph.setIdentifier('Rust');
    graph.setAnnotationPropertyValueFromId('author', SDValueString.sNew('sd-shim'));
    graph.setInputPropertyValueFromId(
      '$format',
      SDValueEnum.sFromValueId('sbs::compositing::format', 'hdr_high_precision'),
    );
    const uniform = graph.newNode('sbs::compositing::uniform');
    uniform.setInputPropertyValueFromId('outputcolor', SDValueColorRGBA.sNew(new ColorRGBA(0.5, 0.25, 0.125, 1)));
    const levels = graph.newNode('sbs::compositing::levels');
    levels.setPosition(new float2(120.5, -40));
    levels.setInputPropertyValueFromId('levelinmid', SDValueFloat4.sNew(new float4(0.4, 0.4, 0.4, 1)));
    const blend = graph.newNode('sbs::compositing::blend');
    blend.setInputPropertyValueFromId(
      'blendingmode',
      SDValueEnum.sFromValueId('sbs::compositing::blendingmode', 'multiply'),
    );
    uniform.newPropertyConnectionFromId('unique_filter_output', levels, 'input1');
    levels.newPropertyConnectionFromId('unique_filter_output', blend, 'source');
    uniform.newPropertyConnectionFromId('unique_filter_output', blend, 'destination');
    const output = graph.newNode('sbs::compositing::output');
    output.setAnnotationPropertyValueFromId('identifier', SDValueString.sNew('basecolor'));
    const usages = SDValueArray.sNew(SDTypeUsage.sNew(), 0);
    usages.pushBack(SDValueUsage.sNew(SDUsage.sNew('baseColor', 'RGBA', 'sRGB')));
    output.setAnnotationPropertyValueFromId('usages', usages);
    blend.newPropertyConnectionFromId('unique_filter_output', output, 'inputNodeOutput');
    const fn = SDSBSFunctionGraph.sNew(pkg);
    const a = fn.newNode('sbs::function::const_float1');
    a.setInputPropertyValueFromId('__constant__', SDValueFloat.sNew(2));
    const add = fn.newNode('sbs::function::add');
    a.newPropertyConnectionFromId('unique_filter_output', add, 'a');
    fn.setOutputNode(add, true);
    return pkg;
  }

  test('saving writes a real file that loading reads back into an equal package', () => {
    const pkg = buildPackage();
    const file = path.join(dir, 'round-trip.sbs');
    mgr.savePackageAs(pkg, file);
    const written = sdShim.packageDocument(pkg);
    const text = fs.readFileSync(file, 'utf8');
    expect(
      text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<package>\n <formatVersion v="1.1.0.202201"/>'),
    ).toBe(true);
    expect(written.format).toBe(SBS_FORMAT);
    mgr.unloadUserPackage(pkg);

    const loaded = mgr.loadUserPackage(file);
    expect(sdShim.packageDocument(loaded)).toEqual(written);
    // Saved again, the loaded package writes the same file, byte for byte.
    const again = path.join(dir, 'round-trip-again.sbs');
    mgr.saveCopyOfPackageAs(loaded, again);
    expect(fs.readFileSync(again, 'utf8')).toBe(text);
    const graph = loaded.findResourceFromUrl('pkg:///materials/Rust') as SDSBSCompGraph;
    const [uniform, levels, blend, output] = [...graph.getNodes()];
    expect(levels!.getPosition()).toEqual(new float2(120.5, -40));
    expect(blend!.getPropertyValueFromId('blendingmode', SDPropertyCategory.Input)!.get()).toBe(3);
    expect(uniform!.getPropertyValueFromId('outputcolor', SDPropertyCategory.Input)!.get()).toEqual(
      new ColorRGBA(0.5, 0.25, 0.125, 1),
    );
    expect(graph.getAnnotationPropertyValueFromId('author')!.get()).toBe('sd-shim');
    expect([...graph.getOutputNodes()]).toEqual([output]);
    const sources = [...blend!.getPropertyConnections(blend!.getPropertyFromId('source', SDPropertyCategory.Input)!)];
    expect(sources.map((c) => c.getInputPropertyNode())).toEqual([levels]);
    const usages = output!.getAnnotationPropertyValueFromId('usages') as SDValueArray;
    expect((usages.getItem(0).get() as SDUsage).getName()).toBe('baseColor');
    const fn = loaded.findResourceFromUrl('New_Function') as SDSBSFunctionGraph;
    expect(fn.getOutputNodes().getItem(0).getDefinition().getId()).toBe('sbs::function::add');
  });

  test('node ids survive the round trip, and new nodes never reuse them', () => {
    const pkg = buildPackage();
    const file = path.join(dir, 'ids.sbs');
    mgr.savePackageAs(pkg, file);
    const before = [...(pkg.findResourceFromUrl('materials/Rust') as SDSBSCompGraph).getNodes()].map((n) =>
      n.getIdentifier(),
    );
    resetDesigner();
    const loaded = getContext().getSDApplication().getPackageMgr().loadUserPackage(file);
    const graph = loaded.findResourceFromUrl('materials/Rust') as SDSBSCompGraph;
    expect([...graph.getNodes()].map((n) => n.getIdentifier())).toEqual(before);
    const fresh = graph.newNode('sbs::compositing::blur').getIdentifier();
    expect(before).not.toContain(fresh);
  });

  test('an in-memory file system can stand in for the disk', () => {
    const memory = new sdShim.MemoryFileSystem();
    const previous = sdShim.setFileSystem(memory);
    try {
      const pkg = buildPackage();
      mgr.savePackageAs(pkg, '/virtual/a.sbs');
      expect(memory.paths()).toEqual(['/virtual/a.sbs']);
      expect(memory.exists('/virtual/a.sbs')).toBe(true);
      mgr.unloadUserPackage(pkg);
      expect(mgr.loadUserPackage('/virtual/a.sbs').getChildrenResources(true).getSize()).toBe(3);
    } finally {
      sdShim.setFileSystem(previous);
    }
  });
});

function SDApiErrorName(code: number): string {
  return [
    'NoError',
    'NoErrorOutputParamNotSet',
    'Undefined',
    'NotImplemented',
    'NotSupported',
    'InvalidArgument',
    'InvalidType',
    'InvalidValue',
    'ItemNotFound',
  ][code]!;
}
