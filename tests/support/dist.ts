/** Reading a built site: its pages as parsed HTML and the URLs its sitemap lists. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The HTML files of a build. */
export function htmlFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

/** The file that serves a site path (`/personnes/wang-yi/` → `personnes/wang-yi/index.html`). */
export function fileForPath(dir: string, path: string, base = '/'): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const rel = decodeURIComponent(path.slice(base.length));
  const candidates = rel === '' || rel.endsWith('/') ? [join(rel, 'index.html')] : [rel, join(rel, 'index.html')];
  return candidates.map((c) => join(dir, c)).find((c) => existsSync(c) && !c.endsWith(sep));
}

/** A built page, parsed. Throws when the path serves no file. */
export function page(dir: string, path: string, base = '/'): HTMLElement {
  const file = fileForPath(dir, path, base);
  if (!file) throw new Error(`No page at ${path} in ${dir}`);
  return parse(readFileSync(file, 'utf8'));
}

/** Every `<loc>` of every sitemap of the build. */
export function sitemapUrls(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
}

/** Visible text with runs of white space folded, as a reader would copy it (no-break spaces are kept). */
export function text(el: HTMLElement): string {
  return el.textContent.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
}

/** Site paths of every sitemap URL, and an address no page has (served the 404 page). */
export function pagePaths(dir: string): string[] {
  return [...sitemapUrls(dir).map((url) => new URL(url).pathname), '/page-introuvable/'];
}

/** Words of the site's addresses that name a kind of page; any other segment is an id, a year or a number. */
const ROUTE_WORDS = new Set([
  'comptes-rendus',
  'forme',
  'personnes',
  'interlocuteurs',
  'themes',
  'lieux',
  'chronologie',
  'recherche',
  'rencontres',
  'page',
]);

/** The kind of page a path is, by the template that makes it: `/personnes/wang-yi/` → `/personnes/*\/`. */
export function templateOf(path: string): string {
  return path.replace(/[^/]+/g, (segment) => (ROUTE_WORDS.has(segment) ? segment : '*'));
}

/**
 * The pages a browser suite reads of a build: every page of the archive as it is (`content/`);
 * of the test copies, the largest page of each kind (`templateOf`), since their other pages come
 * from the same templates and the same kinds of data, and every page of every build is read
 * without a browser (`tests/static/`, `tests/support/french-spacing.ts`).
 */
export function browserPaths(dir: string, archive: string, base = '/'): string[] {
  return archive === 'archive' ? pagePaths(dir) : samplePaths(dir, base);
}

/** The largest page of each kind (`templateOf`) of a build: its pages with the most to show. */
export function samplePaths(dir: string, base = '/'): string[] {
  const paths = pagePaths(dir);
  const largest = new Map<string, { path: string; size: number }>();
  for (const path of paths) {
    const file = fileForPath(dir, path, base);
    const size = file ? readFileSync(file).length : 0;
    const kind = templateOf(path);
    const found = largest.get(kind);
    if (!found || size > found.size) largest.set(kind, { path, size });
  }
  return [...largest.values()].map((p) => p.path).sort();
}
