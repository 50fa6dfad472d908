/**
 * The search index, written by Pagefind into the built site (`pagefind/`) as the last step of
 * `astro build`, so that `npm run build`, the tests and the benchmark all produce it. Pagefind
 * reads the document pages only, and of them only the parts marked `data-pagefind-body`: the
 * title, the text and the description (see `src/features/search/SearchRecord.astro`); navigation,
 * footers, citation blocks and related documents are left out.
 * The language (and so the stemming) comes from each page's `<html lang>`: French here.
 *
 * What Pagefind reads of each page (`snippets.ts`) is kept between builds under the page's
 * identity in Astro's incremental build (its key, its route's code, the configuration): a page
 * that was not rendered again is not read again. Pages are given to Pagefind in the order of
 * their addresses, so that the index's files do not depend on the order of the folder's listing.
 * When every page is the same as at the last build, the index itself is taken from the cache.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { linkTree } from '#features/site-files.ts';
import { claimFolder } from '#features/incremental/produced.ts';
import { searchSnippets } from './snippets.ts';

const CACHE_SUBDIR = 'readout-archive/pagefind';
const OUTPUT = 'pagefind';

export default function searchIndex(): AstroIntegration {
  let cacheRoot = '';
  let astroCache = '';
  /** Pagefind's package.json: its version is part of the cache key. */
  let pagefindPackage = '';
  return {
    name: 'readout-archive:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        astroCache = fileURLToPath(config.cacheDir);
        cacheRoot = join(astroCache, ...CACHE_SUBDIR.split('/'));
        pagefindPackage = join(fileURLToPath(config.root), 'node_modules', 'pagefind', 'package.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { snippets, indexKey, read } = searchSnippets({ site, astroCache, cacheRoot, pagefindPackage });
        // The index is written whole every build, into an empty folder: Pagefind writes through
        // files that are there, which may be links to the cache.
        rmSync(join(site, OUTPUT), { recursive: true, force: true });
        claimFolder(OUTPUT);
        const cached = join(cacheRoot, 'index', indexKey);
        if (existsSync(join(cached, 'pagefind-entry.json'))) {
          const files = linkTree(cached, join(site, OUTPUT));
          logger.info(
            `${snippets.length} page(s) inchangées : index repris du cache (${files} fichiers) en ${Math.round(performance.now() - started)} ms`,
          );
          return;
        }
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('\n'));
          for (const { route, html } of snippets) {
            const added = await index.addHTMLFile({ sourcePath: route, content: html });
            if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          }
          const written = await index.writeFiles({ outputPath: join(site, OUTPUT) });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(
            `${snippets.length} page(s) indexées (${read} lue(s), les autres reprises du cache), index écrit en ${Math.round(performance.now() - started)} ms`,
          );
        } catch (error) {
          throw new Error(`Index de recherche (Pagefind) : ${(error as Error).message}`, { cause: error });
        } finally {
          await pagefind.close();
        }
        // Only the latest index is kept: the one the next build can reuse. It is linked under
        // another name, then renamed, so that a build stopped midway leaves no partial index.
        rmSync(join(cacheRoot, 'index'), { recursive: true, force: true });
        const partial = `${cached}.${process.pid}.tmp`;
        linkTree(join(site, OUTPUT), partial);
        renameSync(partial, cached);
      },
    },
  };
}
