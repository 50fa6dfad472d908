/**
 * Full-text search on the built site: the index in parts (one per language and year) that the
 * build writes, searched with the search page's own engine (Pagefind's worker script run in Node,
 * `tests/support/search-worker.ts`), and the promise that the search page's script is the only
 * JavaScript of the site. The page itself, in a browser, is `tests/e2e/search.test.ts`.
 *
 * Every expectation comes from the content built, so that the file holds on any valid archive: a
 * document is found by a phrase of its own text, a filter keeps the documents that name its
 * value, what a page leaves out of the index is read from the page. The ranking of the parts
 * against one index of the same pages is checked on the built pages, and at length on a
 * synthetic archive in `tests/unit/features/search.test.ts`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SearchEngine, type Hit } from '#features/search/client/engine.ts';
import { MANIFEST_FILE, type SearchManifest } from '#features/search/manifest.ts';
import { readPageStats } from '#features/search/pf-meta.ts';
import { snippetOf } from '#features/search/snippets.ts';
import { t } from '#i18n/index.ts';
import type { TestReadout } from '../support/content.ts';
import { htmlFiles, listFiles, page, text } from '../support/dist.ts';
import {
  docs,
  inAnySource,
  languageOf,
  nameOf,
  ownPhrase,
  people,
  peopleOf,
  phrasesOf,
  places,
  route,
  sampled,
  seed,
  seedWord,
  topics,
} from '../support/search-content.ts';
import { nodeWorkers } from '../support/search-worker.ts';
import { serve, type StaticServer } from '../support/server.ts';

const openEngine = (server: StaticServer, base: string, folder = 'pagefind') =>
  SearchEngine.open({
    bundle: `${base}${folder}/`,
    base,
    startWorker: nodeWorkers(server.origin),
    fetch: (url) => fetch(server.url(url)),
  });
const urlsOf = (hits: readonly Hit[]) => Promise.all(hits.map(async (h) => (await h.fragment()).url));

test('the archive holds the seed, and documents to search', () => {
  expect(seed).toBeDefined();
  expect(seedWord.length).toBeGreaterThanOrEqual(6);
});

describe.each([
  ['at the root', () => inject('distDir'), '/'],
  ['under BASE_PATH', () => inject('distDirBase'), '/archive/'],
])('the search index %s', (_, dist, base) => {
  let server: StaticServer;
  let engine: SearchEngine;
  const search = async (term: string | null, filters?: Record<string, string>) =>
    (await engine.search(term, filters)).hits;
  const urlOf = (doc: TestReadout) => `${base}${route(doc)}`;

  beforeAll(async () => {
    server = await serve(dist(), base);
    engine = await openEngine(server, base);
  });
  afterAll(async () => {
    engine?.close();
    await server?.close();
  });

  test('holds every document once, in the part of its language and year, and nothing else', async () => {
    const manifest = JSON.parse(readFileSync(join(dist(), 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest;
    expect(manifest.parts.reduce((sum, p) => sum + p.pages, 0)).toBe(docs.length);
    const hits = await search(null);
    const urls = await urlsOf(hits);
    expect([...urls].sort()).toEqual(docs.map(urlOf).sort());
    hits.forEach((hit, i) => {
      const doc = docs.find((d) => urlOf(d) === urls[i])!;
      expect([hit.part.language, hit.part.year], doc.id).toEqual([
        languageOf(doc).toLowerCase(),
        doc.data.date.slice(0, 4),
      ]);
    });
  });

  test('counts each part’s pages and words as its own metadata says', () => {
    const folder = join(dist(), 'pagefind');
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as SearchManifest;
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(manifest.parts.map((p) => p.key).sort());
    for (const part of manifest.parts) {
      const meta = readPageStats(readFileSync(join(folder, `pagefind.${entry.languages[part.key]!.hash}.pf_meta`)));
      expect(meta).toEqual({ pages: part.pages, words: part.words });
    }
  });

  test.each(sampled.map((d) => [d.id, d] as const))('finds %s by a phrase of its own text', async (_, doc) => {
    const phrase = ownPhrase(doc) ?? phrasesOf(doc)[0];
    if (phrase === undefined) return; // A text without spaces between its words (Chinese, say) has no such phrase.
    expect(await urlsOf(await search(`"${phrase}"`))).toContain(urlOf(doc));
  });

  test('finds a French document by a word of its text in another form (French stemming)', async () => {
    // « a rencontré » → « rencontrer »: the same stem, a form no document holds.
    const query = [...new Set(seed.body.match(/(?<!\p{L})\p{L}{4,}é(?!\p{L})/gu) ?? [])]
      .map((word) => `${word.slice(0, -1)}er`.toLowerCase())
      .find((form) => !inAnySource(form));
    expect(query).toBeDefined();
    expect(await urlsOf(await search(query!))).toContain(urlOf(seed));
  });

  const english = docs.filter((d) => languageOf(d).split('-')[0] === 'en');
  test.skipIf(english.length === 0)('finds an English document by an English inflection of its words', async () => {
    // « discussed » → « discussing »: the same English stem, a word no document holds.
    const cases = english.flatMap((doc) =>
      [...new Set(doc.body.match(/(?<!\p{L})\p{L}{4,}ed(?!\p{L})/gu) ?? [])]
        .map((word) => ({ doc, query: `${word.slice(0, -2)}ing`.toLowerCase() }))
        .filter(({ query }) => !inAnySource(query)),
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const { doc, query } of cases.slice(0, 3))
      expect(await urlsOf(await search(query)), query).toContain(urlOf(doc));
  });

  test('gives a result its title, its date and an excerpt marking the words found', async () => {
    const hits = await search(seedWord);
    const fragments = await Promise.all(hits.map((h) => h.fragment()));
    const result = fragments.find((f) => f.url === urlOf(seed));
    expect(result?.meta['title']).toBe(seed.data.title);
    expect(result?.meta['datetime']).toBe(seed.data.date);
    expect(result?.meta['date']).toBe('20 mai 2024');
    expect(result?.excerpt.toLowerCase()).toContain(`<mark>${seedWord.toLowerCase()}</mark>`);
  });

  test('finds a document by a word found only in its description (a topic’s label)', async () => {
    const body = seed.body.toLowerCase();
    const word = seed.data.topics
      .flatMap((id) => nameOf(topics.get(id)).match(/\p{L}{5,}/gu) ?? [])
      .find((w) => !body.includes(w.toLowerCase()));
    expect(word).toBeDefined();
    expect(await urlsOf(await search(word!))).toContain(urlOf(seed));
  });

  test('leaves out what the page shows around the document: footer, navigation, citation block', async () => {
    const built = page(dist(), `${base}${route(seed)}`, base);
    const regions = [
      built.querySelector('footer'),
      built.querySelector('nav'),
      ...built.querySelectorAll('main section').filter((s) => !s.querySelector('[data-pagefind-body]')),
    ].filter((el) => el !== null);
    // In each region, two words in a row that no document's text or records hold.
    const pairs = regions.flatMap((region) => {
      const words = text(region).match(/\p{L}{4,}(?: \p{L}{4,})/gu) ?? [];
      const pair = words.find((w) => !inAnySource(w));
      return pair ? [pair] : [];
    });
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    for (const pair of pairs) expect(await search(`"${pair}"`), pair).toEqual([]);
  });

  test('names every person in its manifest, with how many documents name them, and none in the documents’ entries', () => {
    const count = (id: string) => docs.filter((d) => peopleOf(d).includes(id)).length;
    const byId = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);
    const expected = [...people.keys()].map((id) => [id, nameOf(people.get(id)), count(id)]).sort(byId);
    expect(engine.manifest.people.map(([id, name, , n]) => [id, name, n]).sort(byId)).toEqual(expected);
    // The person filter holds ids, out of the words Pagefind indexes: a rename changes no part.
    const entry = page(dist(), `${base}${route(seed)}`, base).querySelector('[data-pagefind-body][hidden]')!;
    const filtered = entry.querySelectorAll(`[data-pagefind-filter="${t('search.filter.person')}"]`);
    expect(filtered.map((p) => p.textContent).sort()).toEqual([...new Set(peopleOf(seed))].sort());
    for (const p of filtered) expect(p.closest('[data-pagefind-ignore]')).not.toBeNull();
  });

  test('filters by person, topic, place, year, form and language, with the names readers know', async () => {
    const filter = {
      person: t('search.filter.person'),
      topic: t('search.filter.topic'),
      place: t('search.filter.place'),
      year: t('search.filter.year'),
      language: t('search.filter.language'),
    };
    const languageName = new Intl.DisplayNames('fr', { type: 'language' }).of(languageOf(seed))!;
    const cases: [string, string, (d: TestReadout) => boolean][] = [
      // A person by id: the search page shows the name (`tests/e2e/search.test.ts`).
      ...peopleOf(seed).map((id): [string, string, (d: TestReadout) => boolean] => [
        filter.person,
        id,
        (d) => peopleOf(d).includes(id),
      ]),
      ...seed.data.topics.map((id): [string, string, (d: TestReadout) => boolean] => [
        filter.topic,
        nameOf(topics.get(id)),
        (d) => d.data.topics.includes(id),
      ]),
      [filter.place, nameOf(places.get(seed.data.place!)), (d) => d.data.place === seed.data.place],
      [filter.year, seed.data.date.slice(0, 4), (d) => d.data.date.startsWith(seed.data.date.slice(0, 4))],
      [filter.language, languageName, (d) => languageOf(d) === languageOf(seed)],
    ];
    for (const [name, value, holds] of cases) {
      const urls = await urlsOf(await search(null, { [name]: value }));
      expect([...urls].sort(), `${name} : ${value}`).toEqual(docs.filter(holds).map(urlOf).sort());
    }
    expect(await search(null, { [filter.year]: '1999' })).toEqual([]);
  });
});

describe('the parts of the built index', () => {
  let work: string;
  let server: StaticServer;
  let site: StaticServer;
  let parts: SearchEngine;
  let one: SearchEngine;

  // One index per language (as Pagefind writes a site), of the same pages, for reference.
  beforeAll(async () => {
    const dist = inject('distDir');
    work = mkdtempSync(join(tmpdir(), 'readout-archive-one-index-'));
    const folder = join(work, 'one');
    const { index } = await pagefind.createIndex({});
    for (const doc of docs) {
      const file = `${route(doc)}index.html`;
      await index!.addHTMLFile({ sourcePath: file, content: snippetOf(readFileSync(join(dist, file), 'utf8')) });
    }
    await index!.writeFiles({ outputPath: folder });
    await pagefind.close();
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
      version: string;
      languages: Record<string, { hash: string; wasm: string | null }>;
    };
    const manifest: SearchManifest = {
      version: entry.version,
      tag: 'one',
      parts: Object.entries(entry.languages).map(([language, { hash, wasm }]) => ({
        key: language,
        language,
        year: '',
        wasm: wasm ?? 'unknown',
        ...readPageStats(readFileSync(join(folder, `pagefind.${hash}.pf_meta`))),
      })),
      people: [],
    };
    writeFileSync(join(folder, MANIFEST_FILE), JSON.stringify(manifest));
    writeFileSync(join(work, '404.html'), '');
    server = await serve(work);
    one = await openEngine(server, '/', 'one');
    site = await serve(dist);
    parts = await openEngine(site, '/');
  });
  afterAll(async () => {
    parts?.close();
    one?.close();
    await server?.close();
    await site?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('rank the pages found as one index of each language ranks them, all languages together', async () => {
    // Each document's own word, and the words most documents share.
    const counts = new Map<string, number>();
    for (const doc of docs)
      for (const w of new Set(doc.body.toLowerCase().match(/\p{L}{4,}/gu) ?? []))
        counts.set(w, (counts.get(w) ?? 0) + 1);
    const common = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 6)
      .map(([w]) => w);
    const queries = [
      ...common,
      `${common[0]} ${common[1]}`,
      seedWord,
      ...sampled.map((d) => ownPhrase(d)?.split(' ')[0] ?? ''),
    ];
    // Pages of equal score may come in either order.
    const ranked = (hits: readonly Hit[]) =>
      hits.map((h) => ({ id: h.id, score: h.score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    for (const query of queries.filter(Boolean)) {
      const ours = ranked((await parts.search(query)).hits);
      const theirs = ranked((await one.search(query)).hits);
      expect(
        ours.map((h) => h.id),
        query,
      ).toEqual(theirs.map((h) => h.id));
      ours.forEach((hit, i) => expect(hit.score).toBeCloseTo(theirs[i]!.score, 5));
    }
  });
});

describe('the /recherche/ page', () => {
  test.each([
    [() => inject('distDir'), '/'],
    [() => inject('distDirBase'), '/archive/'],
  ])('loads its script from the site itself, and tells it where the index is (%#)', (dist, base) => {
    const html = page(dist(), `${base}recherche/`, base);
    const script = html.querySelector('script[src]');
    expect(script?.getAttribute('type')).toBe('module');
    expect(script?.getAttribute('src')).toMatch(new RegExp(`^${base}_astro/[^/]+\\.js$`));
    const root = html.querySelector('[data-search]')!;
    expect(root.getAttribute('data-bundle')).toBe(`${base}pagefind/`);
    expect(root.getAttribute('data-base')).toBe(base);
    const files = listFiles(dist());
    expect(files).toContain(script!.getAttribute('src')!.slice(base.length));
    for (const file of ['pagefind-worker.js', 'pagefind-entry.json', MANIFEST_FILE])
      expect(files).toContain(`pagefind/${file}`);
  });

  test('without JavaScript, keeps the form hidden, explains how to browse and links to every index', () => {
    const html = page(inject('distDir'), '/recherche/');
    expect(html.querySelector('[data-search]')?.hasAttribute('hidden')).toBe(true);
    expect(text(html.querySelector('noscript')!)).toContain('JavaScript');
    const links = html.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const index of ['/comptes-rendus/', '/chronologie/', '/personnes/', '/themes/', '/lieux/']) {
      expect(links).toContain(index);
    }
  });

  test('allows, in its content security policy, exactly what the search needs from the site itself', () => {
    const csp = page(inject('distDir'), '/recherche/')
      .querySelector('meta[http-equiv="content-security-policy"]')
      ?.getAttribute('content');
    // Absent when the site sends no policy; when it does, this page must allow the search.
    if (csp === undefined) return;
    const directive = (name: string) => csp.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toContain("'self'");
    expect(directive('script-src')).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/https?:/);
  });
});

describe('JavaScript on the site', () => {
  const executable = (type: string | undefined) =>
    type === undefined || type === '' || type === 'module' || /javascript|ecmascript/i.test(type);

  test.each([
    ['at the root', () => inject('distDir'), '/'],
    ['under BASE_PATH', () => inject('distDirBase'), '/archive/'],
  ])('%s, runs on /recherche/ only: its script and Pagefind’s worker', (_, dist, base) => {
    const pages = htmlFiles(dist());
    expect(pages.length).toBeGreaterThan(5);
    const withScripts = pages.filter((file) =>
      page(dist(), `/${file}`)
        .querySelectorAll('script')
        .some((s) => executable(s.getAttribute('type'))),
    );
    expect(withScripts).toEqual(['recherche/index.html']);
    const script = page(dist(), `${base}recherche/`, base).querySelector('script[src]')!.getAttribute('src')!;
    expect(listFiles(dist()).filter((f) => /\.m?js$/.test(f))).toEqual(
      [script.slice(base.length), 'pagefind/pagefind-worker.js'].sort(),
    );
  });
});
