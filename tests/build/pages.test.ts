import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { htmlFiles, listPages, page, sitemapUrls, text } from '../support/dist.ts';
import { archiveOrder, mentionIds, readouts, records } from '../support/content.ts';
import { root } from '../support/build.ts';

const SITE = 'https://archive.test';
let dist: string;
beforeAll(() => {
  dist = inject('distDir');
});

const docs = readouts();
const seed = readFileSync(join(root, 'tests/fixtures/seeds/000_500df64e896cbe1d.txt'), 'utf8').split('\n');
const seedDoc = docs.find((d) => d.id === '2024-05-20-wang-yi-sergei-aleinik');

test('the archive holds documents and records to check (a suite over nothing proves nothing)', () => {
  expect(docs.length).toBeGreaterThan(0);
  expect(seedDoc).toBeDefined();
  expect(seed).toHaveLength(4);
  for (const c of ['people', 'topics', 'places'] as const) expect(records(c).length).toBeGreaterThan(0);
});

describe('the seed document page', () => {
  const path = `/comptes-rendus/${seedDoc!.id}/`;

  test('reproduces the seed text paragraph by paragraph, character for character', () => {
    const paragraphs = page(dist, path).querySelectorAll('.body p');
    expect(paragraphs.map((p) => p.textContent)).toEqual(seed);
  });

  test('shows its title, and its date as « 20 mai 2024 » in a machine-readable <time>', () => {
    const doc = page(dist, path);
    expect(text(doc.querySelector('h1')!)).toBe(seedDoc!.data.title);
    const time = doc.querySelector('main header time[datetime="2024-05-20"]');
    expect(time && text(time)).toBe('20 mai 2024');
  });

  test('names its place and its occasion', () => {
    const doc = page(dist, path);
    expect(doc.querySelector('a[href="/lieux/astana/"]')).not.toBeNull();
    expect(text(doc.querySelector('#description')!.parentNode!)).toContain(seedDoc!.data.event!);
  });

  test('links every participant with the role the document states', () => {
    const meta = page(dist, path).querySelector('#description')!.parentNode!;
    for (const p of seedDoc!.data.participants) {
      const link = meta.querySelector(`a[href="/personnes/${p.person}/"]`);
      expect(link, p.person).not.toBeNull();
      expect(text(link!.parentNode!)).toContain(p.role);
    }
  });

  test('says the original source is not given, and prints its permanent URL as text', () => {
    const doc = page(dist, path);
    const source = text(doc.querySelector('.source')!);
    expect(source).toContain('n’est pas précisée');
    expect(source).toContain(`${SITE}${path}`);
  });
});

describe.each(docs.map((d) => [d.id, d] as const))('the document %s', (id, doc) => {
  const path = `/comptes-rendus/${id}/`;
  const links = () =>
    page(dist, path)
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'));

  test.each([
    ...doc.data.participants.map((p) => ['participant', `/personnes/${p.person}/`]),
    ...mentionIds(doc).map((m) => ['mentioned person', `/personnes/${m}/`]),
    ...doc.data.topics.map((t) => ['topic', `/themes/${t}/`]),
    ...(doc.data.place === undefined ? [] : [['place', `/lieux/${doc.data.place}/`]]),
  ])('links to its %s %s, whose page exists and links back', (_kind, target) => {
    expect(links()).toContain(target);
    // The record's list, page after page: the newest documents come first.
    const back = listPages(dist, target!).flatMap(({ html }) =>
      html.querySelectorAll('a').map((a) => a.getAttribute('href')),
    );
    expect(back).toContain(path);
  });
});

describe('person pages', () => {
  test.each(docs.flatMap((d) => d.data.participants.map((p) => [p.person, d] as const)))(
    '%s shows the role held in each document with the document’s date',
    (person, doc) => {
      // Each page of the person's list gives the roles of the documents it lists.
      const roles = listPages(dist, `/personnes/${person}/`).map(
        ({ html }) => html.querySelector('#roles')?.parentNode,
      );
      expect(roles.some((r) => r !== undefined && r !== null)).toBe(true);
      const role = doc.data.participants.find((p) => p.person === person)!.role;
      // Several documents may give the same role, or fall on the same day: the item sought has both.
      const item = roles
        .flatMap((r) => r?.querySelectorAll('li') ?? [])
        .find((li) => li.querySelector(`time[datetime="${doc.data.date}"]`) !== null && text(li).includes(role));
      expect(item, `${doc.data.date} : ${role}`).toBeDefined();
    },
  );

  test.each(records('people').map((p) => [p.id, p.data] as const))(
    '%s shows the name and the name in its original script',
    (id, data) => {
      const doc = page(dist, `/personnes/${id}/`);
      expect(text(doc.querySelector('h1')!)).toBe(data['name']);
      if (data['nameOriginal']) {
        const original = doc.querySelector(`[lang="${String(data['nameOriginalLang'])}"]`);
        expect(original && text(original)).toBe(data['nameOriginal']);
      }
    },
  );
});

