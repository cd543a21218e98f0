import * as path from 'node:path';
import * as shim from '@sigslot/sd-shim';
import { affinity, resetDesigner, SDGraph, SDResource, SDSBSCompGraph, SDType, SDValue } from '@sigslot/sd-shim';
import '@sigslot/sd-shim/jest';
import * as designerApi from '../src/designer-api';
import { isGuardedFunction, requireGuardedClass } from '../src/affinity/designer-guard';
import { inPlainWorker } from './plain-worker';

beforeEach(() => {
  resetDesigner();
  affinity.clear();
  affinity.setPolicy('throw');
});
afterAll(() => affinity.setPolicy('throw'));

type AnyClass = abstract new (...args: never[]) => object;

/** Every class of the guarded API and every class on their prototype chains, bases included. */
function apiClasses(): AnyClass[] {
  const found = new Set<AnyClass>();
  for (const value of Object.values(designerApi) as AnyClass[]) {
    for (let cls: unknown = value; cls !== Function.prototype; cls = Object.getPrototypeOf(cls))
      found.add(cls as AnyClass);
  }
  return [...found];
}

/** `Class.member` for every own method, accessor and static method of `cls`, with the functions behind it. */
function membersOf(cls: AnyClass): { name: string; fns: unknown[] }[] {
  const members: { name: string; fns: unknown[] }[] = [];
  for (const [holder, suffix] of [
    [cls.prototype as object, ''],
    [cls, ' (static)'],
  ] as const) {
    for (const key of Reflect.ownKeys(holder)) {
      if (['constructor', 'prototype', 'name', 'length'].includes(key as string)) continue;
      const d = Object.getOwnPropertyDescriptor(holder, key)!;
      const fns = [d.value, d.get, d.set].filter((f) => typeof f === 'function');
      if (fns.length > 0) members.push({ name: `${cls.name}.${String(key)}${suffix}`, fns });
    }
  }
  return members;
}

test('every class the package exports is either guarded API or plain data, so a new class is placed on purpose', () => {
  const DATA = ['float2', 'float3', 'float4', 'int2', 'int3', 'int4', 'ColorRGBA', 'MemoryFileSystem'];
  const ERRORS = ['APIException', 'AffinityError', 'SigslotError'];
  const classes = Object.entries(shim)
    .filter(([, value]) => typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)))
    .map(([name]) => name);
  const guarded = Object.keys(designerApi);
  expect(classes.filter((name) => !guarded.includes(name)).sort()).toEqual([...DATA, ...ERRORS].sort());
  expect(guarded.every((name) => classes.includes(name))).toBe(true);
});

test('every method of every exported class and of its bases is guarded, static methods and accessors included', () => {
  const classes = apiClasses();
  expect(classes).toEqual(expect.arrayContaining([SDGraph, SDResource, SDType, SDValue, shim.SDAPIObject]));
  const members = classes.flatMap(membersOf);
  const unguarded = members.filter((m) => !m.fns.every(isGuardedFunction)).map((m) => m.name);
  expect(unguarded).toEqual([]);
  // The base classes' own methods, reached through a base prototype, were the gap (issue 11: 23 of them).
  const baseMethods = ([SDGraph, SDResource, SDType, SDValue] as unknown as AnyClass[]).flatMap(membersOf);
  expect(baseMethods.length).toBeGreaterThanOrEqual(23);
  expect(isGuardedFunction(shim.getContext)).toBe(true);
});

test('a class that is not exported through the guarded API cannot make objects', () => {
  class Forgotten extends shim.SDAPIObject {}
  expect(() => new Forgotten()).toThrow(
    'sd-shim: Forgotten is not exported through the guarded API (src/designer-api.ts), so its methods are not thread-checked.',
  );
  expect(() => requireGuardedClass(SDSBSCompGraph)).not.toThrow();
});

interface MemberCall {
  member: string;
  recorded: string[];
}

test('in a plain worker, every member of every class and base, called through its own prototype, records exactly one violation naming it; the main thread records them too', async () => {
  const calls = await inPlainWorker<MemberCall[]>(
    `
    const shim = require(workerData.entry);
    const api = require(workerData.data.api);
    shim.affinity.setPolicy('record');
    const classes = new Set();
    for (const value of Object.values(api)) for (let c = value; c !== Function.prototype; c = Object.getPrototypeOf(c)) classes.add(c);
    const calls = [];
    for (const cls of classes) {
      for (const [holder, self] of [[cls.prototype, Object.create(cls.prototype)], [cls, cls]]) {
        for (const key of Reflect.ownKeys(holder)) {
          if (['constructor', 'prototype', 'name', 'length'].includes(key)) continue;
          const d = Object.getOwnPropertyDescriptor(holder, key);
          const name = typeof key === 'symbol' ? '[' + key.description + ']' : key;
          for (const fn of [d.value, d.get, d.set].filter((f) => typeof f === 'function')) {
            shim.affinity.clear();
            try { fn.call(self, undefined); } catch {}
            calls.push({ member: cls.name + '.' + name, recorded: shim.affinity.violations().map((v) => v.className + '.' + v.method) });
          }
        }
      }
    }
    done(calls);
    `,
    { data: { api: path.join(__dirname, '../src/designer-api.ts') } },
  );
  // As many calls as the main thread counts functions on those classes (methods, accessors, statics).
  expect(calls.length).toBe(
    apiClasses()
      .flatMap(membersOf)
      .flatMap((m) => m.fns).length,
  );
  expect(calls.length).toBeGreaterThan(150);
  const wrong = calls.filter((c) => c.recorded.length !== 1 || c.recorded[0] !== c.member);
  expect(wrong).toEqual([]);
  expect(calls).toEqual(
    expect.arrayContaining([
      { member: 'SDGraph.newNode', recorded: ['SDGraph.newNode'] },
      { member: 'SDResource.getIdentifier', recorded: ['SDResource.getIdentifier'] },
      { member: 'SDValue.getType', recorded: ['SDValue.getType'] },
      { member: 'SDArray.[Symbol.iterator]', recorded: ['SDArray.[Symbol.iterator]'] },
      { member: 'SDValueFloat.sNew', recorded: ['SDValueFloat.sNew'] },
    ]),
  );
  // Each one reached the main thread's record (the worker waited for it), attributed to no thread it named.
  expect(affinity.violations().map((v) => `${v.className}.${v.method}`)).toEqual(calls.map((c) => c.member));
  expect(affinity.violations().every((v) => v.threadId === -1 && v.thread === shim.UNIDENTIFIED_WORKER)).toBe(true);
});

test('an inherited method is named after the class it was called on', async () => {
  const recorded = await inPlainWorker<string[]>(`
    const shim = require(workerData.entry);
    shim.affinity.setPolicy('record');
    const pkg = shim.getContext().getSDApplication().getPackageMgr().newUserPackage();
    const graph = shim.SDSBSCompGraph.sNew(pkg);
    shim.affinity.clear();
    graph.getIdentifier();
    shim.SDResource.prototype.getIdentifier.call(graph);
    shim.SDGraph.prototype.newNode.call(graph, 'sbs::compositing::blend');
    done(shim.affinity.violations().map((v) => v.className + '.' + v.method));
  `);
  expect(recorded).toEqual(['SDSBSCompGraph.getIdentifier', 'SDSBSCompGraph.getIdentifier', 'SDSBSCompGraph.newNode']);
});
