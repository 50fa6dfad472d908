/**
 * Writes the files published next to every document (`src/lib/document-files.ts`: source,
 * references, JSON record; and its preview image) in one pass over the archive, outside
 * Astro's route rendering: 60,000 small routes would cost more in Astro's per-route work than
 * in their own. `src/integrations/document-files.ts` runs this in a worker thread while Astro
 * builds the pages, then moves the files into the site.
 *
 * The archive is read from `content/` with the validator's reader and the collections' own
 * schemas (`parseEntries`), so these files say what the pages say.
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readContent } from '../integrations/read-content.ts';
import { buildArchive } from '../lib/archive.ts';
import { documentFiles } from '../lib/document-files.ts';
import { previewContent } from '../lib/preview-image.ts';
import { absoluteUrls, routes } from '../lib/urls.ts';
import { parseEntries } from '../lib/validate.ts';
import { previewFile } from '../preview/render.ts';

export interface DocumentFilesJob {
  /** The project's root: entry paths are relative to it. */
  root: string;
  contentDir: string;
  site: string;
  base: string;
  /** Where the files are written, at their routes; emptied first. */
  outDir: string;
  /** The fonts of the previews, and the folder of their cache. */
  fontsDir: string;
  previewCacheDir: string;
}

export interface DocumentFilesResult {
  documents: number;
  /** Every file written, as a route. */
  routes: string[];
  previews: { drawn: number; cached: number };
  /** Lines for the build's log (a character that no font of the previews has). */
  warnings: string[];
  seconds: number;
}

/** A copy of a cached file that costs no space: a hard link, or a copy where links cannot be made. */
function place(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export function writeDocumentFiles(job: DocumentFilesJob): DocumentFilesResult {
  const started = performance.now();
  const { files } = readContent(job.root, job.contentDir);
  const archive = buildArchive(parseEntries(files));
  const url = absoluteUrls(job.site, job.base);
  rmSync(job.outDir, { recursive: true, force: true });
  const written: string[] = [];
  const warnings: string[] = [];
  const previews = { drawn: 0, cached: 0 };
  const madeDirs = new Set<string>();
  const target = (route: string) => {
    const file = join(job.outDir, route);
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
    for (const { route, contents } of documentFiles(readout, archive, source, url))
      writeFileSync(target(route), contents);
    const route = routes.readoutPreview(readout.id);
    const preview = previewFile(previewContent(readout, archive), {
      fontsDir: job.fontsDir,
      cacheDir: job.previewCacheDir,
      label: route,
      log: { warn: (line: string) => warnings.push(line) },
    });
    previews[preview.drawn ? 'drawn' : 'cached']++;
    place(preview.file, target(route));
  }
  return {
    documents: archive.readouts.length,
    routes: written,
    previews,
    warnings,
    seconds: (performance.now() - started) / 1000,
  };
}
