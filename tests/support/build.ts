/**
 * Builds the site with Astro's CLI into a folder of the test's choosing, so that tests
 * never read a `dist/` left by a manual build and never collide with one another.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
/** Astro's CLI through the runner that `npm run build` uses, which cannot hang at exit. */
export const astroRunner = join(root, 'scripts', 'astro.ts');
/** Past this, a build is stopped and reported as hung: the slowest build of the suite takes under a minute. */
export const BUILD_TIMEOUT_MS = 10 * 60 * 1000;

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

/**
 * What Vitest puts in the environment of a test, left out of the commands the tests run, so
 * that they run as an archivist's do: Astro keeps a `NODE_ENV` it finds, and reads `DEV`, `PROD`
 * and `MODE` from the environment as `import.meta.env`, so that a build would run as in
 * development (`NODE_ENV=test`, `DEV=1`).
 */
const withoutVitest = Object.fromEntries(
  [
    'NODE_ENV',
    'DEV',
    'PROD',
    'MODE',
    'SSR',
    'BASE_URL',
    'TEST',
    'VITEST',
    'VITEST_MODE',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
  ].map((name) => [name, undefined]),
);

/** The output folder and the environment of a build. */
function buildEnv(options: BuildOptions): { outDir: string; env: Record<string, string | undefined> } {
  const outDir = options.outDir ?? outDirFor('dist');
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...withoutVitest,
    ASTRO_TELEMETRY_DISABLED: '1',
    OUT_DIR: outDir,
    // A cache of its own per build: the content layer's store must not leak between builds.
    ASTRO_CACHE_DIR: join(outDir, '..', `${outDir.split(/[\\/]/).pop()}-cache`),
    ...options.env,
  };
  if (options.contentDir) env.CONTENT_DIR = options.contentDir;
  return { outDir, env };
}

/**
 * Runs `astro build` without blocking, so that builds of the same run share the machine's cores;
 * resolves with its exit status and output (never rejects on failure).
 */
export function buildAsync(options: BuildOptions = {}): Promise<BuildResult> {
  const { outDir, env } = buildEnv(options);
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [astroRunner, 'build'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      output += `\nastro build did not end within ${BUILD_TIMEOUT_MS / 1000} s: stopped by the test.`;
      child.kill('SIGKILL');
    }, BUILD_TIMEOUT_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolvePromise({ status: signal === 'SIGKILL' ? null : status, output, outDir });
    });
  });
}

/** Runs `astro build`; returns its exit status and output (never throws on failure). */
export function build(options: BuildOptions = {}): BuildResult {
  const { outDir, env } = buildEnv(options);
  const result = spawnSync(process.execPath, [astroRunner, 'build'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: BUILD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  const note = timedOut ? `\nastro build did not end within ${BUILD_TIMEOUT_MS / 1000} s: stopped by the test.` : '';
  return { status: timedOut ? null : result.status, output: `${result.stdout}\n${result.stderr}${note}`, outDir };
}

/**
 * Runs `npm run <script> -- …` with its exit status and output (never throws on failure). A
 * script that does not end within `BUILD_TIMEOUT_MS` is stopped and reported as hung.
 */
export function npmRun(args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    cwd: root,
    env: { ...process.env, ...withoutVitest, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: BUILD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  const note = timedOut
    ? `\nnpm run ${args[0]} did not end within ${BUILD_TIMEOUT_MS / 1000} s: stopped by the test.`
    : '';
  return { status: timedOut ? null : result.status, output: `${result.stdout}\n${result.stderr}${note}` };
}