describe('indexes', () => {
  test('/comptes-rendus/ lists every document, newest first, page after page', () => {
    const hrefs = listPages(dist, '/comptes-rendus/')
      .flatMap(({ html }) => html.querySelectorAll('main a'))
      .map((a) => a.getAttribute('href'))
      .filter((h) => /^\/comptes-rendus\/[^/]+\/$/.test(h ?? ''));
    const expected = archiveOrder(docs).map((d) => `/comptes-rendus/${d.id}/`);
    expect(hrefs).toEqual(expected);
  });

  test.each([
    ['/personnes/', 'people', 'personnes'],
    ['/themes/', 'topics', 'themes'],
    ['/lieux/', 'places', 'lieux'],
  ] as const)('%s lists every record of %s', (path, collection, segment) => {
    const hrefs = new Set(
      page(dist, path)
        .querySelectorAll('main a')
        .map((a) => a.getAttribute('href')),
    );
    const ids = records(collection).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(hrefs, id).toContain(`/${segment}/${id}/`);
  });

  test('/themes/ gives each topic its number of documents', () => {
    const index = page(dist, '/themes/');
    for (const topic of records('topics')) {
      const count = docs.filter((d) => d.data.topics.includes(topic.id)).length;
      const item = index.querySelector(`a[href="/themes/${topic.id}/"]`)!.parentNode;
      expect(text(item!)).toContain(`${count} document${count > 1 ? 's' : ''}`);
    }
  });

  test('the home page lists the latest document', () => {
    const newest = archiveOrder(docs)[0]!;
    expect(
      page(dist, '/')
        .querySelectorAll('main a')
        .map((a) => a.getAttribute('href')),
    ).toContain(`/comptes-rendus/${newest.id}/`);
  });
});

describe('every page', () => {
  const pages = () => htmlFiles(dist);

  test('is in French and names its canonical URL (the 404 page has none)', () => {
    expect(pages().length).toBeGreaterThan(5);
    for (const file of pages()) {
      const html = page(dist, `/${file}`);
      expect(html.querySelector('html')?.getAttribute('lang'), file).toBe('fr');
      const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (file === '404.html') expect(canonical).toBeUndefined();
      else expect(canonical, file).toBe(`${SITE}/${file.replace(/index\.html$/, '')}`);
    }
  });

  test('is listed in the sitemap, and the sitemap lists only pages that exist', () => {
    const listed = sitemapUrls(dist);
    const expected = pages()
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `${SITE}/${f.replace(/index\.html$/, '')}`);
    expect(expected.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual([...expected].sort());
  });

  test('a heading and the count after it are words apart, on screen and for a screen reader', () => {
    const counted = pages().flatMap((file) =>
      page(dist, `/${file}`)
        .querySelectorAll('h2')
        .filter((h2) => h2.querySelector('.count'))
        .map((h2) => [file, h2.textContent] as const),
    );
    expect(counted.length).toBeGreaterThan(0);
    for (const [file, heading] of counted) expect(heading, file).toMatch(/[^\s(] \(/);
  });

  test('robots.txt points to the sitemap by its absolute URL', () => {
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });
});

describe('under BASE_PATH=/archive/', () => {
  test('every internal link and asset starts with the base path', () => {
    const distBase = inject('distDirBase');
    const files = htmlFiles(distBase);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const html = page(distBase, `/archive/${file}`, '/archive/');
      const urls = html
        .querySelectorAll('[href], [src]')
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
        .filter((u) => u.startsWith('/'));
      for (const url of urls) expect(url, `${file}: ${url}`).toMatch(/^\/archive\//);
    }
  });

  test('canonical URLs carry the base path', () => {
    const html = page(inject('distDirBase'), `/archive/comptes-rendus/${seedDoc!.id}/`, '/archive/');
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${SITE}/archive/comptes-rendus/${seedDoc!.id}/`,
    );
  });
});
