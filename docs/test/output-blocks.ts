// The printed "output" blocks of the docs and the READMEs, and how to check them: each block is announced by a
// comment that names the program that prints it, and the test (outputs.test.ts) runs that program and compares.
//
//   <!-- output of snippets/start/first-signal.ts -->
//   <!-- output of ../examples/designer-timer/src/main.ts -- --blocking (timings vary) -->
//   <!-- output of each of snippets/coming-from/events-*.ts -->
//   <!-- output of snippets/worker-objects/controller.ts (its first line) -->
//   <!-- output of snippets/errors/slot-error.ts (standard output, then the first line of standard error) -->
//
// The path is relative to the site's source folder (docs/, as `@/` in includes) on a docs page, and to the README's
// folder in a README; anything after ` -- ` is passed to the program. The fenced block that follows the comment is
// what it prints; a line `...` in it stands for any number of lines. Qualifiers, in parentheses:
//   - `its first line` / `after its first line`: the block is that part of standard output;
//   - `standard output, then the first line of standard error`: a second block follows, standard error's first line;
//   - `timings vary`: durations (`101 ms`) and counts of checks (`(6 checks)`) are compared as `N`.
// Paths under the repository are printed relative to it (the blocks show no machine's folders).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
const DOCS = path.join(REPO, 'docs');

/** What a block says a program prints, and where the page says it. */
export interface OutputBlock {
  /** `docs/guide/x.md:52`, for messages. */
  readonly where: string;
  /** The programs (several for `each of` with a `*`), absolute paths. */
  readonly programs: string[];
  readonly args: string[];
  readonly part: 'all' | 'first line' | 'after first line';
  readonly timingsVary: boolean;
  /** The block's lines. */
  readonly stdout: string[];
  /** The second block's line, for `then the first line of standard error`. */
  readonly stderrFirstLine?: string;
}

const QUALIFIERS = new Set([
  'its first line',
  'after its first line',
  'timings vary',
  'standard output, then the first line of standard error',
]);

/** The Markdown files whose output blocks are checked: the site's pages and every README. */
export function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory())
        return entry.name.startsWith('.') || ['node_modules', 'dist', 'api', 'coverage'].includes(entry.name)
          ? []
          : walk(file);
      return entry.name.endsWith('.md') ? [file] : [];
    });
  const readmes = ['.', 'packages', 'examples'].flatMap((dir) =>
    dir === '.'
      ? [path.join(REPO, 'README.md')]
      : fs.readdirSync(path.join(REPO, dir)).map((name) => path.join(REPO, dir, name, 'README.md')),
  );
  return [...walk(DOCS), ...readmes.filter((file) => fs.existsSync(file))];
}

/** The programs a comment names: one file, or each file a `*` pattern matches in its folder. */
function programsOf(base: string, target: string, each: boolean): string[] {
  const file = path.resolve(base, target);
  if (!each) return [file];
  const pattern = new RegExp(`^${path.basename(file).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
  const dir = path.dirname(file);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => pattern.test(name))
        .map((name) => path.join(dir, name))
    : [];
}

/** The fenced block that starts at or after `from` (blank lines only before it): its lines and where it ends. */
function fencedBlock(lines: string[], from: number): { body: string[]; end: number } | null {
  let at = from;
  while (at < lines.length && lines[at]!.trim() === '') at++;
  const open = /^(`{3,})[\w-]*\s*$/.exec(lines[at] ?? '');
  if (!open) return null;
  const close = lines.findIndex((line, i) => i > at && line.trim() === open[1]);
  if (close < 0) return null;
  return { body: lines.slice(at + 1, close), end: close + 1 };
}

