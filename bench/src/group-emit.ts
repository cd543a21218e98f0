// Group 1: in-thread direct emit, one number argument, 1 and 10 slots — sigslot against the popular emitters.
import { EventEmitter as NodeEventEmitter } from 'node:events';
import { QObject, Signal } from '@sigslot/core';
import EventEmitter3 from 'eventemitter3';
import mitt from 'mitt';
import { EventEmitter as Tseep } from 'tseep';
import { Signal as TypedSignal } from 'typed-signals';
import { makeTable, type Table } from './model';
import { median } from './util';

/**
 * The slot every library calls: small, monomorphic, and Smi-stable (a plain `acc += x` overflows to a
 * double, deopts, and made later rounds 2–4× slower in the baseline measurements).
 */
let acc = 0;
const makeSlot = (): ((x: number) => void) => (x: number) => {
  acc = (acc + x) & 0xfffff;
};

/** A QObject receiver whose method is the slot (the Qt way). */
class Receiver extends QObject {
  onValue(x: number): void {
    acc = (acc + x) & 0xfffff;
  }
}

type Setup = (slots: number) => () => void;

/** Each implementation: builds an emitter with `slots` slots and returns the function mitata times (one emit). */
const IMPLEMENTATIONS: ReadonlyArray<{ id: string; label: string; info?: boolean; setup: Setup }> = [
  {
    id: 'floor',
    label: 'plain for loop over an array of functions (floor)',
    setup: (n) => {
      const fns = Array.from({ length: n }, makeSlot);
      const emit = (x: number): void => {
        for (let i = 0; i < fns.length; i++) fns[i]!(x);
      };
      return () => emit(1);
    },
  },
  {
    id: 'sigslot',
    label: 'sigslot Signal (owned by a QObject), function slots',
    setup: (n) => {
      const owner = new QObject();
      const signal = new Signal<[x: number]>(owner, 'value');
      for (let i = 0; i < n; i++) signal.connect(makeSlot());
      return () => signal.emit(1);
    },
  },
  {
    id: 'sigslot-bare',
    label: 'sigslot Signal without owner, function slots',
    info: true,
    setup: (n) => {
      const signal = new Signal<[x: number]>(null, 'value');
      for (let i = 0; i < n; i++) signal.connect(makeSlot());
      return () => signal.emit(1);
    },
  },
  {
    id: 'sigslot-receiver',
    label: 'sigslot Signal, QObject receivers + method slots (the Qt idiom)',
    setup: (n) => {
      const owner = new QObject();
      const signal = new Signal<[x: number]>(owner, 'value');
      for (let i = 0; i < n; i++) {
        const receiver = new Receiver();
        signal.connect(receiver, receiver.onValue);
      }
      return () => signal.emit(1);
    },
  },
  {
    id: 'sigslot-receiver-shape',
    label: 'sigslot, the Qt idiom, one of 20 signals of the same shape, all emitted',
    info: true,
    setup: (n) => {
      const signals = Array.from({ length: 20 }, () => {
        const signal = new Signal<[x: number]>(new QObject(), 'value');
        for (let i = 0; i < n; i++) {
          const receiver = new Receiver();
          signal.connect(receiver, receiver.onValue);
        }
        return signal;
      });
      // Every one compiled: code generated from one source would share its call sites among the 20.
      for (const signal of signals) for (let i = 0; i < 5000; i++) signal.emit(0);
      const signal = signals[19]!;
      return () => signal.emit(1);
    },
  },
  {
    id: 'tseep',
    label: 'tseep 1.3.1',
    setup: (n) => {
      const e = new Tseep<{ value: (x: number) => void }>();
      for (let i = 0; i < n; i++) e.on('value', makeSlot());
      return () => e.emit('value', 1);
    },
  },
  {
    id: 'eventemitter3',
    label: 'eventemitter3 5.0.4',
    setup: (n) => {
      const e = new EventEmitter3<{ value: [x: number] }>();
      for (let i = 0; i < n; i++) e.on('value', makeSlot());
      return () => e.emit('value', 1);
    },
  },
  {
    id: 'node-events',
    label: 'node:events EventEmitter',
    setup: (n) => {
      const e = new NodeEventEmitter();
      for (let i = 0; i < n; i++) e.on('value', makeSlot());
      return () => e.emit('value', 1);
    },
  },
  {
    id: 'mitt',
    label: 'mitt 3.0.1',
    setup: (n) => {
      const e = mitt<{ value: number }>();
      for (let i = 0; i < n; i++) e.on('value', makeSlot());
      return () => e.emit('value', 1);
    },
  },
  {
    id: 'typed-signals',
    label: 'typed-signals 3.0.0',
    setup: (n) => {
      const s = new TypedSignal<(x: number) => void>();
      for (let i = 0; i < n; i++) s.connect(makeSlot());
      return () => s.emit(1);
    },
  },
];

