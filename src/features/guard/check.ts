/**
 * What the guard checks, as plain functions (`npm run check:content` runs the first without
 * building): the content before a build, and a finished build against its content.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errorsOf, type Problem } from '#content/problem.ts';
import { listContent, readContent, type ContentFile } from '#content/read.ts';
import { cachedYamlParser, YAML_CODE } from '#content/yaml-cache.ts';
import { codeDigest } from '#content/code-digest.ts';
import { aliasScanner } from '#content/alias-scan.ts';
import { aliasTable } from '#features/markdown/alias-table.ts';
import { CHECK_CACHE, type ReadoutLinks } from './cache.ts';
import { validateContent } from '#content/validate/index.ts';
import { paragraphCount, type SiteLinks } from '#content/validate/body.ts';
import { aliasProblems } from '#content/validate/aliases.ts';
import { countryNameProblems } from '#content/validate/countries.ts';
import { entryRoute, isEntryRoute, routes } from '#archive/urls.ts';
import { manifestRequired, parseManifest, readManifest } from '#features/permanence/manifest.ts';
import { checkOutput } from '#features/permanence/output-check.ts';
import { plannedAddresses, type Addresses } from '#features/permanence/addresses.ts';
import {
  isPageRoute,
  readRedirects,
  redirectAddressProblems,
  redirectOf,
  type Redirect,
} from '#features/permanence/redirects.ts';
import { listFiles } from '#features/site-files.ts';
import { isId } from '#content/ids.ts';

export interface CheckOptions {
  /** `npm run urls:update` is writing the first manifest: an empty one is then expected. */
  firstManifest?: boolean;
  /**
   * Where what the last run parsed and found is taken from, and what this run finds is kept
   * (`CHECK_CACHE`); none by default.
   */
  cacheDir?: string;
}

/** Reads and validates the content folder, without building; returns the problems found. */
export function checkContent(root: string, contentDir: string, options: CheckOptions = {}): Problem[] {
  return inspectContent(root, contentDir, options).problems;
}

/**
 * `checkContent`, with the files it read and parsed: a build's worker thread checks the content
 * and goes on with what it read (`src/features/readout-files/work.ts`).
 */
