/**
 * Writes the files published next to every document (`src/features/readout-files/files.ts`: source,
 * references, JSON record; and its preview image) in one pass over the archive, outside
 * Astro's route rendering: 60,000 small routes would cost more in Astro's per-route work than
 * in their own. `src/features/readout-files/integration.ts` runs this in a worker thread while Astro
 * builds the pages, in two steps: reading the archive and drawing the previews at once, then
 * writing into the site once Astro has emptied the output folder.
 *
 * The archive is read from `content/` with the validator's reader and the collections' own
 * schemas (`parseEntries`), so these files say what the pages say.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readContent } from '#content/read.ts';
import { linkOrCopy } from '#features/site-files.ts';
import { buildArchive, type Archive } from '#archive/archive.ts';
import { readoutFiles } from './files.ts';
import { previewContent } from '#features/preview/content.ts';
import { absoluteUrls, routes } from '#archive/urls.ts';
import { parseEntries } from '#content/entries.ts';
import { previewFile } from '#features/preview/cache.ts';

export interface ReadoutFilesJob {
  /** The project's root: entry paths are relative to it. */
  root: string;
  contentDir: string;
  site: string;
  base: string;
  /** The fonts of the previews, and the folder of their cache. */
  fontsDir: string;
  previewCacheDir: string;
}

export interface ReadoutFilesResult {
  documents: number;
  /** Every file written, as a route. */
  routes: string[];
  previews: { drawn: number; cached: number };
  /** Lines for the build's log (a character that no font of the previews has). */
  warnings: string[];
  seconds: number;
}

/** A build's document files, ready to be written: the archive read, every preview drawn or found in the cache. */
export interface PreparedReadoutFiles {
  job: ReadoutFilesJob;
  archive: Archive;
  /** The cached preview image of each document, by id. */
  previews: Map<string, string>;
  drawn: number;
  warnings: string[];
  started: number;
}

/** Reads the archive and draws the previews that the cache lacks: everything that needs no output folder. */
export function prepareReadoutFiles(job: ReadoutFilesJob): PreparedReadoutFiles {
  const started = performance.now();
  const { files } = readContent(job.root, job.contentDir);
  const archive = buildArchive(parseEntries(files));
  const warnings: string[] = [];
  const previews = new Map<string, string>();
  let drawn = 0;
  for (const readout of archive.readouts) {
    const preview = previewFile(previewContent(readout, archive), {
      fontsDir: job.fontsDir,
      cacheDir: job.previewCacheDir,
      label: routes.readoutPreview(readout.id),
      log: { warn: (line: string) => warnings.push(line) },
    });
    if (preview.drawn) drawn++;
    previews.set(readout.id, preview.file);
  }
  // The cache keeps the images of this build only: the others show what no document shows now.
  const used = new Set([...previews.values()].map((file) => basename(file)));
  for (const name of existsSync(job.previewCacheDir) ? readdirSync(job.previewCacheDir) : []) {
    if (!used.has(name)) rmSync(join(job.previewCacheDir, name), { force: true });
  }
  return { job, archive, previews, drawn, warnings, started };
}

/** Writes the files of every document into `outDir` (which the site's build may be filling meanwhile). */
export function writePreparedFiles(prepared: PreparedReadoutFiles, outDir: string): ReadoutFilesResult {
  const { job, archive, previews } = prepared;
  const url = absoluteUrls(job.site, job.base);
  const written: string[] = [];
  const madeDirs = new Set<string>();
  const target = (route: string) => {
    const file = join(outDir, route);
    const dir = dirname(file);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    written.push(route);
    return file;
  };
  for (const readout of archive.readouts) {
    const source = readFileSync(resolve(job.root, readout.filePath!));
    for (const { route, contents } of readoutFiles(readout, archive, source, url))
      writeFileSync(target(route), contents);
    linkOrCopy(previews.get(readout.id)!, target(routes.readoutPreview(readout.id)));
  }
  return {
    documents: archive.readouts.length,
    routes: written,
    previews: { drawn: prepared.drawn, cached: archive.readouts.length - prepared.drawn },
    warnings: prepared.warnings,
    seconds: (performance.now() - prepared.started) / 1000,
  };
}

/** Both steps at once. */
export function writeReadoutFiles(job: ReadoutFilesJob, outDir: string): ReadoutFilesResult {
  return writePreparedFiles(prepareReadoutFiles(job), outDir);
}
