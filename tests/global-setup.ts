/**
 * Builds the site once for all tests that read the output: at the root, and under the
 * sub-path `/archive/` to prove that every link respects `BASE_PATH`.
 *
 * The first test project builds `content/`. The second, « grown archive », builds a copy of it
 * with the documents a growing archive brings (`tests/fixtures/grown/`: the same person with
 * the same role in two documents, two documents on one day, a new person from a country
 * already named, a telephone call and a video call, which have no place, a source with its
 * publication day, a person from a country only CLDR names), recorded with `npm run urls:update`
 * as an archivist would; the suites that read the content run again on it, so that none of them
 * holds for the seed alone.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, npmRun, outDirFor, removeBuild, removeStaleBuilds, root } from './support/build.ts';
import { copyContent } from './support/content-copy.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The content folder the builds below were made from. */
    contentDir: string;
    /** `dist/` built with `BASE_PATH` unset. */
    distDir: string;
    /** `dist/` built with `BASE_PATH=/archive/`. */
    distDirBase: string;
  }
}

export const SITE_URL = 'https://archive.test';
/** The name of the test project that reads the grown archive (see `vitest.config.ts`). */
export const GROWN = 'grown archive';

/** `content/` with the fixtures of a growing archive laid over it, its new addresses recorded. */
function grownArchive(): string {
  const contentDir = copyContent(join(root, 'content'), 'grown');
  const update = npmRun(['urls:update'], { CONTENT_DIR: contentDir });
  if (update.status !== 0) throw new Error(`npm run urls:update failed on the grown archive:\n${update.output}`);
  // It records the new addresses without first warning that they are not recorded.
  if (/adresse nouvelle/.test(update.output)) {
    throw new Error(`npm run urls:update warned about the addresses it records:\n${update.output}`);
  }
  return contentDir;
}

export default function setup(project: TestProject) {
  removeStaleBuilds();
  const contentDir = project.name === GROWN ? grownArchive() : join(root, 'content');
  const env = { SITE_URL, CONTENT_DIR: contentDir };
  const builds = {
    distDir: build({ outDir: outDirFor('dist'), env }),
    distDirBase: build({ outDir: outDirFor('dist-base'), env: { ...env, BASE_PATH: '/archive/' } }),
  };
  project.provide('contentDir', contentDir);
  for (const [name, result] of Object.entries(builds)) {
    if (result.status !== 0) throw new Error(`The ${name} build of ${contentDir} failed:\n${result.output}`);
    project.provide(name as 'distDir' | 'distDirBase', result.outDir);
  }
  return () => {
    for (const result of Object.values(builds)) removeBuild(result.outDir);
  };
}
