/**
 * Builds the site once for all tests that read the output: at the root, and under the
 * sub-path `/archive/` to prove that every link respects `BASE_PATH`. The two builds of a
 * project run at the same time, one per core.
 *
 * Each test project builds its own archive (`vitest.config.ts`), so that no test holds for one
 * content alone:
 * - « archive »: `content/` as it is;
 * - « grown archive »: a copy of it with the documents a growing archive brings
 *   (`tests/fixtures/grown/`: the same person with the same role in two documents, two documents
 *   on one day, a new person from a country already named, a telephone call and a video call,
 *   which have no place, a source with its publication day, a person from a country only CLDR
 *   names);
 * - « varied archive »: a copy of it with the grown archive's documents and more, written to break
 *   assumptions (`tests/fixtures/varied/`: a document sharing the seed's day, place, people and words; two
 *   accounts of one meeting, in French and in English, one of them over two days and copied from
 *   another site; a call whose medium the text does not state, in Russian; an Italian text; a
 *   very long text).
 * The new addresses of both copies are recorded with `npm run urls:update`, as an archivist would,
 * from the build of the copy itself (`urls:update -- <folder>`), which was made as that command
 * makes its own (`ARCHIVE_RECORDING_URLS`): the output does not depend on `urls.txt`.
 * The browser suites (`tests/e2e/`), the slowest, run on « varied archive » only, whose content
 * holds every document of the two others; its setup starts the browsers they share.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBrowsers } from './support/browser.ts';
import {
  buildAsync,
  npmRun,
  outDirFor,
  removeBuild,
  removeStaleBuilds,
  root,
  type BuildResult,
} from './support/build.ts';
import { copyContent, fixtures } from './support/content-copy.ts';
import { RECORDING_URLS_ENV } from '#features/permanence/output-check.ts';
import { readRedirects } from '#features/permanence/redirects.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The content folder the builds below were made from. */
    contentDir: string;
    /** `dist/` built with `BASE_PATH` unset. */
    distDir: string;
    /** What that build printed. */
    distLog: string;
    /** `dist/` built with `BASE_PATH=/archive/`. */
    distDirBase: string;
    /** The test project: which archive the builds hold. */
    archive: ArchiveName;
    /** `content/` with `LINKS_OVERLAYS` laid over it, which `distDirLinks` was built from. */
    linksContentDir: string;
    /** `dist/` of `linksContentDir`, built with `TZ=${LINKS_ZONE}`. */
    distDirLinks: string;
    /** What that build printed. */
    distLogLinks: string;
  }
}

export const SITE_URL = 'https://archive.test';

/** The archives the test projects build (see `vitest.config.ts`), by project name: the fixtures laid over `content/`. */
export const ARCHIVES = {
  archive: [],
  'grown archive': ['grown'],
  'varied archive': ['grown', 'varied'],
} as const satisfies Record<string, readonly string[]>;
export type ArchiveName = keyof typeof ARCHIVES;
/**
 * A third site, one per run, shared by the projects and the files that read it: `content/` with
 * documents with links out of the site, a document renamed once published (its old page and a
 * file below it are in `urls.txt`, its redirect in `redirects.yaml`), and a record no document
 * names (a warning, not an error). What it is for does not change with the archive, so the
 * first project's setup builds it and the others take it. `security.test.ts`,
 * `urls-manifest.test.ts` and `deploy/nginx.test.ts` read its pages, `determinism.test.ts` builds
 * it again in another time zone, `bad-input.test.ts` reads the warning it printed.
 */
const LINKS_OVERLAYS = ['content-links', 'content-renamed', 'content-warning/unused-record'];
/** Its time zone: UTC+14, so that a day read in the machine's time would show (see `determinism.test.ts`). */
export const LINKS_ZONE = 'Pacific/Kiritimati';

interface LinksSite {
  contentDir: string;
  result: BuildResult;
}
/** Kept on the main process's global object: each project's setup may load this module anew. */
const run = globalThis as { readoutLinksSite?: Promise<LinksSite>; readoutLinksUsers?: number };

/** The run's links site, built by the first setup that asks; each call must be matched by `leaveLinksSite`. */
function linksSite(): Promise<LinksSite> {
  run.readoutLinksUsers = (run.readoutLinksUsers ?? 0) + 1;
  run.readoutLinksSite ??= (async () => {
    const contentDir = copyContent(join(root, 'content'), ...LINKS_OVERLAYS);
    const renamed = readRedirects(root, join(fixtures, 'content-renamed')).redirects;
    appendFileSync(join(contentDir, 'urls.txt'), renamed.map((r) => `\n${r.from}\n${r.from}source.md\n`).join(''));
    const env = { SITE_URL, CONTENT_DIR: contentDir, TZ: LINKS_ZONE };
    return { contentDir, result: await buildAsync({ outDir: outDirFor('dist-links'), env }) };
  })();
  return run.readoutLinksSite;
}

/** Removes the links site once the last project that took it is done. */
async function leaveLinksSite(): Promise<void> {
  run.readoutLinksUsers = (run.readoutLinksUsers ?? 1) - 1;
  if (run.readoutLinksUsers > 0 || !run.readoutLinksSite) return;
  removeBuild((await run.readoutLinksSite).result.outDir);
  delete run.readoutLinksSite;
}

/** The project that runs the browser suites (see `vitest.config.ts`). */
const BROWSERS: ArchiveName = 'varied archive';

export default async function setup(project: TestProject) {
  removeStaleBuilds();
  const name = project.name as ArchiveName;
  const overlays = ARCHIVES[name];
  if (overlays === undefined) throw new Error(`Unknown test project « ${project.name} »: see ARCHIVES`);
  const copy = overlays.length > 0;
  const contentDir = copy ? copyContent(join(root, 'content'), ...overlays) : join(root, 'content');
  // A copy's new addresses are recorded from its build below, as `npm run urls:update` records them from its own.
  const env = { SITE_URL, CONTENT_DIR: contentDir, ...(copy && { [RECORDING_URLS_ENV]: '1' }) };
  // Two or three builds on two cores: the machine shares them out.
  const [distDir, distDirBase, links, browsers] = await Promise.all([
    buildAsync({ outDir: outDirFor('dist'), env }),
    buildAsync({ outDir: outDirFor('dist-base'), env: { ...env, BASE_PATH: '/archive/' } }),
    linksSite(),
    name === BROWSERS ? startBrowsers() : undefined,
  ]);
  const distDirLinks = links.result;
  const teardown = async () => {
    for (const result of [distDir, distDirBase]) removeBuild(result.outDir);
    await Promise.all([leaveLinksSite(), browsers?.close()]);
  };
  try {
    for (const [key, result] of Object.entries({ distDir, distDirBase, distDirLinks })) {
      if (result.status !== 0) throw new Error(`The ${key} build failed:\n${result.output}`);
      project.provide(key as 'distDir' | 'distDirBase' | 'distDirLinks', result.outDir);
    }
    if (copy) {
      const update = npmRun(['urls:update', '--', distDir.outDir], { CONTENT_DIR: contentDir });
      if (update.status !== 0) throw new Error(`npm run urls:update failed on the ${name}:\n${update.output}`);
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('contentDir', contentDir);
  project.provide('archive', name);
  project.provide('distLog', distDir.output);
  project.provide('linksContentDir', links.contentDir);
  project.provide('distLogLinks', distDirLinks.output);
  if (browsers) project.provide('browsers', browsers.endpoints);
  return teardown;
}
