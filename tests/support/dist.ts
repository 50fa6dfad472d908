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
 * What a page is measured by when a browser suite chooses which pages to read: the size of its
 * HTML (the page with the most to show), the length of its main heading (the one most likely to
 * overflow or wrap), and, on a document's page, the length of what comes before its text (the
 * header that could push the text below the first screen).
 */
const measures = {
  size: (html: string) => html.length,
  heading: (html: string) => visibleLength(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]),
  header: (html: string) => visibleLength(/<main\b[\s\S]*?(?=<div class="(?:[^"]* )?body[ "])/.exec(html)?.[0]),
};
export type Measure = keyof typeof measures;

/** The length of the text of an HTML fragment, tags left out; 0 when there is none. */
function visibleLength(fragment: string | undefined): number {
  return fragment === undefined ? 0 : fragment.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').length;
}

/**
 * The pages a browser suite reads of a build: of each kind of page (`templateOf`), the page that
 * is largest by each of `by`, and the 404 page. Pages of a kind come from the same template and
 * the same kinds of data, and every page of every build is read without a browser
 * (`tests/static/`, `tests/support/french-spacing.ts`): the pages read in a browser are bounded by
 * the kinds of page, not by the size of the archive, so that the suite's time holds at 10,000
 * documents as at one.
 */
export function samplePaths(dir: string, base = '/', by: readonly Measure[] = ['size']): string[] {
  const paths = pagePaths(dir);
  const largest = new Map<string, { path: string; value: number }>();
  for (const path of paths) {
    const file = fileForPath(dir, path, base);
    const html = file ? readFileSync(file, 'utf8') : '';
    for (const measure of by) {
      const key = `${measure} ${templateOf(path)}`;
      const value = measures[measure](html);
      const found = largest.get(key);
      if (!found || value > found.value) largest.set(key, { path, value });
    }
  }
  return [...new Set([...largest.values()].map((p) => p.path))].sort();
}

/**
 * The first page of the list that starts at `list` (a site path, `/personnes/x/`) that links to
 * `target`, following each page's `<link rel="next">`; undefined when no page of it does. A
 * test that follows a document from a list finds the page that holds it, whatever the archive's
 * size: the newest documents come first, and which page holds one depends on the list's length
 * (`src/archive/pagination.ts`).
 */
export function pageListing(dir: string, list: string, target: string, base = '/'): string | undefined {
  return listPages(dir, list, base).find(({ html }) => html.querySelector(`main a[href$="${target}"]`))?.path;
}

/** Every page of the list that starts at `list`, in order, following each page's `<link rel="next">`. */
export function listPages(dir: string, list: string, base = '/'): { path: string; html: HTMLElement }[] {
  const pages: { path: string; html: HTMLElement }[] = [];
  for (let path: string | undefined = list; path !== undefined;) {
    const html = page(dir, path, base);
    pages.push({ path, html });
    const next = html.querySelector('link[rel="next"]')?.getAttribute('href');
    path = next === undefined ? undefined : new URL(next, `https://x${path}`).pathname;
  }
  return pages;
}
