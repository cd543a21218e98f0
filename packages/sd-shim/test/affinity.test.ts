import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  DESIGNER_FIX,
  SDSBSCompGraph,
  DESIGNER_GUARD,
  QT_GUI_GUARD,
  SDValueFloat,
  affinity,
  float2,
  getContext,
  resetDesigner,
  type AffinityViolation,
} from '@sigslot/sd-shim';
import '@sigslot/sd-shim/jest';

beforeEach(() => {
  resetDesigner();
  affinity.clear();
  affinity.setPolicy('throw');
});
afterAll(() => affinity.setPolicy('throw'));

describe.each(['throw', 'record'] as const)('on the main thread, under the %s policy', (policy) => {
  test('every call works and nothing is recorded', () => {
    affinity.setPolicy(policy);
    const app = getContext().getSDApplication();
    const pkg = app.getPackageMgr().newUserPackage();
    const graph = SDSBSCompGraph.sNew(pkg);
    const node = graph.newNode('sbs::compositing::blend');
    node.setInputPropertyValueFromId('opacitymult', SDValueFloat.sNew(0.5));
    node.setPosition(new float2(1, 1));
    for (const _ of graph.getNodes());
    app.getQtForPythonUIMgr().newMenu('M', 'm').addAction('A').trigger();
    expect(affinity.policy).toBe(policy);
    expect(affinity.violations()).toHaveNoAffinityViolations();
    expect(affinity).toHaveNoAffinityViolations();
  });
});

test('the Designer guard names the API and proposes a queued connection', () => {
  expect(DESIGNER_GUARD).toEqual({ api: 'the Designer API', fix: DESIGNER_FIX });
  expect(DESIGNER_FIX).toBe('Emit a signal connected with QueuedConnection to a receiver on the main thread instead.');
  expect(QT_GUI_GUARD.api).toBe('the Qt GUI');
});

/**
 * A real worker thread (node:worker_threads) that loads sd-shim from its TypeScript sources through tsx and
 * calls the API, under the policy given; it posts back what happened. Nothing here fakes the thread: the
 * core decides from `isMainThread`.
 */
interface WorkerReport {
  errors: { name: string; message: string }[];
  violations: AffinityViolation[];
  read?: number;
  calls?: string[];
}

function inWorker(policy: 'throw' | 'record'): Promise<WorkerReport> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    require('tsx/cjs/api').register();
    (() => {
    const shim = require(workerData.entry);
    shim.affinity.setPolicy(workerData.policy);
    const errors = [];
    const attempt = (fn) => { try { fn(); } catch (e) { errors.push({ name: e.name, message: e.message }); } };
    attempt(() => shim.getContext());
    attempt(() => shim.SDValueFloat.sNew(0.5));
    attempt(() => shim.float2 && new shim.float2(1, 2));
    if (workerData.policy === 'record') {
      shim.affinity.clear();
      const app = shim.getContext().getSDApplication();
      const pkg = app.getPackageMgr().newUserPackage();
      const graph = shim.SDSBSCompGraph.sNew(pkg);
      const node = graph.newNode('sbs::compositing::blend');
      const prop = node.getPropertyFromId('opacitymult', shim.SDPropertyCategory.Input);
      node.setPropertyValue(prop, shim.SDValueFloat.sNew(0.25));
      const read = node.getPropertyValue(prop).get();
      for (const n of graph.getNodes()) n.getIdentifier();
      app.getQtForPythonUIMgr().newMenu('M', 'm').addSeparator();
      parentPort.postMessage({ errors, read, calls: shim.affinity.violations().map((v) => v.className + '.' + v.method) });
      return;
    }
    parentPort.postMessage({ errors, violations: shim.affinity.violations().map((v) => ({ ...v })) });
    })();
  `;
  const worker = new Worker(source, {
    eval: true,
    workerData: { entry: path.join(__dirname, '../src/index.ts'), policy },
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(__dirname, '../../../tsconfig.workers.json') },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result) => {
      void worker.terminate();
      resolve(result as never);
    });
    worker.once('error', reject);
  });
}

test('in a real worker, calls raise AffinityError naming the class, the method and the thread (throw policy)', async () => {
  const { errors, violations } = await inWorker('throw');
  expect(errors.map((e) => e.name)).toEqual(['AffinityError', 'AffinityError']);
  expect(errors[0]!.message).toMatch(
    /^sd\.getContext\(\) was called from thread .*worker.*; the Designer API is main-thread-only\. Emit a signal connected with QueuedConnection to a receiver on the main thread instead\.$/,
  );
  expect(errors[1]!.message).toMatch(/^SDValueFloat\.sNew\(\) was called from thread /);
  expect(violations).toHaveAffinityViolation({ className: 'SDValueFloat', method: 'sNew' });
  expect(violations).toHaveLength(2);
}, 30_000);

test('in a real worker, the record policy lets calls run and records exactly one violation per API call', async () => {
  const { errors, read, calls } = await inWorker('record');
  expect(errors).toEqual([]);
  expect(read).toBe(0.25);
  expect(calls).toEqual([
    'sd.getContext',
    'Context.getSDApplication',
    'SDApplication.getPackageMgr',
    'SDPackageMgr.newUserPackage',
    'SDSBSCompGraph.sNew',
    'SDSBSCompGraph.newNode',
    'SDSBSCompNode.getPropertyFromId',
    'SDValueFloat.sNew',
    'SDSBSCompNode.setPropertyValue',
    'SDSBSCompNode.getPropertyValue',
    'SDValueFloat.get',
    'SDSBSCompGraph.getNodes',
    'SDArray.[Symbol.iterator]',
    'SDSBSCompNode.getIdentifier',
    'SDApplication.getQtForPythonUIMgr',
    'QtForPythonUIMgrWrapper.newMenu',
    'QMenu.addSeparator',
  ]);
}, 30_000);
