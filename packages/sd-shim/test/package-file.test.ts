import { DESIGNER_VERSION, SBS_FORMAT, SBS_FORMAT_VERSION, getContext, sdShim } from '@sigslot/sd-shim';
import { apiError, useMemoryDisk } from './helpers';
import { PackageModel } from '../src/package/package-model';
import { readPackageDocument } from '../src/package/package-load';
import { documentToSbs } from '../src/package/sbs-xml';
import type { PackageDocument } from '../src/package/package-document';

const disk = useMemoryDisk();

const load = (doc: unknown) => {
  disk.files.writeFile('/p/a.sbs', typeof doc === 'string' ? doc : documentToSbs(doc as PackageDocument));
  const mgr = getContext().getSDApplication().getPackageMgr();
  const loaded = mgr.getUserPackageFromFilePath('/p/a.sbs');
  if (loaded) mgr.unloadUserPackage(loaded);
  return mgr.loadUserPackage('/p/a.sbs');
};
const doc = (resources: unknown[]) => ({
  format: SBS_FORMAT,
  formatVersion: SBS_FORMAT_VERSION,
  designerVersion: 'x',
  resources,
});
const graph = (extra: Record<string, unknown> = {}) => ({
  kind: 'SDSBSCompGraph',
  identifier: 'G',
  properties: {},
  nodes: [],
  connections: [],
  ...extra,
});
const node = (id: string, definition = 'sbs::compositing::blend', extra: Record<string, unknown> = {}) => ({
  id,
  definition,
  position: [0, 0],
  properties: {},
  ...extra,
});
/** What loading `content` (a document, checked as untrusted input) raises. */
const failure = (content: unknown) => {
  try {
    readPackageDocument(content, new PackageModel(99), () => {
      throw new Error('no other package');
    });
  } catch (error) {
    return `${(error as Error).constructor.name} ${(error as Error).message}`;
  }
  return 'loaded';
};

test('a minimal document loads', () => {
  const pkg = load(doc([graph({ nodes: [node('1')] })]));
  expect(pkg.getChildrenResources(false).getSize()).toBe(1);
  expect(pkg.getFilePath()).toBe('/p/a.sbs');
});

test('a file that is not a package the mock reads is refused with InvalidValue, saying why', () => {
  const cases: [string, string][] = [
    ['not xml', 'not a package the mock reads: not well-formed XML'],
    ['<?xml version="1.0"?><!-- nothing --><other/>', 'the root element is <other>, not <package>'],
    ['<a><b></a>', 'not well-formed XML'],
    ['<graph/>', 'the root element is <graph>, not <package>'],
    ['<package><content><graph/></content></package>', 'content: <graph> has no <identifier>'],
    [
      '<package><content><graph><identifier v="G"/><compNodes><compNode><uid v="1"/><GUILayout><gpos v="0 0 0"/></GUILayout><compImplementation><compInputBridge/></compImplementation></compNode></compNodes></graph></content></package>',
      'node 1: <compInputBridge> is not a node the mock reads',
    ],
    [
      '<package><content><graph><identifier v="G"/><compNodes><compNode><uid v="1"/><GUILayout><gpos v="x 0 0"/></GUILayout><compImplementation><compFilter><filter v="blend"/></compFilter></compImplementation></compNode></compNodes></graph></content></package>',
      '"x 0 0" is not 2 numbers',
    ],
  ];
  for (const [content, message] of cases) {
    const error = apiError(() => load(content));
    expect(error.message.startsWith('SDPackageMgr.loadUserPackage(): "/p/a.sbs" is not a valid package file: ')).toBe(
      true,
    );
    expect([message, error.message]).toEqual([message, expect.stringContaining(message)]);
    expect(error.mErrorCode).toBe(7);
  }
});