/** Ids of the non-sigslot peers the target compares against. */
export const EMIT_PEERS = ['tseep', 'eventemitter3', 'node-events', 'mitt', 'typed-signals'] as const;

export interface EmitOptions {
  readonly rounds: number;
  /** mitata's min_cpu_time per measurement, in ns. */
  readonly minCpuTimeNs: number;
  readonly log: (line: string) => void;
}

/**
 * mitata `measure` (p50 ns per call) of every implementation, `rounds` interleaved rounds in this process
 * (order rotated each round), for 1 and 10 slots; the table holds the median of the rounds' p50s.
 */
export async function runEmitGroup(options: EmitOptions): Promise<Table[]> {
  const { measure } = await import('mitata');
  const tables: Table[] = [];
  const cases = [1, 10].map((slots) => ({ slots, fns: IMPLEMENTATIONS.map((impl) => impl.setup(slots)) }));
  const samples = cases.map(() => IMPLEMENTATIONS.map(() => [] as number[]));
  // Sanity: each emit reaches every slot.
  for (const c of cases) {
    for (const fn of c.fns) {
      const before = acc;
      fn();
      if (((before + c.slots) & 0xfffff) !== acc) throw new Error('group 1: an emitter did not call every slot once');
    }
  }
  for (let r = 0; r < options.rounds; r++) {
    for (let ci = 0; ci < cases.length; ci++) {
      const c = cases[ci]!;
      for (let j = 0; j < IMPLEMENTATIONS.length; j++) {
        const k = (j + r) % IMPLEMENTATIONS.length;
        const stats = await measure(c.fns[k]!, { min_cpu_time: options.minCpuTimeNs });
        samples[ci]![k]!.push(stats.p50);
      }
      options.log(
        `    round ${r + 1}/${options.rounds}, ${c.slots} slot(s): ` +
          IMPLEMENTATIONS.map((impl, k) => `${impl.id} ${samples[ci]![k]!.at(-1)!.toFixed(2)}`).join(', '),
      );
    }
  }
  cases.forEach((c, ci) => {
    tables.push(
      makeTable(
        {
          id: `emit-${c.slots}`,
          title: `1${ci === 0 ? 'a' : 'b'}. Direct emit, ${c.slots} slot${c.slots > 1 ? 's' : ''}, one number argument`,
          unit: 'ns/emit',
          better: 'lower',
          reference: 'tseep',
          method:
            `mitata 1.0.34 measure(), p50 ns per emit, min_cpu_time ${options.minCpuTimeNs / 1e6} ms; ` +
            `${options.rounds} interleaved rounds in one process (order rotated); median of the rounds' p50s. ` +
            `Slots: distinct closures of one literal, (x) => { acc = (acc + x) & 0xfffff } (Smi-stable).`,
        },
        IMPLEMENTATIONS.map((impl, k) => ({
          id: impl.id,
          label: impl.label,
          samples: samples[ci]![k]!,
          ...(impl.info ? { info: true } : {}),
          extra: {
            M_emits_per_s: 1e3 / median(samples[ci]![k]!),
            x_floor: median(samples[ci]![k]!) / median(samples[ci]![0]!),
          },
        })),
        median,
      ),
    );
  });
  return tables;
}
