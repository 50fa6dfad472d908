/**
 * The addresses `npm run check:content` plans before a build (`plannedAddresses`, from which it
 * decides what a redirect may take and where a link of a text may lead) are those the build
 * writes, file for file: the plan follows `src/pages/`, and a page added there without the plan
 * would let a redirect take its address, or refuse a link to it, until the build said otherwise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { readContent } from '#content/read.ts';
import { builtAddresses, plannedAddresses } from '#features/permanence/addresses.ts';
import { parseManifest } from '#features/permanence/manifest.ts';
import { redirectAddressProblems, type Redirect } from '#features/permanence/redirects.ts';
import { expectPlanOfBuild } from '../support/addresses.ts';
import { root } from '../support/build.ts';
import { listFiles } from '../support/dist.ts';

describe('the addresses the check plans', () => {
  test('are the files of the build, each', () => {
    expectPlanOfBuild(inject('contentDir'), inject('distDir'));
  });
});

describe('the rule of redirects', () => {
  const contentDir = inject('contentDir');
  const { files } = readContent(root, contentDir);
  const manifest = parseManifest('', readFileSync(join(contentDir, 'urls.txt'), 'utf8')).entries.map((e) => e.route);
  const planned = plannedAddresses(files, { root, manifest });
  const built = builtAddresses(listFiles(inject('distDir')), new Set());
  const document = files.find((f) => f.collection === 'readouts')!.id;
  const redirect = (from: string, to = 'comptes-rendus/'): Redirect => ({
    from,
    to,
    date: '2025-01-15',
    reason: 'r',
    index: 0,
  });

  // prettier-ignore
  test.each([
    'api/', 'api/schemas/', 'personnes/', 'pagefind/', 'pagefind/pagefind.js', 'comptes-rendus/flux.xml/', 'robots.txt',
    'robots.txt/x/', '404.html', 'sitemap-index.xml', `comptes-rendus/${document}/source.md`, `comptes-rendus/${document}/`,
    'comptes-rendus/2024-01-01-ancien/', 'chronologie/1999/', 'api/comptes-rendus/ancien.json', 'themes/ocs/flux.xml',
    'comptes-rendus/page/2/', 'personnes/index.html', 'index.html', 'rencontres/',
  ])('gives the check and the build the same answer on %s', (from) => {
    const on = (addresses: typeof planned) => redirectAddressProblems('r.yaml', [redirect(from)], addresses).map((p) => p.message);
    expect(on(planned)).toEqual(on(built));
  });
});
