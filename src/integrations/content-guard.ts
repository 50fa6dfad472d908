/**
 * Two Astro integrations that make the build the archive's gatekeeper.
 *
 * - `contentGuard` validates `content/` (entries, `redirects.yaml`, `urls.txt`) before Astro
 *   reads it, so that `astro build`, `astro dev` and `astro check` stop with every problem
 *   listed, instead of logging and carrying on.
 * - `outputGuard`, last in the list, checks the finished build (one page per document, no
 *   published address lost, redirects that lead somewhere) and writes `_redirects`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { listFiles } from '../build/files.ts';
import { listContent, readContent, readManifest, readRedirects } from './read-content.ts';
import { contentRoutes, formatProblem, isContentRoute, validateContent, type Problem } from '../lib/validate.ts';
import { parseManifest } from '../lib/url-manifest.ts';
import { isPageRoute, redirectOf, redirectsAgainstContent, redirectsFile } from '../lib/redirects.ts';
import { checkOutput } from '../lib/output-check.ts';
import { normalizeBase } from '../lib/urls.ts';
import { aliasProblems } from '../markdown/alias-index.ts';

/** Reads and validates the content folder, without building; returns the problems found. */
export function checkContent(root: string, contentDir: string): Problem[] {
  const { files, problems } = readContent(root, contentDir);
  const known = contentRoutes(files);
  const redirects = readRedirects(root, contentDir);
  const manifestFile = readManifest(root, contentDir);
  const manifest = parseManifest(manifestFile.file, manifestFile.text);
  // A manifest address below a document or record page that no longer exists is lost,
  // unless redirected; other addresses are checked on the built site.
  const lost: Problem[] = manifest.entries.flatMap(({ route, line }) => {
    const page = [...route.matchAll(/[^/]+\//g)]
      .map((m) => route.slice(0, (m.index ?? 0) + m[0].length))
      .find(isContentRoute);
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
  return [
    ...problems,
    ...validateContent(files),
    // Aliases that no document contains, or that two records claim (see rehype-link-aliases).
    ...aliasProblems(files),
    ...redirects.problems,
    ...redirectsAgainstContent(redirects.file, redirects.redirects, known, isContentRoute),
    ...manifest.problems,
    ...lost,
  ];
}

/** Checks a finished build in `outDir` against the content it was built from. */
export function checkBuild(root: string, contentDir: string, outDir: string): Problem[] {
  const { entries } = listContent(root, contentDir);
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
    documents: entries.filter((f) => f.collection === 'readouts').map((f) => ({ id: f.id, path: f.path })),
    manifest: { file: manifestFile.file, entries: parseManifest(manifestFile.file, manifestFile.text).entries },
    redirects: { file: redirects.file, entries: redirects.redirects },
  });
}

/**
 * Logs every problem, then throws a short error (without a stack trace: the problems are in
 * files, not in code) so that Astro stops and exits with a non-zero status.
 */
function enforce(problems: Problem[], logger: AstroIntegrationLogger, what: string): void {
  for (const p of problems.filter((x) => x.severity === 'warning')) logger.warn(formatProblem(p));
  const errors = problems.filter((x) => x.severity === 'error');
  if (errors.length === 0) return;
  for (const p of errors) logger.error(formatProblem(p));
  const error = new Error(`${what} : ${errors.length} erreur(s), détaillée(s) ci-dessus.`);
  error.stack = '';
  throw Object.assign(error, {
    hint: '`npm run check:content` vérifie le contenu sans construire le site. Les règles et leurs messages sont dans le README, section « Validation rules ».',
  });
}

export default function contentGuard(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'readout-archive:content-guard',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        enforce(checkContent(root, resolve(root, options.contentDir)), logger, 'Contenu invalide');
      },
    },
  };
}

/** Must come last among the integrations: it reads the output the others write. */
export function outputGuard(options: { contentDir: string }): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'readout-archive:output-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = normalizeBase(config.base);
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const contentDir = resolve(root, options.contentDir);
        writeFileSync(join(outDir, '_redirects'), redirectsFile(readRedirects(root, contentDir).redirects, base));
        prefixHeaders(join(outDir, '_headers'), base);
        enforce(checkBuild(root, contentDir, outDir), logger, 'Construction incomplète');
      },
    },
  };
}

/** For `@astrojs/sitemap`'s `filter`: leaves out redirect pages, which are not pages of their own. */
export function notARedirect(contentDir: string, base: string): (page: string) => boolean {
  const root = process.cwd();
  const { redirects } = readRedirects(root, resolve(root, contentDir));
  const paths = new Set(redirects.map((r) => normalizeBase(base) + r.from));
  return (page) => !paths.has(new URL(page).pathname);
}

/** `_headers` is written for a site at the root; under a base path, its path rules move below it. */
function prefixHeaders(file: string, base: string): void {
  if (base === '/' || !existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^\/(?=\S*$)/gm, base));
}
