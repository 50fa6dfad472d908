/**
 * Redirects, kept in `content/redirects.yaml`: how a renamed document (or any retired
 * address) keeps answering. Each entry is `{ from, to, date, reason }`, routes relative to
 * the base as `src/archive/urls.ts` makes them. A page route (`comptes-rendus/ancien-id/`) also
 * covers the files below it (`comptes-rendus/ancien-id/source.md` → the same file under
 * `to`). The build turns the entries into a redirect page at each `from` and into
 * `_redirects` for hosts that read it; `deploy/` reads the same file.
 */
import { z } from 'astro/zod';
import { calendarDate } from '#content/schema.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fieldPath, type Problem } from '#content/problem.ts';
import { displayPath } from '#content/read.ts';
import { readText } from '#content/text-file.ts';
import { dateFields, schemaProblems } from '#content/validate/schema-issues.ts';
import { textProblems } from '#content/validate/text.ts';
import { parseYaml, resolveTimestamps } from '#content/yaml.ts';
import { yamlErrorField } from '#content/yaml-errors.ts';
import { formatRoute, ROUTE } from './manifest.ts';
import { generatedFolder, GENERATED_FOLDERS, type Addresses } from './addresses.ts';

export const REDIRECTS_FILE = 'redirects.yaml';

/**
 * Why `route` is not an address as the archive writes them (`src/archive/urls.ts`), or nothing:
 * relative to the base, in lowercase, a page ending with `/`, a file with its extension. An
 * address in capitals or without its final `/` names another file on a case-sensitive host,
 * and the same one on a case-insensitive disk: a redirect there would take a live page's place.
 */
export function routeFormProblem(route: string, what: string): string | undefined {
  if (!ROUTE.test(route)) {
    return `attendu : ${what}, une adresse relative à la base, sans « / » initial, comme « comptes-rendus/x/ »`;
  }
  if (route !== route.toLowerCase()) {
    return `« ${route} » a des majuscules : attendu ${what} en minuscules, comme l’archive écrit ses adresses (« ${route.toLowerCase()} »)`;
  }
  const last = route.split('/').at(-1)!;
  if (last !== '' && !/\.[a-z0-9]+$/.test(last)) {
    return `« ${route} » n’a ni « / » final ni extension : attendu ${what}, une page finissant par « / » (« ${route}/ ») ou un fichier avec son extension`;
  }
  return undefined;
}

