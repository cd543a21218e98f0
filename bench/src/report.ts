// Printing the results as text tables, judging the targets, and drawing the SVG chart.
import type { Results, Row, Table, Target } from './model';
import { format } from './util';

/** The issue's targets, judged on the ratios of this run. */
export function judgeTargets(tables: readonly Table[]): Target[] {
  const targets: Target[] = [];
  const table = (id: string): Table | undefined => tables.find((t) => t.id === id);
  const row = (t: Table | undefined, id: string): Row | undefined => t?.rows.find((r) => r.id === id);
  const x = (v: number): string => `${v.toFixed(2)}×`;

  for (const slots of [1, 10]) {
    const t = table(`emit-${slots}`);
    const s = row(t, 'sigslot');
    if (!t || !s) continue;
    const peers = ['tseep', 'eventemitter3', 'node-events', 'mitt', 'typed-signals']
      .map((id) => row(t, id))
      .filter((r): r is Row => !!r);
    const slower = peers.filter((p) => p.id !== 'tseep' && s.value >= p.value).map((p) => p.id);
    const met = s.ratio <= 1.0 && slower.length === 0;
    targets.push({
      id: `emit-${slots}`,
      text: `Direct emit, ${slots} slot${slots > 1 ? 's' : ''}: ≤ 1.0× tseep and faster than every other peer`,
      met,
      detail:
        `sigslot ${format(s.value)} ns = ${x(s.ratio)} tseep; ` +
        peers
          .filter((p) => p.id !== 'tseep')
          .map((p) => `${p.id} ${format(p.value)} ns`)
          .join(', ') +
        (slower.length ? `; not faster than ${slower.join(', ')}` : ''),
    });
  }
  {
    const t = table('queued');
    const s = row(t, 'sigslot');
    const each = row(t, 'post-each');
    if (t && s) {
      const throughput = 1 / s.ratio;
      targets.push({
        id: 'queued',
        text: 'Queued throughput ≥ 0.5× the raw SAB ring (≥ 12× one postMessage per emit)',
        met: throughput >= 0.5,
        detail:
          `sigslot ${format(s.value)} ns/emit = ${throughput.toFixed(2)}× the ring's throughput; ` +
          (each ? `${(each.value / s.value).toFixed(1)}× one postMessage per emit` : ''),
      });
    }
  }
  {
    const t = table('blocking');
    const s = row(t, 'sigslot');
    if (t && s) {
      const synckit = row(t, 'synckit');
      const comlink = row(t, 'comlink');
      const beats = (p: Row | undefined): boolean => !p || s.value < p.value;
      targets.push({
        id: 'blocking',
        text: 'BlockingQueued round trip ≤ 1.3× raw Atomics, and faster than synckit and comlink',
        met: s.ratio <= 1.3 && beats(synckit) && beats(comlink),
        detail:
          `sigslot ${format(s.value)} µs = ${x(s.ratio)} raw Atomics; synckit ${format(synckit?.value ?? NaN)} µs, ` +
          `comlink ${format(comlink?.value ?? NaN)} µs`,
      });
    }
  }
  {
    const t = table('start');
    const s = row(t, 'qthread');
    const prepared = row(t, 'qthread-prepared');
    if (t && s) {
      targets.push({
        id: 'start',
        text: 'Thread start ≤ 1.2× a bare worker (CommonJS), judged on a cold start (a new worker)',
        met: s.ratio <= 1.2,
        detail:
          `QThread ${format(s.value)} ms = ${x(s.ratio)} bare worker ${format(row(t, 'bare')?.value ?? NaN)} ms` +
          (prepared
            ? `; on a prepared worker (QThread.prepareWorkers()) ${format(prepared.value)} ms = ${x(prepared.ratio)}`
            : ''),
      });
    }
  }
  {
    const t = table('memory-flood');
    const peak = row(t, 'rss-peak');
    if (t && peak) {
      targets.push({
        id: 'flood',
        text: 'A flood of queued emits to a slow receiver does not exhaust memory (bounded)',
        met: peak.extra?.unbounded === false,
        detail: t.notes?.[0] ?? '',
      });
    }
  }
  return targets;
}

