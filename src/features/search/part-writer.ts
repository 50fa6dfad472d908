/**
 * A second Pagefind process, in a worker thread: Pagefind's Node API keeps one process per
 * module instance, and that process takes its messages one at a time, so a thread of its own is
 * what lets two parts be written at once (`parts.ts`). Each message is a part to write (its
 * pages' HTML, its folder, its salt); the answer is `{}` or `{ error }`.
 */
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { writePart, type PartJob } from './parts.ts';

const port = parentPort!;
/** The part being written: asked to stop, the worker lets it end first. */
let current: Promise<unknown> = Promise.resolve();
port.on('message', (job: PartJob | null) => {
  if (job === null) {
    void current.finally(() => pagefind.close()).then(() => port.close());
    return;
  }
  current = writePart(job).then(
    () => port.postMessage({}),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
