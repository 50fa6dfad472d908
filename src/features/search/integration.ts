/**
 * The search index, written by Pagefind into the built site (`pagefind/`) as the last step of
 * `astro build`, so that `npm run build`, the tests and the benchmark all produce it. Pagefind
 * reads the document pages only, and of them only the parts marked `data-pagefind-body`: the
 * title, the text and the description (see `src/features/search/SearchRecord.astro`); navigation,
 * footers, citation blocks and related documents are left out.
 * The language (and so the stemming) comes from each page's `<html lang>`: French here.
 *
 * The index is kept in Astro's cache folder under a hash of every page it reads and of
 * Pagefind's package.json (its version): a build whose document pages are the same, byte for byte, takes the
 * index from there (as hard links) instead of writing it again.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { linkTree } from '#features/site-files.ts';
import { routes } from '#archive/urls.ts';

/** Only document pages carry searchable content: Pagefind need not read the thousands of others. */
const READOUT_PAGES = `${routes.readouts()}*/index.html`;
const CACHE_SUBDIR = 'readout-archive/pagefind';
const OUTPUT = 'pagefind';

/** The pages Pagefind reads (what `READOUT_PAGES` matches), relative to the site, sorted. */
function readoutPages(site: string): string[] {
  const folder = join(site, routes.readouts());
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(folder, d.name, 'index.html')))
    .map((d) => `${routes.readouts()}${d.name}/index.html`)
    .sort();
}

export default function searchIndex(): AstroIntegration {
  let cacheRoot = '';
  /** Pagefind's package.json: its version is part of the cache key. */
  let pagefindPackage = '';
  return {
    name: 'readout-archive:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = join(fileURLToPath(config.cacheDir), ...CACHE_SUBDIR.split('/'));
        pagefindPackage = join(fileURLToPath(config.root), 'node_modules', 'pagefind', 'package.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const pages = readoutPages(site);
        const hash = createHash('sha256').update(readFileSync(pagefindPackage)).update(`\n${READOUT_PAGES}\n`);
        for (const page of pages) hash.update(`${page}\n`).update(readFileSync(join(site, page)));
        const cached = join(cacheRoot, hash.digest('hex'));
        if (existsSync(join(cached, 'pagefind-entry.json'))) {
          const files = linkTree(cached, join(site, OUTPUT));
          logger.info(
            `${pages.length} page(s) inchangées : index repris du cache (${files} fichiers) en ${Math.round(performance.now() - started)} ms`,
          );
          return;
        }
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site, glob: READOUT_PAGES });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: join(site, OUTPUT) });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(`${added.page_count} page(s) lues, index écrit en ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          throw new Error(`Index de recherche (Pagefind) : ${(error as Error).message}`, { cause: error });
        } finally {
          await pagefind.close();
        }
        // Only the latest index is kept: the one the next build can reuse. It is linked under
        // another name, then renamed, so that a build stopped midway leaves no partial index.
        rmSync(cacheRoot, { recursive: true, force: true });
        const partial = `${cached}.${process.pid}.tmp`;
        linkTree(join(site, OUTPUT), partial);
        renameSync(partial, cached);
      },
    },
  };
}
