import { describe, expect, test } from 'vitest';
import { absoluteUrl, href, isEntryRoute, normalizeBase, routes } from '#archive/urls.ts';

describe('href', () => {
  test.each([
    // route, base, expected, why
    [routes.home(), '/', '/', 'the home page is the base itself'],
    [routes.readout('2024-05-20-a'), '/', '/comptes-rendus/2024-05-20-a/', 'a document at the root'],
    [routes.person('wang-yi'), '/archive/', '/archive/personnes/wang-yi/', 'under a sub-path'],
    [routes.topic('ocs'), '/archive', '/archive/themes/ocs/', 'a base without trailing slash'],
    [routes.place('astana'), 'archive/', '/archive/lieux/astana/', 'a base without leading slash'],
    [routes.topics(), '//archive//', '/archive/themes/', 'repeated slashes collapse'],
    ['sitemap-index.xml', '/archive/', '/archive/sitemap-index.xml', 'a file keeps its name'],
  ])('%s under %s is %s (%s)', (route, base, expected) => {
    expect(href(route, base)).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  test.each([
    [routes.readout('x'), 'https://example.org', '/', 'https://example.org/comptes-rendus/x/'],
    [routes.readout('x'), 'https://example.org/', '/archive/', 'https://example.org/archive/comptes-rendus/x/'],
    [routes.home(), 'https://example.org', '/archive/', 'https://example.org/archive/'],
  ])('%s on %s with base %s is %s', (route, site, base, expected) => {
    expect(absoluteUrl(route, site, base)).toBe(expected);
  });
});

describe('routes', () => {
  test('every route of a record ends with a slash', () => {
    for (const make of [routes.readout, routes.person, routes.topic, routes.place]) {
      expect(make('a-b')).toMatch(/^[a-z-]+\/a-b\/$/);
    }
  });

  test.each(['Wang Yi', 'wang_yi', '../x', 'été', ''])('refuses the id %j rather than printing a broken URL', (id) => {
    expect(() => routes.person(id)).toThrow(/Identifiant/);
  });

  test.each([
    ['', '/'],
    ['/', '/'],
    ['/archive/', '/archive/'],
    ['a/b', '/a/b/'],
  ])('normalizeBase(%j) is %j', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });

  test('the list of each form of meeting has two segments below the documents: never the address of a document', () => {
    const lists = (['in-person', 'phone', 'video'] as const).map(routes.readoutsInFormat);
    expect(lists).toEqual([
      'comptes-rendus/forme/en-personne/',
      'comptes-rendus/forme/telephone/',
      'comptes-rendus/forme/visioconference/',
    ]);
    for (const route of [...lists, 'comptes-rendus/forme/', 'comptes-rendus/page/2/']) {
      expect(isEntryRoute(route), route).toBe(false);
    }
    expect(isEntryRoute(routes.readout('2024-05-20-wang-yi-sergei-aleinik'))).toBe(true);
    expect(isEntryRoute(routes.person('wang-yi'))).toBe(true);
  });
});
