/**
 * Builds the site once for all tests that read the output: at the root, and under the
 * sub-path `/archive/` to prove that every link respects `BASE_PATH`.
 */
import type { TestProject } from 'vitest/node';
import { build, outDirFor, removeBuild, removeStaleBuilds } from './support/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `dist/` built with `BASE_PATH` unset. */
    distDir: string;
    /** `dist/` built with `BASE_PATH=/archive/`. */
    distDirBase: string;
  }
}

export const SITE_URL = 'https://archive.test';

export default function setup(project: TestProject) {
  removeStaleBuilds();
  const builds = {
    distDir: build({ outDir: outDirFor('dist'), env: { SITE_URL } }),
    distDirBase: build({ outDir: outDirFor('dist-base'), env: { SITE_URL, BASE_PATH: '/archive/' } }),
  };
  for (const [name, result] of Object.entries(builds)) {
    if (result.status !== 0) throw new Error(`The ${name} build failed:\n${result.output}`);
    project.provide(name as 'distDir' | 'distDirBase', result.outDir);
  }
  return () => {
    for (const result of Object.values(builds)) removeBuild(result.outDir);
  };
}
