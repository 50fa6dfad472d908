/**
 * `node scripts/astro.ts <command> [options]`: Astro's CLI (`build`, `dev`, `preview`, `check`)
 * in a child process that cannot leave the command hanging once it has finished.
 *
 * Node can deadlock while a process exits (nodejs/node#54918, #64560, still seen on Node 24):
 * in `process.exit`, the main thread waits for a V8 worker thread that waits, in turn, for a
 * garbage collection that never comes. The process then sits at 0 % CPU for ever, and a build
 * that has finished never returns. So Astro runs in a child process whose `exit` listener,
 * the first one registered (`scripts/astro/report-exit.ts`), writes the exit code on a pipe
 * before that shutdown begins. Once the code is known, the child has `ASTRO_EXIT_GRACE_SECONDS`
 * (10 by default) to end; past that it is killed, and this process exits with the code the
 * child reported. Signals (Ctrl-C) are passed on to the child.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';

/** Astro's CLI; the runner's own test puts a stand-in there that hangs at exit (`ASTRO_RUNNER_CLI`). */
const astro =
  process.env['ASTRO_RUNNER_CLI'] ?? fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const reportExit = new URL('./astro/report-exit.ts', import.meta.url).href;
const grace = Number(process.env['ASTRO_EXIT_GRACE_SECONDS'] ?? 10) * 1000;

const child = spawn(process.execPath, ['--import', reportExit, astro, ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
});

let reported: number | undefined;
let killer: NodeJS.Timeout | undefined;
(child.stdio[3] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
  const code = Number.parseInt(chunk, 10);
  if (reported !== undefined || !Number.isInteger(code)) return;
  reported = code;
  killer = setTimeout(() => {
    console.error(
      `astro ${process.argv[2] ?? ''} a terminé (code ${code}) mais son processus ne s’arrêtait pas après ` +
        `${grace / 1000} s : arrêté (blocage connu de Node à la sortie, voir scripts/astro.ts).`,
    );
    child.kill('SIGKILL');
  }, grace);
});

child.on('exit', (code, signal) => {
  clearTimeout(killer);
  if (reported !== undefined) process.exit(reported);
  if (signal) console.error(`astro ${process.argv[2] ?? ''} interrompu par le signal ${signal}`);
  process.exit(code ?? 1);
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => child.kill(signal));
}
