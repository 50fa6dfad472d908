/**
 * The files published next to each document (source, references, JSON record, preview image:
 * `src/features/readout-files/build.ts`) are made by a worker thread that starts with the build and
 * runs on a second core while Astro works: it checks the content (for the guard), reads the
 * archive and draws the previews while Astro starts and loads the content, then writes the files into the output folder once Astro has
 * emptied it, while Astro renders the pages. The build ends when both are done. The development server serves them one at a time instead (`src/features/readout-files/route.ts`).
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadoutFilesJob, ReadoutFilesResult } from './build.ts';
import { PREVIEW_CACHE_SUBDIR } from '#features/preview/content.ts';
import { normalizeBase } from '#archive/urls.ts';
import { readoutFileRoutes } from './files.ts';
import { claimFiles } from '#features/incremental/produced.ts';
import { takeContentCheck, type CheckOutcome } from '#content/checked.ts';
import type { Problem } from '#content/problem.ts';
import type { CheckOptions } from '#features/guard/check.ts';

/**
 * The worker thread of a build: `write` gives it the output folder once Astro has emptied it.
 * With `settleCheck`, it checks the content first and settles the build's check with what it
 * found (`src/content/checked.ts`).
 */
function start(
  job: ReadoutFilesJob,
  settleCheck?: (outcome: CheckOutcome) => void,
): {
  result: () => Promise<ReadoutFilesResult>;
  write: (outDir: string) => void;
} {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: job });
  let checking = settleCheck;
  let awaited = false;
  // The check ends once, with the worker's verdict or with the worker itself. Until then the
  // worker keeps the process alive: the build waits for it, and it may be all that is left to run.
  const settle = (outcome: CheckOutcome) => {
    checking?.(outcome);
    checking = undefined;
    if (!awaited) worker.unref();
  };
  const result = new Promise<ReadoutFilesResult>((done, fail) => {
    const stop = (error: Error) => {
      settle({ error: new Error(`Vérification du contenu : ${error.message}`) });
      fail(error);
    };
    worker.on(
      'message',
      (message: { verdict?: Problem[]; verdictError?: string; result?: ReadoutFilesResult; error?: string }) => {
        if (message.verdict) settle({ problems: message.verdict });
        else if (message.verdictError !== undefined) stop(new Error(message.verdictError));
        else if (message.result) done(message.result);
        else stop(new Error(message.error));
      },
    );
    worker.once('error', stop);
    worker.once('exit', (code) => stop(new Error(`le processus de travail s’est arrêté (code ${code})`)));
  });
  // Awaited at the end of the build; a failure before then is not an unhandled rejection.
  result.catch(() => {});
  // A build that stops early does not wait for the worker (once its check, if any, is settled).
  // After the listeners, which would otherwise keep the process alive again.
  if (!checking) worker.unref();
  return {
    // Awaited, the worker keeps the process alive again: a build whose pages are done before its
    // previews (all cached pages, every image drawn again) would otherwise end, with status 0,
    // while the worker still draws, and leave the files of the last build in place.
    result: () => {
      awaited = true;
      worker.ref();
      return result;
    },
    write: (outDir) => worker.postMessage(outDir),
  };
}

export default function readoutFiles(): AstroIntegration {
  let worker: ReturnType<typeof start> | undefined;
  let outDir = '';
  return {
    name: 'readout-archive:readout-files',
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute }) => {
        if (command === 'dev') {
          const entrypoint = new URL('./route.ts', import.meta.url);
          const id = 'identifiant';
          for (const route of readoutFileRoutes(id)) {
            injectRoute({ pattern: `/${route.replace(id, '[id]')}`, entrypoint });
          }
        }
        if (command !== 'build') return;
        // The build's content check, opened by the guard (src/features/guard/integration.ts), runs
        // first in this worker, which goes on with the files it read.
        const check = takeContentCheck<CheckOptions>();
        if (!check) {
          throw new Error(
            'Fichiers des documents : aucune vérification du contenu à faire (contentGuard doit précéder readoutFiles dans astro.config.mjs)',
          );
        }
        const { root, contentDir, options: checkOptions } = check.request;
        const cacheDir = fileURLToPath(config.cacheDir);
        worker = start(
          {
            root,
            contentDir,
            site: config.site ?? 'http://localhost:4321',
            base: normalizeBase(config.base),
            fontsDir: join(root, 'src/assets/fonts'),
            previewCacheDir: join(cacheDir, PREVIEW_CACHE_SUBDIR),
            manifestFile: join(cacheDir, 'readout-archive', 'readout-files.json'),
            check: checkOptions,
          },
          check.settle,
        );
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Called once Astro has emptied the output folder: the worker may write into it.
      'astro:build:setup': () => {
        worker?.write(outDir);
      },
      'astro:build:done': async ({ logger }) => {
        if (!worker) throw new Error('Fichiers des documents : le processus de travail n’a pas été lancé');
        const waited = performance.now();
        const result = await worker.result().catch((error: Error) => {
          const failure = new Error(`Fichiers des documents : ${error.message}`, { cause: error });
          if (!process.env['DEBUG']) failure.stack = '';
          throw failure;
        });
        // The files of every readout, written now or kept from the last build, belong to this build.
        claimFiles(result.routes);
        for (const line of result.warnings) logger.warn(line);
        const { drawn, cached } = result.previews;
        logger.info(
          `${result.documents} document(s), fichiers de ${result.written} écrits, des autres inchangés, ` +
            `prêts en ${result.seconds.toFixed(1)} s (attente de la fin : ${((performance.now() - waited) / 1000).toFixed(1)} s)`,
        );
        logger.info(`aperçus : ${drawn + cached} images, ${drawn} dessinée(s), ${cached} reprise(s) du cache`);
      },
    },
  };
}
