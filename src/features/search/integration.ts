/**
 * The search index, written by Pagefind into the built site (`pagefind/`) as the last step of
 * `astro build`, so that `npm run build`, the tests and the benchmark all produce it. Pagefind
 * reads the document pages only, and of them only the parts marked `data-pagefind-body`: the
 * title, the text and the description (see `src/features/search/SearchRecord.astro`); navigation,
 * footers, citation blocks and related documents are left out. Each page is indexed in its text's
 * language, with that language's stemming (`snippets.ts`).
 *
 * The people's names are not in the index but in its manifest, read from the site's own list of
 * people (`/api/personnes.json`, `people.ts`): a person renamed changes no part.
 *
 * The index is written in parts, one per language and year (`parts.ts`), kept in the cache under
 * what they hold: a build writes again only the parts whose pages changed what Pagefind reads.
 * What Pagefind reads of each page (`snippets.ts`) is itself kept under the page's identity in
 * Astro's incremental build, so that a page that was not rendered again is not read again. The
 * search page merges the parts in the browser (`client/`).
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { claimFolder } from '#features/incremental/produced.ts';
import { routes } from '#archive/urls.ts';
import { SEARCH_FOLDER } from './manifest.ts';
import { assembleBundle, indexParts } from './parts.ts';
import { searchSnippets } from './snippets.ts';
import { peopleNames } from './people.ts';

const CACHE_SUBDIR = 'readout-archive/pagefind';

export default function searchIndex(): AstroIntegration {
  let cacheRoot = '';
  let astroCache = '';
  /** Pagefind's package.json: its version is part of each part's key. */
  let pagefindPackage = '';
  /** Pagefind's process, started with the build (`astro:build:start`). */
  let warm: Promise<unknown> = Promise.resolve();
  return {
    name: 'readout-archive:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        astroCache = fileURLToPath(config.cacheDir);
        cacheRoot = join(astroCache, ...CACHE_SUBDIR.split('/'));
        pagefindPackage = join(fileURLToPath(config.root), 'node_modules', 'pagefind', 'package.json');
      },
      'astro:build:start': () => {
        // Pagefind's process starts while Astro renders the pages rather than after: an index
        // made and dropped at once. A failure here is the first part's too, and reported there.
        warm = pagefind
          .createIndex({})
          .then(({ index }) => index?.deleteIndex())
          .catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await warm;
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          // Read first: a site without its list of people fails before the index is written.
          const people = peopleNames(JSON.parse(readFileSync(join(site, routes.apiPeople()), 'utf8')));
          const { snippets, read } = searchSnippets({ site, astroCache, cacheRoot });
          const { parts, written } = await indexParts(snippets, { cacheRoot, pagefindPackage });
          // The folder is updated in place from links to the cached parts (files are never
          // written through, since they may be links to the cache): it is this build's, whole.
          claimFolder(SEARCH_FOLDER);
          assembleBundle(parts, join(site, SEARCH_FOLDER), people);
          logger.info(
            `${snippets.length} page(s) en ${parts.length} partie(s) (${read} page(s) lue(s), ${written} partie(s) écrite(s), les autres reprises du cache), index prêt en ${Math.round(performance.now() - started)} ms`,
          );
        } catch (error) {
          throw new Error(`Index de recherche (Pagefind) : ${(error as Error).message}`, { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
