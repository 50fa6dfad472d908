/**
 * Loaded with `--import` into Astro's process by `scripts/astro.ts`: the first `exit` listener
 * of the main thread, which writes the exit code on file descriptor 3 (a pipe to the runner)
 * before Node's own shutdown, where the process may hang. Worker threads load this module too
 * (they inherit `--import`); their exit is not the process's.
 */
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.once('exit', (code) => {
    try {
      writeSync(3, `${code}\n`);
    } catch {
      // Run without the runner: nobody to tell.
    }
  });
}
