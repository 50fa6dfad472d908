/**
 * Compares the addresses `npm run check:content` plans (`src/features/permanence/addresses.ts`)
 * with the files of a build of the same content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readContent } from '#content/read.ts';
import { builtAddresses, generatedFolder, plannedAddresses, plannedRoutes } from '#features/permanence/addresses.ts';
import { parseManifest } from '#features/permanence/manifest.ts';
import { root } from './build.ts';
import { listFiles } from './dist.ts';

/** A built file as a route: a page is its folder. */
const routeOf = (file: string) => (file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1'));

/** Expects the plan of `contentDir` to be the files of its build in `distDir`, each. */
export function expectPlanOfBuild(contentDir: string, distDir: string): void {
  const { files } = readContent(root, contentDir);
  const manifestFile = join(contentDir, 'urls.txt');
  const text = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : '';
  const manifest = parseManifest('', text).entries.map((e) => e.route);
  const planned = plannedRoutes(files, { root, manifest });
  expect(planned, 'the content is valid: every page is planned').toBeDefined();
  // What the build writes of its own, and the parts of the sitemap, are not addresses of the archive.
  const built = listFiles(distDir)
    .map(routeOf)
    .filter((route) => generatedFolder(route) === undefined && !/^sitemap-\d+\.xml$/.test(route));
  expect(planned).toEqual(built.sort());
  // And the questions asked of the plan, one address at a time, are answered as the build would.
  const plan = plannedAddresses(files, { root, manifest });
  const build = builtAddresses(listFiles(distDir), new Set());
  for (const route of built) expect(plan.has(route), route).toBe(true);
  for (const route of ['personnes/inexistant/', 'comptes-rendus/page/99/', 'chronologie/1901/', 'Personnes/']) {
    expect([plan.has(route), build.has(route)], route).toEqual([false, false]);
  }
}
