/**
 * The search index, written by Pagefind into the built site (`pagefind/`) as the last step of
 * `astro build`, so that `npm run build`, the tests and the benchmark all produce it. Pagefind
 * reads the document pages only, and of them only the parts marked `data-pagefind-body`: the
 * title, the text and the description (see `src/components/SearchRecord.astro`); navigation,
 * footers, citation blocks and related documents are left out.
 * The language (and so the stemming) comes from each page's `<html lang>`: French here.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { routes } from '../lib/urls.ts';

/** Only document pages carry searchable content: Pagefind need not read the thousands of others. */
const DOCUMENT_PAGES = `${routes.readouts()}*/index.html`;

export default function searchIndex(): AstroIntegration {
  return {
    name: 'readout-archive:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site, glob: DOCUMENT_PAGES });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          logger.info(`${added.page_count} page(s) lues, index écrit en ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          throw new Error(`Index de recherche (Pagefind) : ${(error as Error).message}`, { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
