/**
 * Builds the site with Astro's CLI into a folder of the test's choosing, so that tests
 * never read a `dist/` left by a manual build and never collide with one another.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
const astro = join(root, 'node_modules', '.bin', 'astro');

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, as a person running the build would see them. */
  output: string;
  outDir: string;
}

export interface BuildOptions {
  /** Folder to build into; a new temporary folder by default. */
  outDir?: string;
  /** Content folder to build from, instead of `content/`. */
  contentDir?: string;
  env?: Record<string, string>;
}

/** A fresh temporary folder, named for what it holds. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `readout-archive-${label}-`));
}

/**
 * A fresh folder for a build's output, inside the project. Astro writes its prerender chunks
 * next to an output folder that lies inside the working directory, and otherwise into the
 * project's `.astro/`, where builds running at the same time would overwrite each other's.
 */
export function outDirFor(label: string): string {
  mkdirSync(buildsDir, { recursive: true });
  return join(mkdtempSync(join(buildsDir, `${label}-`)), 'dist');
}

const buildsDir = join(root, 'node_modules', '.cache', 'readout-archive-builds');

/**
 * Removes the build folders of earlier runs. Only folders older than `maxAgeMs` go, so that a
 * run going on at the same time (another terminal, another checkout's tests) keeps its own.
 */
export function removeStaleBuilds(maxAgeMs = 2 * 60 * 60 * 1000): void {
  let names: string[];
  try {
    names = readdirSync(buildsDir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const path = join(buildsDir, name);
    if (now - statSync(path).mtimeMs > maxAgeMs) rmSync(path, { recursive: true, force: true });
  }
}

/** Removes the folder that `outDirFor()` made for a build. */
export function removeBuild(outDir: string): void {
  rmSync(join(outDir, '..'), { recursive: true, force: true });
}

/** Runs `astro build`; returns its exit status and output (never throws on failure). */
export function build(options: BuildOptions = {}): BuildResult {
  const outDir = options.outDir ?? outDirFor('dist');
  const env: Record<string, string | undefined> = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    OUT_DIR: outDir,
    // A cache of its own per build: the content layer's store must not leak between builds.
    ASTRO_CACHE_DIR: join(outDir, '..', `${outDir.split(/[\\/]/).pop()}-cache`),
    ...options.env,
  };
  if (options.contentDir) env.CONTENT_DIR = options.contentDir;
  const result = spawnSync(astro, ['build'], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}
