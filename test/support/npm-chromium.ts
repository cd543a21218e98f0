// The Chromium the tests bring with them: @sparticuz/chromium ships a headless Chromium inside its npm package
// (brotli-compressed, with the few shared libraries and fonts it needs), so `npm install && npm test` needs no
// browser on the machine. This unpacks it once per version into the temporary folder.
//
// Why not the package's own `executablePath()`: it unpacks into a fixed, shared `<tmpdir>/chromium` that another
// process may be half-way through writing, and it adds the shared libraries (libnss3 and friends) only on Amazon
// Linux. Here every process unpacks into its own folder and renames it into place (a rename is atomic, so a
// reader never sees half a browser), and the libraries are always used, so the run does not depend on what the
// machine has installed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import * as tar from 'tar-fs';

/** A Chromium binary, and the environment it runs with. */
export interface NpmChromium {
  readonly executablePath: string;
  readonly env: Record<string, string>;
}

/** The folder of the npm package's compressed files (`chromium.br`, `*.tar.br`). */
function packageBin(): { version: string; bin: string } {
  // The package's exports map has only ".", so its folder is found from its main file.
  const main = require.resolve('@sparticuz/chromium');
  for (let dir = path.dirname(main); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version: string };
    if (name === '@sparticuz/chromium') return { version, bin: path.join(dir, 'bin') };
  }
  throw new Error(`no package.json of @sparticuz/chromium above ${main}`);
}

/**
 * Decompresses `chromium.br` to `chromium` and each `x.tar.br` into `<x>/` (swiftshader's libraries go next to the
 * binary), in `into`, which is renamed to `final` afterwards.
 */
async function unpack(bin: string, into: string, final: string): Promise<void> {
  fs.mkdirSync(into, { recursive: true });
  const source = (name: string) => fs.createReadStream(path.join(bin, name)).pipe(zlib.createBrotliDecompress());
  const results = await Promise.allSettled([
    pipeline(source('chromium.br'), fs.createWriteStream(path.join(into, 'chromium'), { mode: 0o755 })),
    pipeline(source('swiftshader.tar.br'), tar.extract(into)),
    pipeline(source('fonts.tar.br'), tar.extract(path.join(into, 'fonts'))),
    // libnss3, libnspr4, libexpat: what the binary links to beyond glibc (lib/*.so).
    pipeline(source('al2023.tar.br'), tar.extract(path.join(into, 'system'))),
  ]);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  // The machine's fonts first (the docs pages are laid out with them when there are any), then the package's.
  fs.writeFileSync(
    path.join(into, 'fonts.conf'),
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(final, 'fonts')}</dir>
  <cachedir>${path.join(final, 'fonts-cache')}</cachedir>
</fontconfig>
`,
  );
}

let unpacked: Promise<string> | undefined;

/** Unpacks the npm package's Chromium unless this version already is; returns its folder. */
function unpackOnce(): Promise<string> {
  unpacked ??= (async () => {
    const { version, bin } = packageBin();
    const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
    const dir = path.join(os.tmpdir(), `sigslot-chromium-${version}-${uid}`);
    if (fs.existsSync(path.join(dir, 'chromium'))) return dir;
    const partial = fs.mkdtempSync(`${dir}.partial-`);
    try {
      await unpack(bin, partial, dir);
      fs.renameSync(partial, dir);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      // Another process renamed its copy into place first: use that one.
      if (!fs.existsSync(path.join(dir, 'chromium'))) throw error;
    }
    return dir;
  })();
  return unpacked;
}

/** The npm package's Chromium, unpacked on first use (about 2 s), with the environment it needs. */
export async function npmChromium(): Promise<NpmChromium> {
  const dir = await unpackOnce();
  return {
    executablePath: path.join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [path.join(dir, 'system', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
  };
}
