/**
 * Long lists, built from a synthetic archive (`scripts/bench/generate.ts`) holding more than
 * two pages of documents: every page of a list but the first holds `PAGE_SIZE` documents,
 * counted from the oldest, the first the rest (`src/archive/pagination.ts`), its pages chained by
 * `rel="prev"`/`rel="next"` at stable URLs, page 1 at the list's own URL; each document page
 * shows its related documents. Expectations are computed here from the content files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE_SIZE } from '#archive/pagination.ts';
import { RELATED_LIMIT } from '#archive/related.ts';
import { expectPlanOfBuild } from '../support/addresses.ts';
import { build, removeBuild, type BuildResult } from '../support/build.ts';
import { fileForPath, page } from '../support/dist.ts';
import { childrenNamed, only, parseXml } from '../support/xml.ts';
import { FEED_SIZE } from '#formats/feeds.ts';
import { newestFirst, readDocs, syntheticArchive, type Doc } from '../support/synthetic.ts';

const contentDir = syntheticArchive({ documents: 5 * PAGE_SIZE + 7, people: 5, topics: 3, places: 2, years: 2 });

/** The generated documents, read back from their files, newest first (same day: by id). */
const docs: Doc[] = readDocs(contentDir);

/** The key whose list is longest, and that list. */
function longest(lists: Map<string, Doc[]>): [string, Doc[]] {
  return [...lists].sort((a, b) => b[1].length - a[1].length)[0]!;
}
function groupBy(keysOf: (d: Doc) => string[]): Map<string, Doc[]> {
  const map = new Map<string, Doc[]>();
  for (const d of docs) for (const k of keysOf(d)) map.set(k, [...(map.get(k) ?? []), d]);
  return map;
}

const [person, participations] = longest(groupBy((d) => d.participants));
const mentions = docs.filter((d) => d.mentions.includes(person));
const [topic, onTopic] = longest(groupBy((d) => d.topics));
const [place, atPlace] = longest(groupBy((d) => [d.place]));
const [year, inYear] = longest(groupBy((d) => [d.date.slice(0, 4)]));

const lists: [string, string, Doc[]][] = [
  ['all documents', '/comptes-rendus/', docs],
  [`the person ${person}`, `/personnes/${person}/`, [...participations, ...mentions]],
  [`the topic ${topic}`, `/themes/${topic}/`, onTopic],
  [`the place ${place}`, `/lieux/${place}/`, atPlace],
  [`the year ${year}`, `/chronologie/${year}/`, inYear],
];

let result: BuildResult;
beforeAll(() => {
  result = build({ contentDir, env: { SITE_URL: 'https://archive.test' } });
}, 600_000);
afterAll(() => {
  if (result) removeBuild(result.outDir);
});

test('the synthetic archive builds, with lists of more than two pages, each with a rest on page 1', () => {
  expect(result.status, result.output).toBe(0);
  for (const [what, , expected] of lists) {
    expect(expected.length, what).toBeGreaterThanOrEqual(2 * PAGE_SIZE);
    expect(expected.length % PAGE_SIZE, what).toBeGreaterThan(0);
  }
});

test('the check plans every page of every list (tests/support/addresses.ts)', () => {
  expectPlanOfBuild(contentDir, result.outDir);
});

/** The documents a list page links to, in order (links inside `main` lists, once each). */
const documentsOn = (path: string) => [
  ...new Set(
    page(result.outDir, path)
      .querySelectorAll('main ol a')
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => /^\/comptes-rendus\/\d{4}-[^/]+\/$/.test(h)),
  ),
];

