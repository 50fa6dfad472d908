/**
 * The work of the documents’ files’ worker thread (`worker.ts`): the job comes in `workerData`. The
 * worker first checks the content (`inspectContent`) and sends the problems found, then goes on
 * with the files it read, unless the check refused them. It prepares the
 * files (`prepareReadoutFiles`), waits for the output folder (a message with its path), writes
 * them, and sends back the result or the error as one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inspectContent } from '#features/guard/check.ts';
import { errorsOf } from '#content/problem.ts';
import type { ReadoutFilesJob } from './build.ts';

const port = parentPort!;
// The message alone: what reaches an author is one line, never a stack trace (`DEBUG=1` shows it).
const message = (error: unknown) =>
  error instanceof Error ? ((process.env['DEBUG'] ? error.stack : undefined) ?? error.message) : String(error);
const fail = (error: unknown) => port.postMessage({ error: message(error) });

const job = workerData as ReadoutFilesJob;
let checked: ReturnType<typeof inspectContent> | undefined;
try {
  checked = inspectContent(job.root, job.contentDir, job.check);
  port.postMessage({ verdict: checked.problems });
} catch (error) {
  port.postMessage({ verdictError: message(error) });
}
// A refused content stops the build before it writes anything (src/content/checked.ts): nothing
// more to do here.
if (checked && errorsOf(checked.problems).length === 0) {
  try {
    // Loaded once the verdict is sent: the check, which the build waits for, starts sooner.
    const { prepareReadoutFiles, writePreparedFiles } = await import('./build.ts');
    const prepared = prepareReadoutFiles(job, checked.files);
    port.once('message', (outDir: string) => {
      try {
        port.postMessage({ result: writePreparedFiles(prepared, outDir) });
      } catch (error) {
        fail(error);
      }
    });
  } catch (error) {
    fail(error);
  }
}
