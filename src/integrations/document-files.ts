/**
 * The files published next to each document (source, references, JSON record, preview image:
 * `src/build/document-files.ts`) are written by a worker thread that starts with the build and
 * runs on a second core while Astro renders the pages; at the end of the build they are moved
 * into the site. The development server serves them one at a time instead (`src/routes/`).
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentFilesJob, DocumentFilesResult } from '../build/document-files.ts';
import { PREVIEW_CACHE_SUBDIR } from '../lib/preview-image.ts';
import { citationFormats, normalizeBase, routes } from '../lib/urls.ts';

/** Where the worker writes, under Astro's cache folder, before the files move into the site. */
const STAGING_SUBDIR = 'readout-archive/document-files';

function run(job: DocumentFilesJob): Promise<DocumentFilesResult> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('../build/document-files-worker.ts', import.meta.url), { workerData: job });
    // A build that stops early does not wait for the worker.
    worker.unref();
    worker.once('message', (message: { result?: DocumentFilesResult; error?: string }) => {
      if (message.result) done(message.result);
      else fail(new Error(message.error));
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`le processus de travail s’est arrêté (code ${code})`)));
  });
}

/** Moves a file; copies it where a rename cannot (another file system). */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export default function documentFiles(options: { contentDir: string }): AstroIntegration {
  let job: Promise<DocumentFilesResult> | undefined;
  let staging = '';
  return {
    name: 'readout-archive:document-files',
    hooks: {
      'astro:config:setup': ({ command, config, injectRoute }) => {
        if (command === 'dev') {
          const entrypoint = new URL('../routes/document-file.ts', import.meta.url);
          const id = 'identifiant';
          for (const route of [
            routes.readoutSource(id),
            routes.readoutPreview(id),
            routes.apiReadout(id),
            ...citationFormats.map((format) => routes.readoutCitation(id, format)),
          ]) {
            injectRoute({ pattern: `/${route.replace(id, '[id]')}`, entrypoint });
          }
        }
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const cacheDir = fileURLToPath(config.cacheDir);
        staging = join(cacheDir, STAGING_SUBDIR);
        job = run({
          root,
          contentDir: resolve(root, options.contentDir),
          site: config.site ?? 'http://localhost:4321',
          base: normalizeBase(config.base),
          outDir: staging,
          fontsDir: join(root, 'src/assets/fonts'),
          previewCacheDir: join(cacheDir, PREVIEW_CACHE_SUBDIR),
        });
        // Awaited at the end of the build; a failure before then is not an unhandled rejection.
        job.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!job) throw new Error('Fichiers des documents : le processus de travail n’a pas été lancé');
        const waited = performance.now();
        const result = await job.catch((error: Error) => {
          throw new Error(`Fichiers des documents : ${error.message}`, { cause: error });
        });
        const outDir = fileURLToPath(dir);
        const made = new Set<string>();
        for (const route of result.routes) {
          const to = join(outDir, route);
          if (!made.has(dirname(to))) {
            mkdirSync(dirname(to), { recursive: true });
            made.add(dirname(to));
          }
          move(join(staging, route), to);
        }
        rmSync(staging, { recursive: true, force: true });
        for (const line of result.warnings) logger.warn(line);
        const { drawn, cached } = result.previews;
        logger.info(
          `${result.documents} document(s) : ${result.routes.length} fichiers écrits en ${result.seconds.toFixed(1)} s ` +
            `(attente de la fin : ${((performance.now() - waited) / 1000).toFixed(1)} s)`,
        );
        logger.info(`aperçus : ${drawn + cached} images, ${drawn} dessinée(s), ${cached} reprise(s) du cache`);
      },
    },
  };
}
