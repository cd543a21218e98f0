import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as shim from '../../src/index';

/*
 * The fidelity table of the README, computed from the code: for every documented class and method of Designer's API
 * (designer-api.json), whether the mock exports it; and the audit's figures recomputed, by method and by call site of
 * the audited plugins (plugin-usage.json). `npm run fidelity -w @sigslot/sd-shim` writes it into the README; a test
 * checks that the README holds what this computes.
 */

interface DesignerApi {
  classes: Record<string, string[]>;
  qt: Record<string, string[]>;
  partial: Record<string, string>;
}
interface PluginUsage {
  repositories: string[];
  methods: Record<string, { repos: number; sites: number }>;
}

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8')) as T;
export const DESIGNER_API = read<DesignerApi>('designer-api.json');
export const PLUGIN_USAGE = read<PluginUsage>('plugin-usage.json');

/** ✔ as documented, ◐ partly (the README says how), ✘ missing. */
export type Mark = '✔' | '◐' | '✘';

const exported = shim as unknown as Record<string, unknown>;

/** Every member name of `cls`, its bases and its statics. */
function members(cls: unknown): Set<string> {
  const names = new Set<string>();
  for (let c = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    for (const key of Object.getOwnPropertyNames(c)) names.add(key);
    for (const key of Object.getOwnPropertyNames((c as { prototype?: object }).prototype ?? {})) names.add(key);
  }
  return names;
}

/** Whether the mock has class `name` (`sd`: the module's functions). */
export function classMark(name: string): Mark {
  return name === 'sd' || typeof exported[name] === 'function' || typeof exported[name] === 'object' ? '✔' : '✘';
}

/** Whether the mock has `method` of class `name`, as documented. */
export function methodMark(name: string, method: string): Mark {
  const has = name === 'sd' ? typeof exported[method] === 'function' : members(exported[name]).has(method);
  if (!has) return '✘';
  return DESIGNER_API.partial[`${name}.${method}`] !== undefined ? '◐' : '✔';
}

/** The best mark of a method name over the documented classes that have it (plugins are counted by name). */
export function nameMark(method: string): Mark {
  const marks = [
    ...Object.entries(DESIGNER_API.classes)
      .filter(([, ms]) => ms.includes(method))
      .map(([c]) => methodMark(c, method)),
    ...Object.entries(DESIGNER_API.qt)
      .filter(([, ms]) => ms.includes(method))
      .map(([c]) => methodMark(c, method)),
  ];
  return marks.includes('✔') ? '✔' : marks.includes('◐') ? '◐' : '✘';
}

const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)} %`;

function count<T>(items: readonly T[], mark: (item: T) => Mark, weight: (item: T) => number = () => 1) {
  const out = { '✔': 0, '◐': 0, '✘': 0 };
  for (const item of items) out[mark(item)] += weight(item);
  return out;
}

/** The README section: the figures, then the table. */
export function fidelityMarkdown(): string {
  const classes = Object.keys(DESIGNER_API.classes);
  const modelled = classes.filter((c) => classMark(c) === '✔');
  const methods = classes.flatMap((c) => DESIGNER_API.classes[c]!.map((m) => [c, m] as const));
  const byMethod = count(methods, ([c, m]) => methodMark(c, m));
  const used = Object.entries(PLUGIN_USAGE.methods);
  const byName = count(used, ([m]) => nameMark(m));
  const bySite = count(
    used,
    ([m]) => nameMark(m),
    ([, u]) => u.sites,
  );
  const sites = used.reduce((n, [, u]) => n + u.sites, 0);
  const common = used.filter(([, u]) => u.repos >= 3);
  const byCommon = count(common, ([m]) => nameMark(m));
  const commonSites = count(
    common,
    ([m]) => nameMark(m),
    ([, u]) => u.sites,
  );
  const commonTotal = common.reduce((n, [, u]) => n + u.sites, 0);
  const lines = [
    `- Documented classes modelled: ${modelled.length} of ${classes.length}. Documented methods: ${byMethod['✔']} as documented, ${byMethod['◐']} partly, ${byMethod['✘']} missing (of ${methods.length}).`,
    `- The ${PLUGIN_USAGE.repositories.length} audited plugins call ${used.length} documented methods: ${byName['✔']} supported as documented, ${byName['◐']} partly, ${byName['✘']} missing; by call site ${percent(bySite['✔'], sites)} / ${percent(bySite['◐'], sites)} / ${percent(bySite['✘'], sites)} of ${sites}.`,
    `- Of the ${common.length} methods used in 3 or more of them: ${byCommon['✔']} as documented, ${byCommon['◐']} partly, ${byCommon['✘']} missing; ${percent(commonSites['✔'] + commonSites['◐'], commonTotal)} of their ${commonTotal} call sites are modelled (${percent(commonSites['✔'], commonTotal)} as documented).`,
    '',
    '| class | methods |',
    '| --- | --- |',
    ...classes.map((c) => {
      const list = DESIGNER_API.classes[c]!.map((m) => `${methodMark(c, m)} ${m}`).join(', ');
      return `| ${classMark(c)} ${c} | ${list || '—'} |`;
    }),
    ...Object.entries(DESIGNER_API.qt).map(
      ([c, ms]) => `| ${classMark(c)} ${c} (Qt) | ${ms.map((m) => `${methodMark(c, m)} ${m}`).join(', ')} |`,
    ),
    '',
    'Partly (◐), and how the mock differs:',
    '',
    ...Object.entries(DESIGNER_API.partial).map(([m, why]) => `- \`${m}\`: ${why}.`),
  ];
  return lines.join('\n');
}

/** The README with its fidelity section replaced by `section`. */
export function withSection(readme: string, section: string): string {
  const start = '<!-- fidelity:start (generated by test/fidelity/fidelity-table.ts) -->';
  const end = '<!-- fidelity:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error('the README has no fidelity section markers');
  return `${readme.slice(0, from + start.length)}\n\n${section}\n\n${readme.slice(to)}`;
}

/** The README file. */
export const README = path.join(__dirname, '../../README.md');

/**
 * The README as it should be: its fidelity section recomputed, formatted as the repository formats Markdown (by the
 * prettier CLI, in a child process: prettier loads its plugins with dynamic imports, which jest's sandbox refuses).
 */
export function expectedReadme(): string {
  const readme = withSection(fs.readFileSync(README, 'utf8'), fidelityMarkdown());
  const cli = require.resolve('prettier/bin/prettier.cjs');
  return execFileSync(process.execPath, [cli, '--stdin-filepath', README], { input: readme, encoding: 'utf8' });
}
