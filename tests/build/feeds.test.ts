/**
 * The RSS feeds of the built site: one for the whole archive, one per person, one per topic;
 * well-formed RSS 2.0 in French, with absolute links and dates that name the document's day.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { SITE_URL } from '../global-setup.ts';
import { archiveOrder, mentionIds, readouts, records } from '../support/content.ts';
import { fileForPath, htmlFiles, listFiles, page } from '../support/dist.ts';
import { childrenNamed, only, parseXml, type XmlElement } from '../support/xml.ts';
import { FEED_SIZE } from '#formats/feeds.ts';

const docs = readouts();
const people = records('people');
const topics = records('topics');

/** RFC 822 as RSS 2.0 asks, with a four-digit year; noon GMT, the archive's convention for a calendar day. */
const RFC822_NOON =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 12:00:00 GMT$/;

/** Document ids in the archive's order: newest first, the accounts of one meeting together. */
const newestFirst = archiveOrder(docs).map((d) => d.id);

/** The feeds a build must hold, with the documents each must list (read from `content/`, not from the site). */
const expected = [
  { path: 'comptes-rendus/flux.xml', page: 'comptes-rendus/', ids: docs.map((d) => d.id) },
  ...people.map((p) => ({
    path: `personnes/${p.id}/flux.xml`,
    page: `personnes/${p.id}/`,
    ids: docs
      .filter((d) => d.data.participants.some((x) => x.person === p.id) || mentionIds(d).includes(p.id))
      .map((d) => d.id),
  })),
  ...topics.map((t) => ({
    path: `themes/${t.id}/flux.xml`,
    page: `themes/${t.id}/`,
    ids: docs.filter((d) => d.data.topics.includes(t.id)).map((d) => d.id),
  })),
];

test('there are documents, people and topics to follow (a suite over nothing proves nothing)', () => {
  expect(docs.length).toBeGreaterThan(0);
  expect(people.length).toBeGreaterThan(0);
  expect(topics.length).toBeGreaterThan(0);
  expect(expected.filter((f) => f.ids.length > 0).length).toBeGreaterThan(1);
});

describe.each([
  ['at the root', 'distDir', '/'],
  ['under BASE_PATH', 'distDirBase', '/archive/'],
] as const)('feeds %s', (_, build, base) => {
  let dist: string;
  beforeAll(() => {
    dist = inject(build);
  });
  const origin = `${SITE_URL}${base}`;
  const channelOf = (path: string) => {
    const rss = parseXml(readFileSync(fileForPath(dist, `${base}${path}`, base)!, 'utf8'));
    expect(rss.name).toBe('rss');
    expect(rss.attributes['version']).toBe('2.0');
    return only(rss, 'channel');
  };

  test('the build holds exactly the expected feeds: the archive, each person, each topic', () => {
    const feeds = listFiles(dist).filter((f) => f.endsWith('flux.xml'));
    expect(feeds).toEqual(expected.map((f) => f.path).sort());
  });

  test.each(expected)('$path is well-formed RSS 2.0, in French, pointing to its page and to itself', (feed) => {
    const channel = channelOf(feed.path);
    for (const name of ['title', 'link', 'description']) expect(only(channel, name).text.trim()).not.toBe('');
    expect(only(channel, 'language').text).toBe('fr');
    expect(only(channel, 'link').text).toBe(`${origin}${feed.page}`);
    const self = only(channel, 'atom:link');
    expect(self.attributes).toMatchObject({ rel: 'self', type: 'application/rss+xml', href: `${origin}${feed.path}` });
  });

  test.each(expected)('$path lists its newest documents, newest first, with absolute links and their day', (feed) => {
    const items = childrenNamed(channelOf(feed.path), 'item');
    const idOf = (item: XmlElement) => only(item, 'link').text.slice(`${origin}comptes-rendus/`.length, -1);
    expect(items.map(idOf)).toEqual(newestFirst.filter((id) => feed.ids.includes(id)).slice(0, FEED_SIZE));
    for (const item of items) {
      const doc = docs.find((d) => d.id === idOf(item))!;
      const link = only(item, 'link').text;
      expect(link).toBe(`${origin}comptes-rendus/${doc.id}/`);
      expect(fileForPath(dist, link.slice(SITE_URL.length), base)).toBeDefined();
      expect(only(item, 'guid').text).toBe(link);
      expect(only(item, 'title').text).toBe(doc.data.title);
      expect(only(item, 'description').text).not.toBe('');
      const pubDate = only(item, 'pubDate').text;
      expect(pubDate).toMatch(RFC822_NOON);
      expect(new Date(pubDate).toISOString().slice(0, 10)).toBe(doc.data.date);
    }
  });

  test('every page announces the archive’s feed; person and topic pages their own too', () => {
    const pages = htmlFiles(dist).filter((f) => f !== '404.html');
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) {
      const path = base + file.replace(/(^|\/)index\.html$/, '$1');
      const alternates = page(dist, path, base)
        .querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
        .map((l) => l.getAttribute('href'));
      expect(alternates, path).toContain(`${base}comptes-rendus/flux.xml`);
      const own = expected.find((f) => f.page !== 'comptes-rendus/' && `${base}${f.page}` === path);
      if (own) expect(alternates, path).toContain(`${base}${own.path}`);
      for (const href of alternates) expect(fileForPath(dist, href!, base), href).toBeDefined();
    }
  });

  test('person and topic pages offer a visible link to follow them', () => {
    for (const feed of expected) {
      const links = page(dist, `${base}${feed.page}`, base).querySelectorAll('main a[type="application/rss+xml"]');
      expect(
        links.map((a) => a.getAttribute('href')),
        feed.page,
      ).toContain(`${base}${feed.path}`);
    }
  });
});
