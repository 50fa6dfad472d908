/**
 * The entry of the documents' files' worker thread (`work.ts` does the work). Node's compile
 * cache is turned on first: Astro turns it on for the main thread only, and a worker thread
 * would otherwise strip the types of the check's code and compile it again at every build, while
 * the build waits for the check's verdict.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./work.ts');