describe.each(lists)('the list of %s', (_what, first, expected) => {
  const pages = Math.floor(expected.length / PAGE_SIZE);
  const url = (n: number) => (n === 1 ? first : `${first}page/${n}/`);

  test(`has pages of PAGE_SIZE documents counted from the oldest, the rest on page 1, that, read in order, hold every document once`, () => {
    const seen = Array.from({ length: pages }, (_, i) => documentsOn(url(i + 1)));
    expect(seen[0]!.length).toBe(PAGE_SIZE + (expected.length % PAGE_SIZE));
    for (const onPage of seen.slice(1)) expect(onPage.length).toBe(PAGE_SIZE);
    expect(seen.flat()).toEqual(expected.map((d) => `/comptes-rendus/${d.id}/`));
  });

  test('chains its pages with rel="prev" and rel="next", in the page and in its head', () => {
    for (let n = 1; n <= pages; n++) {
      const html = page(result.outDir, url(n));
      for (const [rel, target] of [
        ['prev', n > 1 ? url(n - 1) : undefined],
        ['next', n < pages ? url(n + 1) : undefined],
      ] as const) {
        expect(html.querySelector(`head link[rel="${rel}"]`)?.getAttribute('href'), `${url(n)} ${rel}`).toBe(target);
        expect(html.querySelector(`main a[rel="${rel}"]`)?.getAttribute('href'), `${url(n)} ${rel}`).toBe(target);
      }
      expect(
        html.querySelector('main nav[aria-label="Pages de la liste"] [aria-current="page"]')?.textContent,
      ).toContain(String(n));
    }
  });

  test('keeps page 1 at the list’s own URL: no page/1/, no page past the last', () => {
    expect(fileForPath(result.outDir, `${first}page/1/`)).toBeUndefined();
    expect(fileForPath(result.outDir, url(pages + 1))).toBeUndefined();
    expect(page(result.outDir, url(pages)).querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `https://archive.test${url(pages)}`,
    );
  });
});

describe('person and topic pages', () => {
  test.each([[`/personnes/${person}/`], [`/themes/${topic}/`]])(
    '%s stays under 100 KB of HTML however many documents it lists',
    (path) => {
      expect(readFileSync(fileForPath(result.outDir, path)!).byteLength).toBeLessThanOrEqual(100 * 1024);
    },
  );
});

describe('related documents', () => {
  /** The ranking, stated directly: participants, then topics, then place in common; then newest, then id. */
  function relatedBySpec(doc: Doc): string[] {
    const shared = (a: string[], b: string[]) => a.filter((x) => b.includes(x)).length;
    return docs
      .filter((d) => d !== doc)
      .map((d) => ({
        d,
        key: [shared(doc.participants, d.participants), shared(doc.topics, d.topics), doc.place === d.place ? 1 : 0],
      }))
      .filter(({ key }) => key.some((k) => k > 0))
      .sort((a, b) => b.key[0]! - a.key[0]! || b.key[1]! - a.key[1]! || b.key[2]! - a.key[2]!)
      .slice(0, RELATED_LIMIT)
      .map(({ d }) => `/comptes-rendus/${d.id}/`);
  }

  test('each document page shows its closest documents, at most five, in a stable order', () => {
    expect(docs.length).toBeGreaterThan(PAGE_SIZE);
    for (const doc of docs) {
      const related = page(result.outDir, `/comptes-rendus/${doc.id}/`)
        .querySelectorAll('.related a')
        .map((a) => a.getAttribute('href'));
      expect(related, doc.id).toEqual(relatedBySpec(doc));
    }
  });
});

describe('feeds of lists longer than a page', () => {
  test.each([
    ['the archive', '/comptes-rendus/flux.xml', docs],
    [`the person ${person}`, `/personnes/${person}/flux.xml`, [...participations, ...mentions].sort(newestFirst)],
    [`the topic ${topic}`, `/themes/${topic}/flux.xml`, onTopic],
  ] as const)('the feed of %s lists its FEED_SIZE newest documents', (_what, path, expected) => {
    expect(expected.length).toBeGreaterThan(FEED_SIZE);
    const channel = only(parseXml(readFileSync(join(result.outDir, path.slice(1)), 'utf8')), 'channel');
    const links = childrenNamed(channel, 'item').map((item) => only(item, 'link').text);
    expect(links).toEqual(expected.slice(0, FEED_SIZE).map((d) => `https://archive.test/comptes-rendus/${d.id}/`));
  });
});
