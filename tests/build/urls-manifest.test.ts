/**
 * Nothing published is lost: every address of `content/urls.txt` is served by the build or
 * redirected, every document has its page, and a renamed document keeps answering at its
 * old address (a redirect page, and a line of `_redirects`). `npm run urls:update` records
 * new addresses without ever removing one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { npmRun, root } from '../support/build.ts';
import { contentWith } from '../support/content-copy.ts';
import { htmlFiles, listFiles, page, sitemapUrls } from '../support/dist.ts';
import { parseManifest, publishedRoutes } from '#features/permanence/manifest.ts';
import { readRedirects, redirectOf } from '#features/permanence/redirects.ts';
import { readouts, testContentDir } from '../support/content.ts';

const SITE_URL = 'https://archive.test';
const manifest = parseManifest('content/urls.txt', readFileSync(join(testContentDir(), 'urls.txt'), 'utf8'));

describe('the committed manifest', () => {
  const distDir = inject('distDir');
  const produced = new Set(publishedRoutes(listFiles(distDir)));

  test('parses without problems and lists the home page and every document, or the build says a document is new', () => {
    expect(manifest.problems).toEqual([]);
    const routes = new Set(manifest.entries.map((e) => e.route));
    const docs = readouts();
    expect(docs.length).toBeGreaterThan(0);
    expect(routes.has('')).toBe(true);
    // A document an archivist has just added is recorded by `npm run urls:update`; until then,
    // the build names its address as new (all of them, or the first ones and how many more).
    const log = stripVTControlCharacters(inject('distLog'));
    const unrecorded = docs.map((d) => `comptes-rendus/${d.id}/`).filter((route) => !routes.has(route));
    const named = unrecorded.filter((route) => log.includes(`content/urls.txt: ${route}: adresse nouvelle`));
    if (named.length < unrecorded.length) expect(log).toMatch(/et \d+ autres : lancez « npm run urls:update »/);
  });

  test('every address it lists is served by the build, or redirected to an address it serves', () => {
    const { redirects } = readRedirects(root, testContentDir());
    const served = (route: string) => produced.has(route) || produced.has(redirectOf(route, redirects)?.target ?? '-');
    const lost = manifest.entries.filter((e) => !served(e.route)).map((e) => `ligne ${e.line}: ${e.route}`);
    expect(lost).toEqual([]);
  });

  test('every address the build serves is recorded, or the build says it is not yet (`npm run urls:update` records it)', () => {
    // An archivist's new document is not recorded until `npm run urls:update`: the build warns
    // about each of its addresses, and the repository's CI (`.ci/run`) refuses to go on without them.
    const listed = new Set(manifest.entries.map((e) => e.route));
    expect(produced.size).toBeGreaterThan(0);
    const unlisted = [...produced].filter((r) => !listed.has(r) && !r.startsWith('_'));
    const warned = [
      ...stripVTControlCharacters(inject('distLog')).matchAll(/content\/urls\.txt: (\S*): adresse nouvelle/g),
    ];
    const more = /et (\d+) autres : lancez « npm run urls:update »/.exec(stripVTControlCharacters(inject('distLog')));
    expect(warned.length + Number(more?.[1] ?? 0)).toBe(unlisted.length);
    for (const [, route] of warned) expect(unlisted.map((r) => (r === '' ? '/' : r))).toContain(route);
  });

  test('every document has exactly one page, and every document page a document', () => {
    const pages = htmlFiles(distDir).filter((f) => /^comptes-rendus\/[^/]+\/index\.html$/.test(f));
    const ids = readouts().map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(pages.sort()).toEqual(ids.map((id) => `comptes-rendus/${id}/index.html`).sort());
  });
});

describe('a renamed document', () => {
  const oldPage = 'comptes-rendus/2024-05-20-wang-yi-sergei-aleinikk/';
  const newPage = 'comptes-rendus/2024-05-20-wang-yi-sergei-aleinik/';
  // The global setup's third site: the old address and a file below it were published
  // (`urls.txt`), and `content-renamed` holds the redirect.
  const outDir = inject('distDirLinks');

  test('builds, since the redirect covers the old addresses', () => {
    const listed = readFileSync(join(inject('linksContentDir'), 'urls.txt'), 'utf8').split('\n');
    expect(listed).toEqual(expect.arrayContaining([oldPage, `${oldPage}source.md`]));
    // It built, or no test would run; and its guard found no published address lost.
    expect(stripVTControlCharacters(inject('distLogLinks'))).not.toMatch(/erreur /);
  });

  test('_redirects sends the old page, and the files below it, to the new address with a 301', () => {
    const lines = readFileSync(join(outDir, '_redirects'), 'utf8').split('\n');
    expect(lines).toContain(`/${oldPage} /${newPage} 301`);
    expect(lines).toContain(`/${oldPage}* /${newPage}:splat 301`);
  });

  test('the old address holds a redirect page: meta refresh, canonical, a visible link, noindex, no script', () => {
    const html = page(outDir, `/${oldPage}`);
    const target = `/${newPage}`;
    expect(html.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${target}`);
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE_URL}${target}`);
    expect(html.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(html.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain(target);
    expect(html.querySelector('html')?.getAttribute('lang')).toBe('fr');
    expect(html.querySelectorAll('script')).toEqual([]);
    expect(html.querySelector('main')?.textContent).toContain('Identifiant corrigé');
  });

  test('the sitemap leaves the redirect page out and keeps the new page', () => {
    const urls = sitemapUrls(outDir);
    expect(urls).toContain(`${SITE_URL}/${newPage}`);
    expect(urls).not.toContain(`${SITE_URL}/${oldPage}`);
  });
});

describe('npm run urls:update', () => {
  test('appends every new address and keeps every line, even one no longer produced', () => {
    const distDir = inject('distDir');
    const contentDir = contentWith();
    const file = join(contentDir, 'urls.txt');
    const before = '# Essai\n/\ncomptes-rendus/\nune-adresse-retiree-a-la-main/\n';
    writeFileSync(file, before);
    const result = npmRun(['urls:update', '--', distDir], { CONTENT_DIR: contentDir });
    expect(result.status, result.output).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const routes = parseManifest('urls.txt', after).entries.map((e) => e.route);
    const produced = publishedRoutes(listFiles(distDir));
    expect(produced.length).toBeGreaterThan(10);
    expect(new Set(routes)).toEqual(new Set([...produced, 'une-adresse-retiree-a-la-main/']));
    expect(routes.length, 'nothing listed twice').toBe(new Set(routes).size);
  });
});
