/**
 * Runs the document files of a build in a worker thread: the job comes in `workerData`; the
 * worker prepares them (`prepareReadoutFiles`), waits for the output folder (a message with
 * its path), writes them, and sends back the result or the error as one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareReadoutFiles, writePreparedFiles, type ReadoutFilesJob } from './build.ts';

const port = parentPort!;
const fail = (error: unknown) =>
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });

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
