/**
 * What Pagefind reads of each readout page: its elements marked `data-pagefind-body`, which give
 * Pagefind the same index as the whole page, under the language of the document's text (the
 * `lang` of its text, not the page's, which is the interface's French): Pagefind indexes each
 * page in the language its `<html lang>` names, with that language's stemming. A page's snippet is
 * kept between builds under the page's identity in Astro's incremental build: the configuration,
 * the lock file, the code of the readouts' route and the page's own key (`src/archive/page-keys.ts`),
 * all read from Astro's manifest (`incremental-build.json` in its cache folder), which Astro writes
 * before the search index is built. A page rendered again has a new identity, and is read again.
 * An index of the cache (`snippets/index.json`) keeps each snippet's language, year, month and
 * digest, so that a build reads the snippets' HTML only for the parts of the index it writes again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { routes } from '#archive/urls.ts';

/** Astro's manifest of the pages of the last build, as far as it is read here. */
interface AstroManifest {
  configHash: string;
  lockfileHash: string;
  routes: Record<string, { dependencyHash: string; paths: Record<string, { cacheKey: string; outputFile: string }> }>;
}

/** The route file of the readout pages, as Astro's manifest names it. */
const READOUT_ROUTE = 'src/pages/comptes-rendus/[id].astro';

/** What makes a snippet, in the key of its cache: a change here reads every page again. */
const SNIPPET_FORMAT = 'lang of the text, year, month';

/** What the cache's index keeps of a snippet. */
interface Described {
  /** The language Pagefind indexes it in: its text's (`<html lang>` of the snippet). */
  language: string;
  /** The year of its date (`datetime` of `SearchRecord.astro`), which names its part of the index. */
  year: string;
  /** The month of that date (`01` to `12`): a year of many documents is indexed in runs of months. */
  month: string;
  /** The SHA-256 of its HTML. */
  digest: string;
}

export interface SearchSnippet extends Described {
  /** The page, as a file of the site: `comptes-rendus/<id>/index.html`. */
  route: string;
  /** Its HTML, read when its part is written. */
  readHtml(): string;
}

/** The searchable part of a readout page. */
export function snippetOf(page: string): string {
  // Only the page from the first element Pagefind reads to the end of `<main>` is parsed: the
  // head, the header and the footer are half a page, read for nothing at 10,000 pages.
  const first = page.indexOf('data-pagefind-body');
  const start = first < 0 ? 0 : page.lastIndexOf('<', first);
  const end = page.indexOf('</main>', start);
  const root = parse(page.slice(start, end < 0 ? undefined : end));
  const text = root.querySelector('[data-pagefind-body][lang]');
  const lang = text?.getAttribute('lang') ?? /<html[^>]*\slang="([^"]+)"/.exec(page)?.[1] ?? 'fr';
  const parts = root.querySelectorAll('[data-pagefind-body]').map((el) => el.outerHTML);
  return `<html lang="${lang}"><body>${parts.join('')}</body></html>`;
}

/** A snippet's language, year, month and digest, as read from its HTML. */
export function describe(route: string, html: string): Described {
  const language = /^<html lang="([^"]+)">/.exec(html)?.[1];
  const [, year, month] = /data-pagefind-meta="datetime"[^>]*>(\d{4})-(\d{2})-/.exec(html) ?? [];
  if (!language || !year || !month) throw new Error(`${route} : langue ou date introuvable pour l’index de recherche`);
  return { language: language.toLowerCase(), year, month, digest: createHash('sha256').update(html).digest('hex') };
}

/**
 * The snippets of every readout page of the site in `site`, sorted by address, taken from the
 * cache where the page is unchanged; `read` says how many pages were read.
 */
export function searchSnippets(options: { site: string; astroCache: string; cacheRoot: string }): {
  snippets: SearchSnippet[];
  read: number;
} {
  const manifestFile = join(options.astroCache, 'incremental-build.json');
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as AstroManifest)
    : undefined;
  const route = manifest?.routes[READOUT_ROUTE];
  if (!manifest || !route) throw new Error(`Pages des documents absentes du manifeste d’Astro (${manifestFile})`);
  const prefix = `/${routes.readouts()}`;
  const pages = Object.entries(route.paths)
    .filter(([pathname]) => pathname.startsWith(prefix))
    .map(([, path]) => path)
    .sort((a, b) => (a.outputFile < b.outputFile ? -1 : 1));
  const folder = join(options.cacheRoot, 'snippets');
  mkdirSync(folder, { recursive: true });
  const indexFile = join(folder, 'index.json');
  const known = existsSync(indexFile)
    ? (JSON.parse(readFileSync(indexFile, 'utf8')) as Record<string, Described>)
    : undefined;
  const base = [SNIPPET_FORMAT, manifest.configHash, manifest.lockfileHash, route.dependencyHash].join('\n');
  let read = 0;
  const kept: Record<string, Described> = {};
  const snippets = pages.map(({ cacheKey, outputFile }): SearchSnippet => {
    const key = createHash('sha256').update(`${base}\n${outputFile}\n${cacheKey}`).digest('hex');
    const file = join(folder, `${key}.html`);
    const extract = () => {
      const html = snippetOf(readFileSync(join(options.site, outputFile), 'utf8'));
      writeFileSync(file, html);
      return html;
    };
    let entry = known?.[key];
    if (!entry) {
      entry = describe(outputFile, extract());
      read++;
    }
    kept[key] = entry;
    // A snippet missing from the cache is read again from its page, which is unchanged.
    return { route: outputFile, ...entry, readHtml: () => (existsSync(file) ? readFileSync(file, 'utf8') : extract()) };
  });
  // The cache keeps the snippets of this build only (all of its files, the first time).
  const gone = known
    ? Object.keys(known).filter((key) => !(key in kept))
    : readdirSync(folder)
        .filter((name) => name.endsWith('.html'))
        .map((name) => name.slice(0, -5))
        .filter((key) => !(key in kept));
  for (const key of gone) rmSync(join(folder, `${key}.html`), { force: true });
  writeFileSync(`${indexFile}.tmp`, JSON.stringify(kept));
  renameSync(`${indexFile}.tmp`, indexFile);
  return { snippets, read };
}
