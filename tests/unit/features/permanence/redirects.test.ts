/**
 * Redirect entries (`content/redirects.yaml`), the manifest of published addresses
 * (`content/urls.txt`) and the files the build writes from them. The rules that refuse bad
 * entries are in `validate.test.ts`, one fixture each.
 */
import { describe, expect, test } from 'vitest';
import { parseRedirects, redirectOf, redirectsFile, routeFormProblem } from '#features/permanence/redirects.ts';
import { appendToManifest, parseManifest, publishedRoutes, routeOfFile } from '#features/permanence/manifest.ts';

const entries = parseRedirects('content/redirects.yaml', [
  { from: 'comptes-rendus/ancien/', to: 'comptes-rendus/nouveau/', date: '2025-01-15', reason: 'Identifiant corrigé.' },
  {
    from: 'api/comptes-rendus/ancien.json',
    to: 'api/comptes-rendus/nouveau.json',
    date: '2025-01-15',
    reason: 'Idem.',
  },
]);

describe('redirects', () => {
  test('valid entries parse without problems, keeping their position', () => {
    expect(entries.problems).toEqual([]);
    expect(entries.redirects.map((r) => r.index)).toEqual([0, 1]);
  });

  // prettier-ignore
  const rows: [string, string, string | undefined][] = [
    ['the retired page itself goes to the new page', 'comptes-rendus/ancien/', 'comptes-rendus/nouveau/'],
    ['a file below the retired page goes to the same file below the new one', 'comptes-rendus/ancien/source.md', 'comptes-rendus/nouveau/source.md'],
    ['a retired file goes to its replacement', 'api/comptes-rendus/ancien.json', 'api/comptes-rendus/nouveau.json'],
    ['an address that merely starts like a retired one is not redirected', 'comptes-rendus/ancienne/', undefined],
    ['any other address is not redirected', 'comptes-rendus/', undefined],
  ];
  test.each(rows)('%s', (_why, route, target) => {
    expect(redirectOf(route, entries.redirects)?.target).toBe(target);
  });

  test.each([
    ['/', '/comptes-rendus/ancien/ /comptes-rendus/nouveau/ 301'],
    ['/archive/', '/archive/comptes-rendus/ancien/ /archive/comptes-rendus/nouveau/ 301'],
  ])('_redirects under the base %s has a 301 line per entry and one for the files below a page', (base, first) => {
    const lines = redirectsFile(entries.redirects, base)
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      first,
      `${base}comptes-rendus/ancien/* ${base}comptes-rendus/nouveau/:splat 301`,
      `${base}api/comptes-rendus/ancien.json ${base}api/comptes-rendus/nouveau.json 301`,
    ]);
  });

  test('an empty file (comments only) means no redirect', () => {
    expect(parseRedirects('content/redirects.yaml', null)).toEqual({ redirects: [], problems: [] });
  });
});

describe('an address as a redirect writes it', () => {
  // prettier-ignore
  test.each([
    ['', undefined],
    ['comptes-rendus/2024-05-20-x/', undefined],
    ['api/comptes-rendus/2024-05-20-x.json', undefined],
    ['comptes-rendus/flux.xml', undefined],
    ['/personnes/wang-yi/', /sans « \/ » initial/],
    ['https://example.org/x/', /sans « \/ » initial/],
    ['personnes/../themes/', /sans « \/ » initial/],
    ['_astro/x.css', /sans « \/ » initial/],
    ['Personnes/Wang-Yi/', /a des majuscules.*« personnes\/wang-yi\/ »/],
    ['comptes-rendus/FLUX.XML', /a des majuscules/],
    ['personnes/wang-yi', /ni « \/ » final ni extension.*« personnes\/wang-yi\/ »/],
    ['api', /ni « \/ » final ni extension/],
  ])('%j', (route, problem) => {
    const found = routeFormProblem(route, 'l’ancienne adresse');
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('the manifest of published addresses', () => {
  // prettier-ignore
  const files: [string, string | undefined][] = [
    ['index.html', ''],
    ['comptes-rendus/index.html', 'comptes-rendus/'],
    ['comptes-rendus/2024-05-20-a/source.md', 'comptes-rendus/2024-05-20-a/source.md'],
    ['robots.txt', 'robots.txt'],
    ['sitemap-index.xml', 'sitemap-index.xml'],
    ['sitemap-0.xml', undefined],
    ['_astro/Base.abc123.css', undefined],
    ['pagefind/pagefind.js', undefined],
    ['404.html', undefined],
    ['_redirects', undefined],
    ['_headers', undefined],
  ];
  test.each(files)('the built file %s is published as %j', (file, route) => {
    expect(routeOfFile(file)).toBe(route);
  });

  test('comments, blank lines and the home page « / » are read; a repeated line is a warning', () => {
    const { entries: lines, problems } = parseManifest(
      'urls.txt',
      '# en-tête\n/\n\ncomptes-rendus/ # index\nlieux/\nlieux/\n',
    );
    expect(lines).toEqual([
      { route: '', line: 2 },
      { route: 'comptes-rendus/', line: 4 },
      { route: 'lieux/', line: 5 },
    ]);
    expect(problems.map((p) => [p.severity, p.field])).toEqual([['warning', 'ligne 6']]);
  });

  test('appending keeps every line as it was and adds the new addresses at the end, dated', () => {
    const before = '# en-tête\n/\nlieux/\n';
    const after = appendToManifest(
      before,
      publishedRoutes(['themes/index.html', 'themes/ocs/index.html']),
      '2025-01-15',
    );
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('\n# Ajoutées le 2025-01-15\nthemes/\nthemes/ocs/\n');
    expect(appendToManifest(before, [], '2025-01-15')).toBe(before);
  });
});
