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
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pageKey, readoutInputs } from '#archive/page-keys.ts';
import { codeDigest } from '#content/code-digest.ts';
import { readContent, type ContentFile } from '#content/read.ts';
import type { CheckOptions } from '#features/guard/check.ts';
import { linkOrCopy } from '#features/site-files.ts';
import { buildArchive, type Archive } from '#archive/archive.ts';
import { readoutFileRoutes, readoutFiles } from './files.ts';
import { previewContent, previewSources } from '#features/preview/content.ts';
import { missingGlyphs } from '#features/preview/coverage.ts';
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
  /**
   * Where the key of each readout's files, as last written, is kept between builds: a readout
   * whose key is unchanged and whose files are in place is not written again.
   */
  manifestFile: string;
  /**
   * The options of the content check, which the worker runs first (`inspectContent`) and whose
   * verdict the build waits for before it writes any page (`src/content/checked.ts`).
   */
  check: CheckOptions;
}

export interface ReadoutFilesResult {
  documents: number;
  /** Every file of every readout, written or kept, as a route. */
  routes: string[];
  /** How many readouts' files were written (the others were in place, unchanged). */
  written: number;
  previews: { drawn: number; cached: number };
  /** Lines for the build's log: characters that no font of the previews has, by file and field (`coverage.ts`). */
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

/**
 * Builds the archive from `files` (those the content check has just read and accepted) and draws
 * the previews that the cache lacks: everything that needs no output folder.
 */
export function prepareReadoutFiles(job: ReadoutFilesJob, files: readonly ContentFile[]): PreparedReadoutFiles {
  const started = performance.now();
  const archive = buildArchive(parseEntries(files));
  const previews = new Map<string, string>();
  let drawn = 0;
  for (const readout of archive.readouts) {
    const preview = previewFile(previewContent(readout, archive), {
      fontsDir: job.fontsDir,
      cacheDir: job.previewCacheDir,
    });
    if (preview.drawn) drawn++;
    previews.set(readout.id, preview.file);
  }
  // Every build, cached images included: a character no font draws is missing from its image.
  const warnings = missingGlyphs(
    archive.readouts.map((readout) => ({
      route: routes.readoutPreview(readout.id),
      sources: previewSources(readout, archive),
    })),
    job.fontsDir,
  );
  // The cache keeps the images of this build only: the others show what no document shows now.
  const used = new Set([...previews.values()].map((file) => basename(file)));
  for (const name of existsSync(job.previewCacheDir) ? readdirSync(job.previewCacheDir) : []) {
    if (!used.has(name)) rmSync(join(job.previewCacheDir, name), { force: true });
  }
  return { job, archive, previews, drawn, warnings, started };
}

/** What the files next to the readouts show besides their data: this code, and what it uses. */
const FILES_CODE = [
  'src/content',
  'src/archive',
  'src/formats',
  'src/i18n',
  'src/features/readout-files',
  'package-lock.json',
];

/**
 * Writes the files of every document into `outDir` (which the site's build may be filling
 * meanwhile). A readout whose key (its source, its data, the records it names, the site's
 * address, this code, its preview) is the one recorded at the last build, and whose files are
 * all in place, is left as it is.
 */
export function writePreparedFiles(prepared: PreparedReadoutFiles, outDir: string): ReadoutFilesResult {
  const { job, archive, previews } = prepared;
  const url = absoluteUrls(job.site, job.base);
  const code = codeDigest(
    job.root,
    FILES_CODE.filter((path) => existsSync(join(job.root, path))),
  );
  const previous = readManifest(job.manifestFile);
  const keys: Record<string, string> = {};
  const all: string[] = [];
  let written = 0;
  const madeDirs = new Set<string>();
  const target = (route: string) => {
    const file = join(outDir, route);
    const dir = dirname(file);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    return file;
  };
  for (const readout of archive.readouts) {
    const source = readFileSync(resolve(job.root, readout.filePath!));
    const preview = previews.get(readout.id)!;
    const routesOf = readoutFileRoutes(readout.id);
    all.push(...routesOf);
    const key = pageKey(code, job.site, job.base, basename(preview), sha256Of(source), readoutInputs(readout, archive));
    keys[readout.id] = key;
    if (previous[readout.id] === key && routesOf.every((route) => existsSync(join(outDir, route)))) continue;
    for (const { route, contents } of readoutFiles(readout, archive, source, url))
      writeFileSync(target(route), contents);
    linkOrCopy(preview, target(routes.readoutPreview(readout.id)));
    written++;
  }
  mkdirSync(dirname(job.manifestFile), { recursive: true });
  writeFileSync(job.manifestFile, `${JSON.stringify(keys)}\n`);
  return {
    documents: archive.readouts.length,
    routes: all,
    written,
    previews: { drawn: prepared.drawn, cached: archive.readouts.length - prepared.drawn },
    warnings: prepared.warnings,
    seconds: (performance.now() - prepared.started) / 1000,
  };
}

/** The keys recorded by the last build, or none. */
function readManifest(file: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

const sha256Of = (contents: string | Uint8Array) => createHash('sha256').update(contents).digest('base64url');

/** Both steps at once, on the content as it is read (without checking it). */
export function writeReadoutFiles(job: ReadoutFilesJob, outDir: string): ReadoutFilesResult {
  return writePreparedFiles(prepareReadoutFiles(job, readContent(job.root, job.contentDir).files), outDir);
}
