/**
 * Preview images drawn once, then cached: each PNG under `previewKey`, a hash of what the
 * image shows and of how it is drawn (the fonts and the code of this folder). A rebuild draws
 * only the images of documents whose title, date, place or participants changed; the others
 * are read back. The cache lives in Astro's cache folder (`ASTRO_CACHE_DIR`,
 * `node_modules/.astro` by default), under `readout-archive/previews/`, never in the output;
 * deleting it is safe. `src/features/readout-files/build.ts` draws the images of a build,
 * counts what was drawn, and removes from the cache the images that the build no longer uses.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { previewKey, type PreviewContent } from './content.ts';
import { drawPreview } from './draw.ts';
import { fontsIn } from './fonts.ts';

export interface PreviewOptions {
  /** Folder of the font files. */
  fontsDir: string;
  /** Folder of the cached images. */
  cacheDir: string;
}

/**
 * The cached file of the image of `content`, drawn first when no identical image was drawn
 * before; `drawn` says which. The file is the cache's own: copy it or link to it, never write to it.
 */
export function previewFile(content: PreviewContent, options: PreviewOptions): { file: string; drawn: boolean } {
  const key = previewKey(content, fontsIn(options.fontsDir).digest);
  const file = join(options.cacheDir, `${key}.png`);
  if (existsSync(file)) return { file, drawn: false };

  // A character that no font has is left out of the image; `coverage.ts` says so each build.
  const { png } = drawPreview(content, options.fontsDir);
  mkdirSync(options.cacheDir, { recursive: true });
  // Written under another name then renamed, so that a build stopped midway leaves no half image.
  const partial = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return { file, drawn: true };
}

/** The PNG for `content`: from the cache when an identical image was drawn before, else drawn and cached. */
export function previewPng(content: PreviewContent, options: PreviewOptions): Buffer {
  return readFileSync(previewFile(content, options).file);
}
