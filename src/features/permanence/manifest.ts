/**
 * The manifest of published URLs, `content/urls.txt`: one route per line, relative to the
 * site's base (`comptes-rendus/x/`; the home page is written `/`), `#` starts a comment.
 * A route listed there must stay reachable forever: the build fails when one is neither
 * produced nor covered by a redirect. `npm run urls:update` appends what a build newly
 * produces; deleting a line by hand is the only way to retire one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '#content/problem.ts';
import { displayPath } from '#content/read.ts';
import { readText } from '#content/text-file.ts';

export const MANIFEST_FILE = 'urls.txt';

/** Set to `1` by `npm run urls:update` for its build: the manifest it will write may be empty yet. */
export const FIRST_MANIFEST_ENV = 'URLS_UPDATE_FIRST_MANIFEST';

const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._~-]*';
/** A route: folders each ending in `/` (a page), optionally then a file (`api/lieux.json`); `''` is the home page. */
export const ROUTE = new RegExp(`^(?:${SEGMENT}/)*(?:${SEGMENT})?$`);

export interface ManifestEntry {
  route: string;
  /** Line of `urls.txt`, from 1. */
  line: number;
}

/** How a route is written in `urls.txt` and in messages: the home page is `/`. */
export function formatRoute(route: string): string {
  return route === '' ? '/' : route;
}

/** Reads the manifest; a malformed line is an error, a repeated one a warning. */
export function parseManifest(file: string, text: string): { entries: ManifestEntry[]; problems: Problem[] } {
  const entries: ManifestEntry[] = [];
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const written = raw.replace(/#.*$/, '').trim();
    if (written === '') return;
    const route = written === '/' ? '' : written;
    if (!ROUTE.test(route)) {
      problems.push({
        severity: 'error',
        file,
        field: `ligne ${line}`,
        message: `« ${written} » : attendu une adresse relative à la base du site, sans « / » initial, comme « comptes-rendus/x/ » (« / » pour l’accueil)`,
      });
      return;
    }
    const seen = first.get(route);
    if (seen !== undefined) {
      problems.push({ severity: 'warning', file, field: `ligne ${line}`, message: `déjà listée ligne ${seen}` });
      return;
    }
    first.set(route, line);
    entries.push({ route, line });
  });
  return { entries, problems };
}

/** Output files that are not addresses of their own: hashed assets, the search index, host files. */
const NOT_PUBLISHED = [/^_astro\//, /^pagefind\//, /^404\.html$/, /^_redirects$/, /^_headers$/, /^sitemap-\d+\.xml$/];

/** The route a built file serves (`x/index.html` → `x/`), or nothing for files that are not published addresses. */
export function routeOfFile(file: string): string | undefined {
  if (NOT_PUBLISHED.some((pattern) => pattern.test(file))) return undefined;
  if (file === 'index.html') return '';
  if (file.endsWith('/index.html')) return file.slice(0, -'index.html'.length);
  return file;
}

/** Every published route of a build, from its file list (relative paths, forward slashes), sorted. */
export function publishedRoutes(files: readonly string[]): string[] {
  return files
    .map(routeOfFile)
    .filter((r): r is string => r !== undefined)
    .sort();
}

/** The manifest with `routes` appended under a dated comment, or unchanged when there are none. */
export function appendToManifest(text: string, routes: readonly string[], today: string): string {
  if (routes.length === 0) return text;
  const head = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${head}\n# Ajoutées le ${today}\n${routes.map(formatRoute).join('\n')}\n`;
}

/**
 * `content/urls.txt` as text, and the name messages give it; empty when there is none
 * (`missing`) or when it cannot be read as text (`problems`).
 */
export function readManifest(
  root: string,
  contentDir: string,
): { file: string; text: string; missing: boolean; problems: Problem[] } {
  const abs = join(contentDir, MANIFEST_FILE);
  const file = displayPath(root, abs);
  if (!existsSync(abs)) return { file, text: '', missing: true, problems: [] };
  const read = readText(abs);
  if ('text' in read) return { file, text: read.text, missing: false, problems: [] };
  return { file, text: '', missing: false, problems: [{ severity: 'error', file, ...read.unreadable }] };
}

/**
 * Once an archive holds a document, it has been published, and the manifest is what keeps its
 * addresses: a missing or emptied `urls.txt` would let a removed document's address go without
 * a word. The one exception is `npm run urls:update` writing the first manifest (`first`).
 */
export function manifestRequired(
  manifest: { file: string; missing: boolean; entries: readonly ManifestEntry[]; problems: readonly Problem[] },
  documents: number,
  first: boolean,
): Problem[] {
  if (documents === 0 || first || manifest.entries.length > 0 || manifest.problems.length > 0) return [];
  const restore = `restaurez-la depuis l’historique (git log -- ${manifest.file}), ou, pour une archive jamais publiée, lancez « npm run urls:update »`;
  return [
    {
      severity: 'error',
      file: manifest.file,
      field: '(fichier)',
      message: manifest.missing
        ? `liste des adresses publiées absente, alors que l’archive a des documents : ${restore}`
        : `liste des adresses publiées vide, alors que l’archive a des documents : ${restore}`,
    },
  ];
}
