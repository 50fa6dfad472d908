/**
 * What Pagefind reads of each readout page: its elements marked `data-pagefind-body`, which give
 * Pagefind the same index as the whole page, under the language of the document's text (the
 * `lang` of its text, not the page's, which is the interface's French): Pagefind indexes each
 * page in the language its `<html lang>` names, with that language's stemming. A page's snippet is
 * kept between builds under the page's identity in Astro's incremental build: the configuration,
 * the lock file, the code of the readouts' route and the page's own key (`src/archive/page-keys.ts`),
 * all read from Astro's manifest (`incremental-build.json` in its cache folder), which Astro writes
 * before the search index is built. A page rendered again has a new identity, and is read again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const SNIPPET_FORMAT = 'lang of the text, year';

export interface SearchSnippet {
  /** The page, as a file of the site: `comptes-rendus/<id>/index.html`. */
  route: string;
  html: string;
  /** The language Pagefind indexes it in: its text's (`<html lang>` of the snippet). */
  language: string;
  /** The year of its date (`datetime` of `SearchRecord.astro`), which names its part of the index. */
  year: string;
}

/** The searchable part of a readout page. */
export function snippetOf(page: string): string {
  const root = parse(page);
  const text = root.querySelector('[data-pagefind-body][lang]');
  const lang = text?.getAttribute('lang') ?? root.querySelector('html')?.getAttribute('lang') ?? 'fr';
  const parts = root.querySelectorAll('[data-pagefind-body]').map((el) => el.outerHTML);
  return `<html lang="${lang}"><body>${parts.join('')}</body></html>`;
}

/** A snippet with its language and year, as read back from its HTML. */
function described(route: string, html: string): SearchSnippet {
  const language = /^<html lang="([^"]+)">/.exec(html)?.[1];
  const year = /data-pagefind-meta="datetime"[^>]*>(\d{4})-/.exec(html)?.[1];
  if (!language || !year) throw new Error(`${route} : langue ou date introuvable pour l’index de recherche`);
  return { route, html, language: language.toLowerCase(), year };
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
  const base = [SNIPPET_FORMAT, manifest.configHash, manifest.lockfileHash, route.dependencyHash].join('\n');
  let read = 0;
  const used = new Set<string>();
  const snippets = pages.map(({ cacheKey, outputFile }) => {
    const key = createHash('sha256').update(`${base}\n${outputFile}\n${cacheKey}`).digest('hex');
    used.add(`${key}.html`);
    const file = join(folder, `${key}.html`);
    if (existsSync(file)) return described(outputFile, readFileSync(file, 'utf8'));
    const html = snippetOf(readFileSync(join(options.site, outputFile), 'utf8'));
    writeFileSync(file, html);
    read++;
    return described(outputFile, html);
  });
  // The cache keeps the snippets of this build only.
  for (const name of readdirSync(folder)) if (!used.has(name)) rmSync(join(folder, name), { force: true });
  return { snippets, read };
}