const route = (what: string) =>
  z.string({ error: `attendu : ${what}, une adresse relative à la base du site (texte)` }).superRefine((value, ctx) => {
    const problem = routeFormProblem(value, what);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

export const redirectSchema = z.strictObject({
  /** The retired address. */
  from: route('l’ancienne adresse').min(1, { error: 'attendu : l’ancienne adresse, non vide' }),
  /** The address that replaces it; `''` is the home page. */
  to: route('la nouvelle adresse'),
  /** The day the redirect was made, `YYYY-MM-DD`. */
  date: calendarDate,
  /** Why, in a short French sentence; shown on the redirect page. */
  reason: z.string({ error: 'attendu : le motif (texte)' }).trim().min(1, { error: 'attendu : le motif, non vide' }),
});

const redirectDates = dateFields(redirectSchema);

/** An entry of the file, with its position there (`[index]` in messages). */
export type Redirect = z.output<typeof redirectSchema> & { index: number };

/** Whether a route is a page (a folder), which can hold files below it. */
export const isPageRoute = (r: string) => r === '' || r.endsWith('/');

/** Where `route` goes when a redirect covers it: the entry itself, or a file below a page entry. */
export function redirectOf(
  route: string,
  redirects: readonly Redirect[],
): { target: string; entry: Redirect } | undefined {
  for (const entry of redirects) {
    if (route === entry.from) return { target: entry.to, entry };
    if (isPageRoute(entry.from) && isPageRoute(entry.to) && route.startsWith(entry.from)) {
      return { target: entry.to + route.slice(entry.from.length), entry };
    }
  }
  return undefined;
}

/**
 * Parses the file's data and checks the entries among themselves: every field, no address
 * redirected twice, no redirect to itself, no chain (a `to` that is itself redirected).
 */
export function parseRedirects(file: string, data: unknown): { redirects: Redirect[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (field: string, message: string) => problems.push({ severity: 'error', file, field, message });
  if (data === null || data === undefined) return { redirects: [], problems };
  if (!Array.isArray(data)) {
    report('(racine)', 'attendu : une liste d’entrées « - from: …, to: …, date: …, reason: … »');
    return { redirects: [], problems };
  }
  const redirects: Redirect[] = [];
  data.forEach((item, i) => {
    const at = (field: string, message: string) => report(fieldPath([i]) + (field ? `.${field}` : ''), message);
    const raw = resolveTimestamps(item, redirectDates, at);
    const refused = textProblems(raw, at);
    const parsed = redirectSchema.safeParse(raw);
    if (refused.size > 0 || !parsed.success) {
      schemaProblems(redirectSchema, raw, (field, message) => refused.has(field) || at(field, message));
      return;
    }
    redirects.push({ ...parsed.data, index: i });
  });

  const inLoop = new Set<string>();
  redirects.forEach((r, k) => {
    if (inLoop.has(r.from)) return; // a loop is one problem, reported on its first entry
    const field = (name: string) => `[${r.index}].${name}`;
    const earlier = redirects.findIndex((other) => other.from === r.from);
    if (earlier !== k) {
      report(
        field('from'),
        `« ${formatRoute(r.from)} » est déjà redirigée par l’entrée [${redirects[earlier]!.index}]`,
      );
      return;
    }
    if (r.to === r.from) {
      report(field('to'), 'boucle : une adresse ne peut pas rediriger vers elle-même');
      return;
    }
    // A page entry takes every address below it: one of them as its target would be sent
    // below again, and again, without end.
    if (isPageRoute(r.from) && r.to.startsWith(r.from)) {
      report(
        field('to'),
        `boucle : « ${formatRoute(r.to)} » est sous « ${formatRoute(r.from)} », que cette entrée redirige avec tout ce qu’elle contient : attendu une adresse hors de l’ancienne`,
      );
      return;
    }
    const next = redirectOf(r.to, redirects);
    if (!next) return;
    // Follow the chain to its end, or until it comes back; past as many hops as there are
    // entries, some entry is followed twice (its addresses may grow at each turn: `a/` → `b/x/`
    // with `b/` → `a/y/`), and the chain is a loop.
    const visited = new Set([r.from]);
    let current = r.to;
    let loops = false;
    let hops = 0;
    for (let hop: ReturnType<typeof redirectOf> = next; hop; hop = redirectOf(current, redirects)) {
      if (visited.has(current) || ++hops > redirects.length) {
        loops = true;
        visited.forEach((route) => inLoop.add(route));
        break;
      }
      visited.add(current);
      current = hop.target;
    }
    const via = `« ${formatRoute(r.to)} » est elle-même redirigée (entrée [${next.entry.index}])`;
    report(
      field('to'),
      loops
        ? `boucle de redirections : ${via} et l’on revient à une adresse déjà vue`
        : `chaîne de redirections : ${via} ; attendu l’adresse finale « ${formatRoute(current)} »`,
    );
  });
  return { redirects, problems };
}

/**
 * The one rule of what a redirect may take and where it may lead, against the addresses of the
 * site (`addresses.ts`: planned from the content before a build, or read from a finished one).
 * A redirect never takes the place of an address the archive publishes or its build writes, of
 * a tree of them (`api/`), of a folder the build fills (`pagefind/`), nor of a page under one of
 * its files (`robots.txt/x/`, `comptes-rendus/flux.xml/`, whose bare form is the file). It leads
 * to an address the site publishes. `to` may be unknown before a build (a page of a list of
 * invalid content): the build says.
 */
export function redirectAddressProblems(file: string, redirects: readonly Redirect[], addresses: Addresses): Problem[] {
  const problems: Problem[] = [];
  const error = (r: Redirect, field: 'from' | 'to', message: string) =>
    problems.push({ severity: 'error', file, field: `[${r.index}].${field}`, message });
  for (const r of redirects) {
    const taken = takenAddress(r.from, addresses);
    if (taken !== undefined) error(r, 'from', taken);
    // A `to` that is itself redirected is a chain, already reported.
    if (addresses.has(r.to) === false && !redirectOf(r.to, redirects)) {
      error(r, 'to', `« ${formatRoute(r.to)} » n’existe pas : attendu l’adresse d’une page du site`);
    }
  }
  return problems;
}

/** Why a redirect cannot take `from`, or nothing. */
function takenAddress(from: string, addresses: Addresses): string | undefined {
  const folder = generatedFolder(from);
  if (folder !== undefined) {
    return `« ${from} » est dans ${folder}, un dossier que la construction remplit (${GENERATED_FOLDERS[folder]}) : une redirection ne peut pas y prendre d’adresse`;
  }
  if (addresses.has(from)) {
    return `« ${from} » est une adresse que l’archive publie : une redirection ne peut pas la remplacer`;
  }
  // A page is served from its folder's `index.html`: the server reaches that file for the page.
  const page = /(?:^|\/)index\.html$/.test(from) ? from.slice(0, -'index.html'.length) : undefined;
  if (page !== undefined && addresses.has(page)) {
    return `« ${from} » est le fichier de la page « ${formatRoute(page)} », que l’archive publie : une redirection ne peut pas le remplacer`;
  }
  const segments = from.split('/');
  for (let n = 1; n < segments.length; n++) {
    const file = segments.slice(0, n).join('/');
    if (file.includes('.') && addresses.has(file)) {
      return `« ${from} » passe par « ${file} », un fichier que l’archive publie : une redirection ne peut pas y écrire de page`;
    }
  }
  if (isPageRoute(from)) {
    const below = addresses.below(from);
    if (below !== undefined) {
      return `« ${from} » contient des adresses que l’archive publie (« ${below} »…) : une redirection les détournerait toutes`;
    }
  }
  return undefined;
}

/** `_redirects` (Netlify, Cloudflare Pages): one line per entry, and one for the files below a page. */
export function redirectsFile(redirects: readonly Redirect[], base: string): string {
  const lines = ['# Généré par la construction depuis content/redirects.yaml : ne pas modifier à la main.'];
  for (const r of redirects) {
    lines.push(`${base}${r.from} ${base}${r.to} 301`);
    if (isPageRoute(r.from) && isPageRoute(r.to)) lines.push(`${base}${r.from}* ${base}${r.to}:splat 301`);
  }
  return `${lines.join('\n')}\n`;
}

/** `content/redirects.yaml`, validated on its own (cross-checks need the content or the output). */
export function readRedirects(
  root: string,
  contentDir: string,
): { file: string; redirects: Redirect[]; problems: Problem[] } {
  const abs = join(contentDir, REDIRECTS_FILE);
  const file = displayPath(root, abs);
  if (!existsSync(abs)) return { file, redirects: [], problems: [] };
  const read = readText(abs);
  if ('unreadable' in read) return { file, redirects: [], problems: [{ severity: 'error', file, ...read.unreadable }] };
  const { data, parseError, parseErrorLine } = parseYaml(read.text);
  if (parseError !== undefined) {
    const field = yamlErrorField(parseErrorLine);
    return { file, redirects: [], problems: [{ severity: 'error', file, field, message: parseError }] };
  }
  return { file, ...parseRedirects(file, data) };
}
