// Packs the @sigslot packages with `npm pack` and installs the tarballs into a fresh project outside the
// repository, as a user's `npm install` would: what the packaging and bundler tests start from.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repo = path.resolve(__dirname, '../..');
export const PACKAGES = ['core', 'thread', 'sd-shim', 'concurrent'] as const;
export type PackageDir = (typeof PACKAGES)[number];

/** A packed package: the tarball's path and the files in it. */
export interface Tarball {
  filename: string;
  files: string[];
}

/** The environment of `npm test` minus what would tie a child npm to this repository or its lifecycle. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /^npm_(package_|lifecycle_|command$|config_(local_prefix|prefix|global_prefix|workspaces?|include_workspace_root)$)/i.test(
        key,
      )
    )
      continue;
    env[key] = value;
  }
  return env;
}

/** Runs a command; on failure the error carries its stdout and stderr. */
export async function run(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd,
      env: childEnv(),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000,
    });
    return stdout;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`,
      { cause: error },
    );
  }
}

/** Packs every package into `packDir`. */
export async function packTarballs(packDir: string): Promise<Map<PackageDir, Tarball>> {
  fs.mkdirSync(packDir, { recursive: true });
  const packed = JSON.parse(
    await run(
      'npm',
      ['pack', '--json', '--pack-destination', packDir, ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`])],
      repo,
    ),
  ) as { name: string; filename: string; files: { path: string }[] }[];
  const tarballs = new Map<PackageDir, Tarball>();
  for (const dir of PACKAGES) {
    const entry = packed.find((p) => p.name === `@sigslot/${dir}`);
    if (!entry) throw new Error(`npm pack produced no tarball for @sigslot/${dir}`);
    tarballs.set(dir, {
      filename: path.join(packDir, path.basename(entry.filename)),
      files: entry.files.map((f) => f.path),
    });
  }
  return tarballs;
}

/** Creates `project` with a package.json and installs the tarballs into it (all in one command, so that thread and sd-shim resolve @sigslot/core to its tarball). */
export async function installTarballs(
  project: string,
  tarballs: Map<PackageDir, Tarball>,
  manifest: Record<string, unknown> = {},
): Promise<void> {
  fs.mkdirSync(project, { recursive: true });
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'sigslot-consumer', version: '1.0.0', private: true, ...manifest }, null, 2),
  );
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--no-package-lock',
      ...PACKAGES.map((p) => tarballs.get(p)!.filename),
    ],
    project,
  );
}
