/**
 * Runs the document files of a build in a worker thread: the job comes in `workerData`; the
 * worker prepares them (`prepareReadoutFiles`), waits for the output folder (a message with
 * its path), writes them, and sends back the result or the error as one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareReadoutFiles, writePreparedFiles, type ReadoutFilesJob } from './build.ts';

const port = parentPort!;
// The message alone: what reaches an author is one line, never a stack trace (`DEBUG=1` shows it).
const fail = (error: unknown) =>
  port.postMessage({
    error: error instanceof Error ? ((process.env['DEBUG'] ? error.stack : undefined) ?? error.message) : String(error),
  });

try {
  const prepared = prepareReadoutFiles(workerData as ReadoutFilesJob);
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
