import {
  SDMetadataDict,
  SDSBSCompGraph,
  SDValueFloat,
  SDValueString,
  getContext,
  resetDesigner,
} from '@sigslot/sd-shim';
import { codeOf, useMemoryDisk } from './helpers';

const disk = useMemoryDisk();
const mgr = () => getContext().getSDApplication().getPackageMgr();

test('packages and resources have metadata dictionaries, with the errors of Adobe’s metadata tests', () => {
  const pkg = mgr().newUserPackage();
  const dict = pkg.getMetadataDict();
  expect(dict).toBeInstanceOf(SDMetadataDict);
  expect(pkg.getMetadataDict()).toBe(dict);
  dict.setPropertyValueFromId('author', SDValueString.sNew('me'));
  expect(pkg.isModified()).toBe(true);
  expect(dict.getPropertyValueFromId('author').get()).toBe('me');
  expect(dict.getPropertyFromId('author').getId()).toBe('author');
  expect([...dict.getProperties()].map((p) => p.getId())).toEqual(['author']);
  expect(codeOf(() => dict.getPropertyFromId('ghost'))).toBe('ItemNotFound');
  expect(codeOf(() => dict.setPropertyValueFromId('1', SDValueString.sNew('x')))).toBe('InvalidValue');
  expect(codeOf(() => dict.setPropertyValueFromId('a a', SDValueString.sNew('x')))).toBe('InvalidValue');
  expect(codeOf(() => dict.setPropertyValueFromId('author', SDValueFloat.sNew(1)))).toBe('NotSupported');
  dict.deleteProperty('author');
  expect(codeOf(() => dict.deleteProperty('author'))).toBe('ItemNotFound');
  const graph = SDSBSCompGraph.sNew(pkg);
  graph.getMetadataDict().setPropertyValueFromId('version', SDValueFloat.sNew(2));
  expect(graph.getMetadataDict().getPropertyValueFromId('version').get()).toBe(2);
});

test('metadata is saved with the package and loads back', () => {
  const pkg = mgr().newUserPackage();
  pkg.getMetadataDict().setPropertyValueFromId('studio', SDValueString.sNew('Acme & Co'));
  const graph = SDSBSCompGraph.sNew(pkg);
  graph.setIdentifier('G');
  graph.getMetadataDict().setPropertyValueFromId('version', SDValueFloat.sNew(2.5));
  mgr().savePackageAs(pkg, '/p/meta.sbs');
  const text = disk.files.readFile('/p/meta.sbs');
  resetDesigner();
  const loaded = mgr().loadUserPackage('/p/meta.sbs');
  expect(loaded.getMetadataDict().getPropertyValueFromId('studio').get()).toBe('Acme & Co');
  expect(loaded.findResourceFromUrl('G')!.getMetadataDict().getPropertyValueFromId('version').get()).toBe(2.5);
  expect(loaded.isModified()).toBe(false);
  mgr().saveCopyOfPackageAs(loaded, '/p/again.sbs');
  expect(disk.files.readFile('/p/again.sbs')).toBe(text);
});
