// Every code snippet on the site is compiled: pages include TypeScript from docs/snippets/ (VitePress `<<<`), the
// compiler type-checks those files against the packages' sources, and no page writes TypeScript inline, where
// nothing would check it. (docs/snippets/tsconfig.json also covers the live demo's sources and the site config.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const DOCS = path.resolve(__dirname, '..');
const TSCONFIG = path.join(DOCS, 'snippets/tsconfig.json');
/** Fenced code in these languages must be included from a compiled file, not written in the page. */
const CODE = /^(ts|typescript|tsx|mts|cts|js|javascript|jsx|mjs|cjs|vue)$/i;
/** Folders of docs/ that hold no hand-written pages: generated, installed or built. */
const NOT_PAGES = new Set(['api', 'node_modules', 'public', 'snippets', 'test', 'scripts']);

/** The site's hand-written Markdown pages (and the fragments they include). */
function pages(dir = DOCS): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name.startsWith('.') || (dir === DOCS && NOT_PAGES.has(entry.name)) ? [] : pages(file);
    return entry.name.endsWith('.md') ? [file] : [];
  });
}

const relative = (file: string): string => path.relative(DOCS, file).split(path.sep).join('/');

let program: ts.Program;

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    TSCONFIG,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  expect(config.errors).toEqual([]);
  program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
});

test('tsc -p docs/snippets/tsconfig.json --noEmit: every snippet type-checks against the packages', () => {
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const report = ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => DOCS,
    getNewLine: () => '\n',
  });
  expect(report).toBe('');
  const snippets = program.getRootFileNames().filter((file) => file.includes(`${path.sep}snippets${path.sep}`));
  expect(snippets.length).toBeGreaterThan(0);
}, 30_000);

test('no page writes TypeScript or JavaScript inline: code is included from a compiled file', () => {
  const inline: string[] = [];
  for (const file of pages()) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    let fence: string | null = null;
    lines.forEach((line, at) => {
      const match = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
      if (!match) return;
      if (fence === null) {
        fence = match[1]!;
        if (CODE.test(match[2] ?? '')) inline.push(`${relative(file)}:${at + 1}: \`\`\`${match[2]}`);
      } else if (match[1]!.startsWith(fence[0]!) && match[1]!.length >= fence.length && !match[2]) {
        fence = null;
      }
    });
  }
  expect(inline).toEqual([]);
});

test('every `<<<` include names a file that exists, and every TypeScript one is in the compiled program', () => {
  const compiled = new Set(program.getRootFileNames().map((file) => path.resolve(file)));
  const problems: string[] = [];
  let includes = 0;
  for (const file of pages()) {
    for (const [, target] of fs.readFileSync(file, 'utf8').matchAll(/^\s*<<<\s+(\S+)/gm)) {
      includes++;
      // `@/` is the site's source folder (docs/); `#region` and `{1,3}` / `[label]` suffixes are not part of the path.
      const name = target!.replace(/[#{[].*$/, '');
      const resolved = name.startsWith('@/') ? path.join(DOCS, name.slice(2)) : path.resolve(path.dirname(file), name);
      const region = /#([\w-]+)/.exec(target!)?.[1];
      if (!fs.existsSync(resolved)) problems.push(`${relative(file)}: ${target} does not exist`);
      else if (region && !new RegExp(`#region ${region}\\b`).test(fs.readFileSync(resolved, 'utf8')))
        problems.push(`${relative(file)}: ${target} names a region that ${name} does not have`);
      else if (/\.[mc]?tsx?$/.test(resolved) && !compiled.has(resolved))
        problems.push(`${relative(file)}: ${target} is not type-checked by docs/snippets/tsconfig.json`);
    }
  }
  expect(problems).toEqual([]);
  expect(includes).toBeGreaterThan(0);
});