/** The results as text: one table per group, then the targets. */
export function formatText(results: Results): string {
  const out: string[] = [];
  for (const t of results.tables) {
    out.push(
      '',
      t.title,
      `  (${t.unit}; ratio = ÷ "${t.rows.find((r) => r.id === t.reference)?.label ?? t.reference}")`,
    );
    const width = Math.max(...t.rows.map((r) => r.label.length)) + 4;
    out.push(
      `  ${'implementation'.padEnd(width)}${t.unit.padStart(16)}${'spread (rounds)'.padStart(22)}${'ratio'.padStart(10)}`,
    );
    for (const r of t.rows) {
      const mark = r.id.startsWith('sigslot') || r.id.startsWith('qthread') ? '▶ ' : r.info ? '· ' : '  ';
      const [lo, hi] = r.samples.length > 1 ? [Math.min(...r.samples), Math.max(...r.samples)] : [NaN, NaN];
      const sp = Number.isFinite(lo) ? `${format(lo)}–${format(hi)}` : '';
      out.push(
        `${mark}${r.label.padEnd(width)}${format(r.value).padStart(16)}${sp.padStart(22)}${`${r.ratio.toFixed(2)}×`.padStart(10)}`,
      );
    }
    for (const note of t.notes ?? []) out.push(`  note: ${note}`);
  }
  out.push('', 'Targets (ratios in this run):');
  for (const target of results.targets)
    out.push(`  [${target.met ? 'MET' : 'NOT MET'}] ${target.text}\n      ${target.detail}`);
  out.push('', `▶ sigslot   · shown for explanation only.   ${results.meta.note}`);
  return out.join('\n');
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where a target line goes on a table's chart (a ratio to its reference). */
const TARGET_LINES: Record<string, { ratio: number; label: string }> = {
  'emit-1': { ratio: 1, label: 'target ≤ 1.0× tseep' },
  'emit-10': { ratio: 1, label: 'target ≤ 1.0× tseep' },
  queued: { ratio: 2, label: 'target ≤ 2× ring (≥ 0.5× throughput)' },
  blocking: { ratio: 1.3, label: 'target ≤ 1.3×' },
  start: { ratio: 1.2, label: 'target ≤ 1.2×' },
};

/**
 * A chart of every table: per row a bar from the reference line (ratio 1) on a log scale, to the left when
 * smaller (better: every table here is "lower is better"), to the right when larger; labelled with the figure.
 */
export function drawSvg(results: Results): string {
  // Wide enough for the longest label (11 px text, about 6.2 px a character), so that none is cut off.
  const longest = Math.max(...results.tables.flatMap((t) => t.rows.map((r) => r.label.length)));
  const labelW = Math.max(400, Math.ceil(longest * 6.2) + 12);
  const plotX = labelW + 10;
  const plotW = 380;
  const W = plotX + plotW + 200;
  const rowH = 20;
  const parts: string[] = [];
  let y = 48;
  const head =
    `sigslot benchmarks — ${results.meta.date.slice(0, 10)}, Node ${results.meta.node}, ${results.meta.cpus} CPUs` +
    (results.meta.smoke ? ' (SMOKE RUN: tiny sizes, not figures)' : '');
  parts.push(`<text x="12" y="22" font-size="16" font-weight="bold">${escape(head)}</text>`);
  parts.push(
    `<text x="12" y="40" font-size="11" fill="#555">${escape('Bars: ratio to each panel\u2019s reference (log scale; left of the line = smaller = better). Medians of interleaved rounds on a noisy shared 2-core VM.')}</text>`,
  );
  for (const t of results.tables) {
    const rows = t.rows.filter((r) => Number.isFinite(r.ratio) && r.ratio > 0);
    if (!rows.length) continue;
    const target = TARGET_LINES[t.id];
    const extent =
      Math.max(
        Math.log10(2),
        ...rows.map((r) => Math.abs(Math.log10(r.ratio))),
        target ? Math.abs(Math.log10(target.ratio)) : 0,
      ) * 1.08;
    const xOf = (ratio: number): number => plotX + plotW / 2 + (Math.log10(ratio) / extent) * (plotW / 2);
    y += 18;
    parts.push(`<text x="12" y="${y}" font-size="13" font-weight="bold">${escape(`${t.title} — ${t.unit}`)}</text>`);
    y += target ? 18 : 6; // room for the target's label under the title, not over it
    const top = y;
    const height = rows.length * rowH;
    // Grid: decades and 2/5 steps within the extent.
    let lastLabelX = -Infinity;
    for (const tick of [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) {
      if (Math.abs(Math.log10(tick)) > extent) continue;
      const gx = xOf(tick).toFixed(1);
      parts.push(
        `<line x1="${gx}" y1="${top}" x2="${gx}" y2="${top + height}" stroke="${tick === 1 ? '#222' : '#ddd'}" stroke-width="${tick === 1 ? 1.5 : 1}"/>`,
      );
      if (Number(gx) - lastLabelX < 30) continue; // a crowded scale labels every other line
      lastLabelX = Number(gx);
      parts.push(
        `<text x="${gx}" y="${top + height + 11}" font-size="9" fill="#777" text-anchor="middle">${tick}×</text>`,
      );
    }
    if (target) {
      const tx = xOf(target.ratio).toFixed(1);
      parts.push(
        `<line x1="${tx}" y1="${top - 4}" x2="${tx}" y2="${top + height}" stroke="#c92a2a" stroke-dasharray="4 3" stroke-width="1.5"/>`,
      );
      parts.push(
        `<text x="${tx}" y="${top - 6}" font-size="9" fill="#c92a2a" text-anchor="middle">${escape(target.label)}</text>`,
      );
    }
    rows.forEach((r, i) => {
      const ry = top + i * rowH;
      const isSigslot = r.id.startsWith('sigslot') || r.id.startsWith('qthread');
      const isRef = r.id === t.reference;
      const color = isSigslot ? (r.info ? '#f4a261' : '#e8590c') : isRef ? '#495057' : r.info ? '#adb5bd' : '#4c6ef5';
      const x0 = xOf(1);
      const x1 = xOf(r.ratio);
      const bx = Math.min(x0, x1);
      const bw = Math.max(2, Math.abs(x1 - x0));
      parts.push(
        `<text x="${labelW}" y="${ry + 14}" font-size="11" text-anchor="end"${isSigslot ? ' font-weight="bold"' : ''}>${escape(r.label)}</text>`,
      );
      parts.push(
        `<rect x="${bx.toFixed(1)}" y="${ry + 4}" width="${bw.toFixed(1)}" height="${rowH - 8}" fill="${color}"/>`,
      );
      parts.push(
        `<text x="${plotX + plotW + 8}" y="${ry + 14}" font-size="11">${escape(`${format(r.value)} ${t.unit} · ${r.ratio.toFixed(2)}×`)}</text>`,
      );
    });
    y = top + height + 16;
  }
  y += 8;
  const lines = results.targets.map((tg) => `${tg.met ? '✔ met' : '✘ not met'} — ${tg.text}`);
  parts.push(`<text x="12" y="${y}" font-size="13" font-weight="bold">Targets</text>`);
  for (const [i, line] of lines.entries()) {
    parts.push(
      `<text x="12" y="${y + 16 + i * 15}" font-size="11" fill="${results.targets[i]!.met ? '#2b8a3e' : '#c92a2a'}">${escape(line)}</text>`,
    );
  }
  y += 16 + lines.length * 15 + 6;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">\n` +
    `<rect width="100%" height="100%" fill="#fff"/>\n${parts.join('\n')}\n</svg>\n`
  );
}
