// Checks what npm would publish, as a consumer's tools see it: publint (package.json fields, the exports map, the
// files it names) and @arethetypeswrong/cli (types resolve under node10, node16 from CJS and ESM, and bundler, and
// match the JavaScript's module format). Each tool packs the package with `npm pack` itself, so what is checked
// is the tarball, not the folder.
//
//   npm run check:packages        (after `npm run build`; .ci/run runs it)
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let failed = 0;
for (const name of ['core', 'thread', 'sd-shim', 'concurrent']) {
  const dir = path.join(root, 'packages', name);
  for (const [tool, args] of [
    [bin('publint'), ['run', '.', '--strict']],
    // @sigslot/concurrent/worker is what a pool worker runs, loaded by path with require(): no ESM entry on purpose.
    [
      bin('attw'),
      ['--pack', '.', '--format', 'ascii', ...(name === 'concurrent' ? ['--exclude-entrypoints', './worker'] : [])],
    ],
  ]) {
    try {
      execFileSync(tool, args, { cwd: dir, stdio: 'inherit' });
    } catch {
      console.error(`${path.basename(tool)} found problems in @sigslot/${name}`);
      failed += 1;
    }
  }
}
process.exit(failed === 0 ? 0 : 1);