/** Every announced output block of `file`; an announcement that cannot be read is returned as a problem. */
export function outputBlocks(file: string): { blocks: OutputBlock[]; problems: string[] } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const base = file.startsWith(DOCS + path.sep) ? DOCS : path.dirname(file);
  const blocks: OutputBlock[] = [];
  const problems: string[] = [];
  lines.forEach((line, at) => {
    // A text block right after an included program is its output: it must be announced, or nothing checks it.
    if (/^<<<\s+\S+\.[cm]?ts\b/.test(line) && /^`{3,}text\s*$/.test(lines[at + 2] ?? '') && !lines[at + 1]?.trim())
      problems.push(
        `${path.relative(REPO, file)}:${at + 3}: a text block follows an included program, with no <!-- output of ... --> comment`,
      );
    const comment = /^<!--\s*output of\s+(.*?)\s*-->\s*$/.exec(line);
    if (!comment) return;
    const where = `${path.relative(REPO, file)}:${at + 1}`;
    let spec = comment[1]!;
    const qualifiers: string[] = [];
    const inParens = /\s*\(([^()]*)\)$/.exec(spec);
    if (inParens) {
      spec = spec.slice(0, inParens.index);
      qualifiers.push(...inParens[1]!.split(/;\s*/));
    }
    const unknown = qualifiers.filter((q) => !QUALIFIERS.has(q));
    if (unknown.length) problems.push(`${where}: unknown qualifier(s) ${unknown.join(', ')}`);
    const each = spec.startsWith('each of ');
    const [target, ...args] = (each ? spec.slice('each of '.length) : spec)
      .split(' -- ')
      .flatMap((part, i) => (i === 0 ? [part.trim()] : part.trim().split(/\s+/)));
    const programs = programsOf(base, target!, each);
    if (programs.length === 0 || !programs.every((p) => fs.existsSync(p)))
      problems.push(`${where}: ${target} names no file that exists`);
    const first = fencedBlock(lines, at + 1);
    if (!first) {
      problems.push(`${where}: no fenced block follows the comment`);
      return;
    }
    let stderrFirstLine: string | undefined;
    if (qualifiers.includes('standard output, then the first line of standard error')) {
      const second = fencedBlock(lines, first.end);
      if (!second || second.body.length !== 1) problems.push(`${where}: no one-line block of standard error follows`);
      else stderrFirstLine = second.body[0];
    }
    blocks.push({
      where,
      programs,
      args,
      part: qualifiers.includes('its first line')
        ? 'first line'
        : qualifiers.includes('after its first line')
          ? 'after first line'
          : 'all',
      timingsVary: qualifiers.includes('timings vary'),
      stdout: first.body,
      ...(stderrFirstLine === undefined ? {} : { stderrFirstLine }),
    });
  });
  return { blocks, problems };
}

/** Durations and counts of checks as `N`, for a block whose timings vary. */
const withoutTimings = (line: string): string =>
  line.replace(/\b\d+(\.\d+)? ms\b/g, 'N ms').replace(/\(\d+ checks\)/g, '(N checks)');

/**
 * The differences between what a block says and what the program printed, as a list of lines to show (empty when
 * they agree). A `...` line of the block matches any number of printed lines.
 */
export function compareOutput(block: OutputBlock, printed: string): string | null {
  // Paths are shown relative to the repository, as a reader's clone has them.
  let actual = printed.replace(/\n$/, '').split(`${REPO}${path.sep}`).join('').split('\n');
  if (block.part === 'first line') actual = actual.slice(0, 1);
  if (block.part === 'after first line') actual = actual.slice(1);
  const normalize = block.timingsVary ? withoutTimings : (line: string): string => line;
  const expected = block.stdout.map(normalize);
  actual = actual.map(normalize);
  const escape = (line: string): string => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `^${expected.map((line) => (line.trim() === '...' ? '(?:[^\\n]*\\n)*?' : `${escape(line)}\\n`)).join('')}$`,
  );
  if (pattern.test(actual.map((line) => `${line}\n`).join(''))) return null;
  return `the block says:\n${block.stdout.join('\n')}\n\nthe program printed:\n${actual.join('\n')}`;
}
