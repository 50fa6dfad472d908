/** Runs `writeDocumentFiles` in a worker thread: the job comes in `workerData`, the result or the error goes back as one message. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeDocumentFiles, type DocumentFilesJob } from './document-files.ts';

try {
  parentPort!.postMessage({ result: writeDocumentFiles(workerData as DocumentFilesJob) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
