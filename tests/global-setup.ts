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
 * The new addresses of both copies are recorded with `npm run urls:update`, as an archivist would.
 * The browser suites (`tests/e2e/`), the slowest, run on « archive » and « varied archive » only:
 * the varied archive holds every document of the grown one.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildAsync, npmRun, outDirFor, removeBuild, removeStaleBuilds, root } from './support/build.ts';
import { copyContent } from './support/content-copy.ts';

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
  }
}

export const SITE_URL = 'https://archive.test';

/** The archives the test projects build (see `vitest.config.ts`), by project name. */
export const ARCHIVES = {
  archive: [],
  'grown archive': ['grown'],
  'varied archive': ['grown', 'varied'],
} as const satisfies Record<string, readonly string[]>;
export type ArchiveName = keyof typeof ARCHIVES;

/** `content/` with the fixtures of `overlays` laid over it, its new addresses recorded. */
function copyWith(overlays: readonly string[], label: string): string {
  const contentDir = copyContent(join(root, 'content'), ...overlays);
  const update = npmRun(['urls:update'], { CONTENT_DIR: contentDir });
  if (update.status !== 0) throw new Error(`npm run urls:update failed on the ${label}:\n${update.output}`);
  // It records the new addresses without first warning that they are not recorded.
  if (/adresse nouvelle/.test(update.output)) {
    throw new Error(`npm run urls:update warned about the addresses it records:\n${update.output}`);
  }
  return contentDir;
}

export default async function setup(project: TestProject) {
  removeStaleBuilds();
  const name = project.name as ArchiveName;
  const overlays = ARCHIVES[name];
  if (overlays === undefined) throw new Error(`Unknown test project « ${project.name} »: see ARCHIVES`);
  const contentDir = overlays.length === 0 ? join(root, 'content') : copyWith(overlays, name);
  const env = { SITE_URL, CONTENT_DIR: contentDir };
  const [distDir, distDirBase] = await Promise.all([
    buildAsync({ outDir: outDirFor('dist'), env }),
    buildAsync({ outDir: outDirFor('dist-base'), env: { ...env, BASE_PATH: '/archive/' } }),
  ]);
  project.provide('contentDir', contentDir);
  project.provide('archive', name);
  project.provide('distLog', distDir.output);
  for (const [key, result] of Object.entries({ distDir, distDirBase })) {
    if (result.status !== 0) throw new Error(`The ${key} build of ${contentDir} failed:\n${result.output}`);
    project.provide(key as 'distDir' | 'distDirBase', result.outDir);
  }
  return () => {
    for (const result of [distDir, distDirBase]) removeBuild(result.outDir);
  };
}
