// The shape of bench/results/latest.json: groups of tables, each with a reference row to take ratios to.
import { spread } from './util';

/** One implementation's figure in a table. */
export interface Row {
  /** Stable id (for the JSON and the chart). */
  readonly id: string;
  /** What was measured, for people. */
  readonly label: string;
  /** The median of the rounds (the figure the ratio uses). */
  readonly value: number;
  /** Every round's figure, in round order. */
  readonly samples: readonly number[];
  /** The spread of the rounds: [lowest, highest] (the same figure twice for a single round). */
  readonly spread: readonly [number, number];
  /** value ÷ the reference row's value (same unit, same run). */
  ratio: number;
  /** True for rows shown for explanation only (no target refers to them). */
  readonly info?: boolean;
  /** True for the group's headline: sigslot used as Qt code uses it (a receiver object and its method). */
  readonly headline?: boolean;
  /** Extra figures (throughput, checks, counts…). */
  readonly extra?: Readonly<Record<string, number | string | boolean>>;
}

/** A table: rows in one unit, with one of them the reference. */
export interface Table {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  /** Whether a smaller figure is better (time, bytes) or a larger one (throughput). */
  readonly better: 'lower' | 'higher';
  /** The id of the row the ratios are taken to. */
  readonly reference: string;
  readonly rows: Row[];
  /** How it was measured, and anything a reader must know to trust the figures. */
  readonly method: string;
  readonly notes?: readonly string[];
}

/** One of the targets, judged on this run's ratios. */
export interface Target {
  readonly id: string;
  readonly text: string;
  readonly met: boolean;
  readonly detail: string;
}

/** The whole run. */
export interface Results {
  readonly meta: {
    readonly date: string;
    readonly node: string;
    readonly platform: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly loadavgAtStart: readonly number[];
    readonly loadavgAtEnd: readonly number[];
    readonly smoke: boolean;
    readonly durationS: number;
    readonly note: string;
  };
  readonly tables: Table[];
  readonly targets: Target[];
}

/**
 * The row of each table that shows sigslot the way Qt code uses it — a QObject receiver and its method, a QThread
 * — which the report puts first and marks as the group's headline.
 */
const QT_IDIOM: Readonly<Record<string, string>> = {
  'emit-1': 'sigslot-receiver',
  'emit-10': 'sigslot-receiver',
  queued: 'sigslot',
  blocking: 'sigslot',
  start: 'qthread',
  'memory-connection': 'sigslot-receiver',
  'memory-inflight': 'sigslot',
  latency: 'sigslot',
  'pool-burst': 'sigslot',
  'pool-rtt': 'sigslot',
  'pool-progress': 'sigslot',
  'pool-cpu': 'sigslot',
};

/**
 * Builds a table's rows from per-mode samples: the median as value, the rounds' spread, ratios to `reference`;
 * the Qt idiom's row first, as the headline.
 */
export function makeTable(
  spec: Omit<Table, 'rows'>,
  rows: ReadonlyArray<{
    id: string;
    label: string;
    samples: readonly number[];
    info?: boolean;
    extra?: Row['extra'];
    value?: number;
  }>,
  median: (v: readonly number[]) => number,
): Table {
  const headline = QT_IDIOM[spec.id];
  const built: Row[] = rows.map((r) => ({
    id: r.id,
    label: r.label,
    value: r.value ?? median(r.samples),
    samples: r.samples,
    spread: spread(r.samples),
    ratio: NaN,
    ...(r.info ? { info: true } : {}),
    ...(r.id === headline ? { headline: true } : {}),
    ...(r.extra ? { extra: r.extra } : {}),
  }));
  built.sort((a, b) => Number(b.headline ?? false) - Number(a.headline ?? false)); // stable: the rest keep their order
  const ref = built.find((r) => r.id === spec.reference);
  for (const r of built) r.ratio = ref ? r.value / ref.value : NaN;
  return { ...spec, rows: built };
}
