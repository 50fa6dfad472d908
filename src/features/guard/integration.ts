/**
 * Two Astro integrations that make the build the archive's gatekeeper.
 *
 * - `contentGuard` validates `content/` (entries, `redirects.yaml`, `urls.txt`): before Astro
 *   loads any entry in `astro dev` and `astro check`, and beside Astro's start in `astro build`,
 *   which waits for the verdict before it writes any page (`src/content/checked.ts`). Each stops
 *   with every problem listed, instead of logging and carrying on.
 * - `outputGuard`, last in the list, checks the finished build (one page per document, no
 *   published address lost, redirects that lead somewhere) and writes `_redirects`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { errorsOf, formatProblem, type Problem } from '#content/problem.ts';
import {
  clearContentCheck,
  closeUntakenCheck,
  contentChecked,
  deferContentCheck,
  type CheckRequest,
} from '#content/checked.ts';
import { normalizeBase } from '#archive/urls.ts';
import { readRedirects, redirectsFile } from '#features/permanence/redirects.ts';
import { checkBuild, checkContent, type CheckOptions } from './check.ts';
import { RECORDING_URLS_ENV } from '#features/permanence/output-check.ts';
import { FIRST_MANIFEST_ENV } from '#features/permanence/manifest.ts';

/**
 * Logs every problem, then throws a short error (without a stack trace: the problems are in
 * files, not in code) so that Astro stops and exits with a non-zero status.
 */
function enforce(problems: Problem[], logger: AstroIntegrationLogger, what: string): void {
  for (const p of problems.filter((x) => x.severity === 'warning')) logger.warn(formatProblem(p));
  const errors = errorsOf(problems);
  if (errors.length === 0) return;
  for (const p of errors) logger.error(formatProblem(p));
  const error = new Error(`${what} : ${errors.length} erreur(s), détaillée(s) ci-dessus.`);
  error.stack = '';
  throw Object.assign(error, {
    hint: '`npm run check:content` vérifie le contenu sans construire le site. Les règles et leurs messages sont dans docs/validation.md.',
  });
}

export default function contentGuard(options: { contentDir: string }): AstroIntegration {
  let check: (() => Problem[]) | undefined;
  return {
    name: 'readout-archive:content-guard',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const request: CheckRequest<CheckOptions> = {
          root,
          contentDir: resolve(root, options.contentDir),
          options: {
            cacheDir: fileURLToPath(config.cacheDir),
            // Set by `npm run urls:update` alone, for the build that lists a new archive's addresses.
            firstManifest: process.env[FIRST_MANIFEST_ENV] === '1',
          },
        };
        check = () => checkContent(request.root, request.contentDir, request.options);
        // A build checks the content in the worker thread of the documents' files, beside Astro's
        // start, its content step and Vite's bundle, and waits for the verdict before it writes
        // any page (src/content/checked.ts). `astro dev` and `astro check` check it here, before
        // anything else.
        if (command === 'build') {
          deferContentCheck(request, (problems) => enforce(problems, logger, 'Contenu invalide'));
          updateConfig({ vite: { plugins: [awaitVerdict()] } });
        } else {
          clearContentCheck();
          enforce(check(), logger, 'Contenu invalide');
        }
      },
      // No worker took the build's check (the documents' files are not built): it runs here, so
      // that the build does not wait for ever.
      'astro:config:done': ({ logger }) => {
        if (closeUntakenCheck() && check) enforce(check(), logger, 'Contenu invalide');
      },
    },
  };
}

/**
 * The build's wait for the content's verdict: at the end of Vite's last bundle, the browser's
 * code (`client`), after the pages' code is bundled and before the bundle writes anything into
 * the output folder (nor copies `public/` there), and so before Astro generates any page. A
 * refused content stops the build there; the loader waits earlier when it needs the check's work
 * (`src/content/loader.ts`).
 */
function awaitVerdict(): Plugin {
  let root = '';
  let prerender: string | undefined;
  return {
    name: 'readout-archive:content-verdict',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'client',
    configResolved(config) {
      root = config.root;
      prerender = config.environments['prerender']?.build.outDir;
    },
    async buildEnd() {
      try {
        await contentChecked();
      } catch (error) {
        // The pages' code, bundled into the output folder, which Astro removes once it has
        // generated the pages: the build stops before, so it is removed here.
        try {
          if (prerender) rmSync(resolve(root, prerender), { recursive: true, force: true });
        } catch {
          // Left for the next build, which bundles it again and then removes it: the check's
          // problems are what this build reports.
        }
        throw error;
      }
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
        const recordingUrls = process.env[RECORDING_URLS_ENV] === '1';
        enforce(checkBuild(root, contentDir, outDir, recordingUrls), logger, 'Construction incomplète');
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