export function inspectContent(
  root: string,
  contentDir: string,
  options: CheckOptions = {},
): { problems: Problem[]; files: ContentFile[] } {
  const cached = (file: string) => (options.cacheDir === undefined ? undefined : join(options.cacheDir, file));
  const yaml =
    options.cacheDir === undefined
      ? undefined
      : cachedYamlParser(cached(CHECK_CACHE.yaml)!, codeDigest(root, YAML_CODE));
  const { files, problems } = readContent(root, contentDir, undefined, yaml?.parse);
  yaml?.save();
  // A name that cannot be listed or read may be a document: which records it names is unknown.
  const documentsIncomplete = errorsOf(problems).length > 0;
  const scanner = aliasScanner(aliasTable(files, '/'), cached(CHECK_CACHE.aliases));
  const aliases = aliasProblems(files, scanner, documentsIncomplete);
  const linksFile = cached(CHECK_CACHE.links);
  if (linksFile) {
    const links: ReadoutLinks = {};
    for (const f of files) {
      if (f.collection !== 'readouts' || f.body === undefined) continue;
      links[f.id] = scanner.matches(f.body).map(([start, end, alias]) => [start, end, alias.record, alias.text]);
    }
    mkdirSync(dirname(linksFile), { recursive: true });
    writeFileSync(linksFile, JSON.stringify(links));
  }
  scanner.save();
  // The page of every entry: what the content promises to produce.
  const known = new Set(files.filter((f) => isId(f.id)).map((f) => entryRoute(f.collection, f.id)));
  const manifestFile = readManifest(root, contentDir);
  const manifest = parseManifest(manifestFile.file, manifestFile.text);
  const redirects = checkRedirects(root, contentDir, files, manifest.entries);
  // A manifest address below a document or record page that no longer exists is lost,
  // unless redirected; other addresses are checked on the built site.
  const lost: Problem[] = manifest.entries.flatMap(({ route, line }) => {
    const page = [...route.matchAll(/[^/]+\//g)]
      .map((m) => route.slice(0, (m.index ?? 0) + m[0].length))
      .find(isEntryRoute);
    if (page === undefined || known.has(page) || redirectOf(route, redirects.redirects)) return [];
    return [
      {
        severity: 'error' as const,
        file: manifestFile.file,
        field: `ligne ${line}`,
        message: `« ${route} » a été publiée mais n’est plus produite : ajoutez une redirection dans content/redirects.yaml`,
      },
    ];
  });
  const found = [
    ...problems,
    ...validateContent(files, {
      links: siteLinks(files, redirects.addresses, redirects.redirects),
      documentsIncomplete,
    }),
    // Names and aliases that two records claim, aliases that no document contains (see rehype-link-aliases).
    ...aliases,
    // The archive's own country names (content/countries.yaml).
    ...countryNameProblems(root, contentDir),
    ...redirects.problems,
    ...manifestFile.problems,
    ...manifest.problems,
    ...manifestRequired(
      { ...manifestFile, entries: manifest.entries },
      files.filter((f) => f.collection === 'readouts').length,
      options.firstManifest ?? false,
    ),
    ...lost,
  ];
  return { problems: found, files };
}

/**
 * `content/redirects.yaml` read and checked, against itself and against the addresses the
 * content will publish (`plannedAddresses`): what `checkContent` says of it, and what
 * `npm run deploy:nginx` asks before writing its rules. `files` and `manifest` are read when
 * not given.
 */
export function checkRedirects(
  root: string,
  contentDir: string,
  files: readonly ContentFile[] = readContent(root, contentDir).files,
  manifest: readonly { route: string }[] = parseManifest('', readManifest(root, contentDir).text).entries,
): { file: string; redirects: Redirect[]; problems: Problem[]; addresses: Addresses } {
  const { file, redirects, problems } = readRedirects(root, contentDir);
  const addresses = plannedAddresses(files, { root, manifest: manifest.map((e) => e.route) });
  return {
    file,
    redirects,
    addresses,
    problems: [...problems, ...redirectAddressProblems(file, redirects, addresses)],
  };
}

/** The document whose page is `route` (`comptes-rendus/<id>/`), by id. */
const readoutPage = new RegExp(`^${routes.readout('x').replace(/x\/$/, '')}([^/]+)/$`);

/**
 * Where the links of the texts may lead (`src/content/validate/body.ts`): an address the
 * content will publish, or one a redirect keeps; a paragraph of a document that has it.
 */
function siteLinks(files: readonly ContentFile[], addresses: Addresses, redirects: readonly Redirect[]): SiteLinks {
  const readouts = new Map(files.filter((f) => f.collection === 'readouts').map((f) => [f.id, f]));
  const counts = new Map<string, number | undefined>();
  return {
    published: (route) => (redirectOf(route, redirects) ? true : addresses.has(route)),
    paragraphsAt(route) {
      const id = readoutPage.exec(route)?.[1];
      if (id === undefined) return null;
      const readout = readouts.get(id);
      if (readout === undefined || readout.unreadable !== undefined || readout.body === undefined) return undefined;
      if (!counts.has(id)) counts.set(id, paragraphCount(readout.body));
      return counts.get(id);
    },
  };
}

/**
 * Checks a finished build in `outDir` against the content it was built from; `recordingUrls`
 * when `npm run urls:update` made it, to record the addresses that are new.
 */
export function checkBuild(root: string, contentDir: string, outDir: string, recordingUrls = false): Problem[] {
  const { files } = listContent(root, contentDir, ['readouts']);
  const redirects = readRedirects(root, contentDir);
  const manifestFile = readManifest(root, contentDir);
  const redirectPages = new Set(
    redirects.redirects
      .map((r) => r.from)
      .filter((from) => {
        const page = join(outDir, from, 'index.html');
        return isPageRoute(from) && existsSync(page) && /<meta http-equiv="refresh"/i.test(readFileSync(page, 'utf8'));
      }),
  );
  return checkOutput({
    files: listFiles(outDir),
    redirectPages,
    readouts: files.map((f) => ({ id: f.id, path: f.path })),
    manifest: { file: manifestFile.file, entries: parseManifest(manifestFile.file, manifestFile.text).entries },
    redirects: { file: redirects.file, entries: redirects.redirects },
    recordingUrls,
  });
}
