/**
 * Builds update the previous output in place instead of emptying it and writing every file
 * again (`vite.build.emptyOutDir: false` in `astro.config.mjs`): Astro leaves the pages whose
 * key is unchanged where they are (`experimental.incrementalBuild`), and the steps beside it
 * (readout files, search index) rewrite only what changed. A file that no step of this build
 * wrote or kept is left over from an earlier build (a removed document's page, a page of a list
 * that got shorter, an old style sheet) and is removed here, so that the output is exactly what
 * a clean build would give (`tests/build/incremental.test.ts`). A file is this build's when a
 * step kept it without writing it again and says so (Astro's unchanged pages; the unchanged
 * files next to the readouts, `produced.ts`), or when it is newer than the build's start.
 *
 * Astro writes its manifest of pages only at the end of a build. A build stopped halfway would
 * leave pages newer than that manifest says, so a marker is written at the start and removed
 * at the end (or when the content is refused, which stops the build before anything is written):
 * found at the start of the next build, it makes that build start from nothing.
 *
 * Must come after every integration that writes into the output, and before the output guard.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from '#features/site-files.ts';
import { contentChecked } from '#content/checked.ts';
import { claimFiles, isClaimed, resetClaims } from './produced.ts';

const MARKER = 'readout-archive/build-in-progress';

/** Removes the folders that `files` leave empty, deepest first, up to `root`. */
function removeEmptyFolders(root: string, files: readonly string[]): void {
  const folders = new Set(files.map((f) => dirname(join(root, f))));
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    for (let dir = folder; dir.startsWith(root + sep); dir = dirname(dir)) {
      if (!existsSync(dir) || readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  }
}

export default function incrementalOutput(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let started = 0;
  return {
    name: 'readout-archive:incremental-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        resetClaims();
        started = Date.now();
        const marker = join(cacheDir, MARKER);
        if (existsSync(marker)) {
          // The last build stopped halfway: trust nothing it left.
          rmSync(join(cacheDir, 'incremental-build.json'), { force: true });
          rmSync(outDir, { recursive: true, force: true });
        }
        mkdirSync(dirname(marker), { recursive: true });
        writeFileSync(marker, `${new Date().toISOString()}\n`);
        // A refused content stops the build before it writes anything (the content guard waits
        // for the verdict before Vite's bundle writes into the output folder, and the documents'
        // files are written only after it): nothing is left halfway, and the next build may
        // reuse the last one's pages.
        contentChecked().catch(() => rmSync(marker, { force: true }));
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const site = fileURLToPath(dir).replace(/[\\/]+$/, '');
        const relativeTo = (file: string) => relative(site, file).split(sep).join('/');
        // Astro's pages, rendered or kept from the last build.
        claimFiles([...assets.values()].flat().map((url) => relativeTo(fileURLToPath(url))));
        // Whatever this build wrote (style sheets, scripts, `public/`, sitemaps): the file
        // system's clock may lag the process's by a tick.
        const fresh = (file: string) => statSync(join(site, file)).mtimeMs >= started - 50;
        const stale = listFiles(site).filter((file) => !isClaimed(file) && !fresh(file));
        for (const file of stale) rmSync(join(site, file));
        removeEmptyFolders(site, stale);
        if (stale.length > 0) logger.info(`${stale.length} fichier(s) d’une construction précédente supprimé(s)`);
        rmSync(join(cacheDir, MARKER), { force: true });
      },
    },
  };
}