test('malformed documents are refused, naming the place and the reason', () => {
  const cases: [unknown, string][] = [
    [[], 'the document: expected an object'],
    [{ ...doc([]), format: 'other' }, `format: expected "${SBS_FORMAT}", got "other"`],
    [{ ...doc([]), formatVersion: 99 }, `formatVersion: this sd-shim reads version ${SBS_FORMAT_VERSION}, got 99`],
    [{ ...doc([]), resources: {} }, 'resources: expected an array'],
    [doc([{ kind: 'Bitmap', identifier: 'b' }]), 'resources[0].kind: unknown resource kind "Bitmap"'],
    [doc([graph({ identifier: '1x' })]), 'resources[0].identifier: "1x" is not a valid identifier'],
    [doc([graph(), graph()]), 'resources[1].identifier: "G" appears twice in the same folder'],
    [doc([graph({ identifier: 3 })]), 'resources[0].identifier: expected a string'],
    [
      doc([graph({ nodes: [node('1', 'sbs::compositing::nope')] })]),
      'resources[0].nodes[0]: loadUserPackage(): unknown node definition',
    ],
    [
      doc([graph({ nodes: [node('1'), node('1')] })]),
      'resources[0].nodes[1].id: the id "1" appears twice in the graph',
    ],
    [
      doc([graph({ nodes: [node('1', undefined, { position: [0] })] })]),
      'resources[0].nodes[0].position: expected 2 finite numbers',
    ],
    [
      doc([
        graph({ nodes: [node('1', undefined, { properties: { input: { ghost: { kind: 'float', value: 1 } } } })] }),
      ]),
      'has no Input property "ghost"',
    ],
    [
      doc([
        graph({ nodes: [node('1', undefined, { properties: { input: { opacitymult: { kind: 'int', value: 1 } } } })] }),
      ]),
      'expects a float value, got a int value',
    ],
    [
      doc([graph({ nodes: [node('1', undefined, { properties: { input: { opacitymult: { kind: 'float' } } } })] })]),
      'a float value must be a number',
    ],
    [
      doc([graph({ nodes: [node('1', undefined, { properties: [] })] })]),
      'resources[0].nodes[0].properties: expected an object',
    ],
    [
      doc([graph({ connections: [{ from: { node: '9', property: 'x' }, to: { node: '1', property: 'y' } }] })]),
      'connections[0].from.node: no node "9"',
    ],
    [
      doc([
        graph({
          nodes: [node('1'), node('2')],
          connections: [
            { from: { node: '1', property: 'unique_filter_output' }, to: { node: '2', property: 'opacitymult' } },
          ],
        }),
      ]),
      'is a parameter, not a connectable input',
    ],
    [
      doc([{ kind: 'SDSBSFunctionGraph', identifier: 'F', nodes: [], connections: [], outputNode: '7' }]),
      'resources[0].outputNode: no node "7"',
    ],
    [
      doc([{ kind: 'SDResourceFolder', identifier: 'f', children: [graph({ nodes: 'x' })] }]),
      'resources[0].children[0].nodes: expected an array',
    ],
  ];
  for (const [content, message] of cases) {
    const text = failure(content);
    expect(text.startsWith('PackageFileError ')).toBe(true);
    expect([message, text]).toEqual([message, expect.stringContaining(message)]);
  }
});

test('every kind of value reads back from a file', () => {
  const usage = { kind: 'usage', name: 'n', components: 'RGBA', colorSpace: 'sRGB' };
  const written = doc([
    graph({
      nodes: [
        node('1', 'sbs::compositing::output', {
          properties: {
            annotation: {
              identifier: { kind: 'string', value: 'basecolor' },
              usages: { kind: 'array', itemKind: 'usage', items: [usage] },
              label: { kind: 'string', value: 'L' },
            },
          },
        }),
        node('2', 'sbs::compositing::uniform', {
          properties: {
            input: {
              colorswitch: { kind: 'bool', value: false },
              $randomseed: { kind: 'int', value: 4 },
              $format: { kind: 'enum', enumId: 'sbs::compositing::format', value: 1 },
              $outputsize: { kind: 'int2', value: [9, 9] },
              outputcolor: { kind: 'ColorRGBA', value: [1, 0, 0, 1] },
            },
          },
        }),
        node('3', 'sbs::compositing::levels', {
          properties: { input: { levelinlow: { kind: 'float4', value: [0.1, 0.1, 0.1, 0] } } },
        }),
      ],
    }),
  ]);
  const pkg = load(written);
  expect(sdShim.packageDocument(pkg)).toEqual({ ...written, designerVersion: DESIGNER_VERSION });
  const bad: [unknown, string][] = [
    [{ kind: 'bool', value: 1 }, 'a bool value must be true or false'],
    [{ kind: 'int', value: 1.5 }, 'an int value must be an integer'],
    [{ kind: 'string', value: 1 }, 'a string value must be a string'],
    [{ kind: 'enum', enumId: 1, value: 1 }, 'an enum value needs an enumId and an integer value'],
    [{ kind: 'usage', name: 'n' }, 'a usage needs a string components'],
    [{ kind: 'array', itemKind: 'nope', items: [] }, 'an array value needs an itemKind and items'],
    [{ kind: 'array', itemKind: 'int', items: [{ kind: 'float', value: 1 }] }, 'every item must be of kind int'],
    [{ kind: 'float3', value: [1, 2] }, 'a float3 value must be 3 numbers'],
    [{ kind: 'int2', value: [1, 2.5] }, 'a int2 value must be 2 integers'],
    [{ kind: 'weird' }, 'unknown value kind "weird"'],
    ['x', 'expected a value object'],
  ];
  for (const [value, message] of bad) {
    const content = doc([graph({ properties: { annotation: { label: value } } })]);
    expect([message, failure(content)]).toEqual([message, expect.stringContaining(message)]);
  }
  expect(failure(written)).toBe('loaded');
});
