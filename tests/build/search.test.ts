/**
 * Full-text search on the built site: the index in parts (one per language and year) that the
 * build writes, searched with the search page's own engine (Pagefind's worker script run in Node,
 * `tests/support/search-worker.ts`), then the `/recherche/` page in Chromium, and the promise that
 * its script is the only JavaScript of the site.
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
import { AxeBuilder } from '@axe-core/playwright';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SearchEngine, type Hit } from '#features/search/client/engine.ts';
import { MANIFEST_FILE, type SearchManifest } from '#features/search/manifest.ts';
import { readPageStats } from '#features/search/pf-meta.ts';
import { snippetOf } from '#features/search/snippets.ts';
import { t } from '#i18n/index.ts';
import { launch, newPage } from '../support/browser.ts';
import { mentionIds, readouts, records, type TestReadout } from '../support/content.ts';
import { htmlFiles, listFiles, page, text } from '../support/dist.ts';
import { nodeWorkers } from '../support/search-worker.ts';
import { serve, type StaticServer } from '../support/server.ts';

const SEED = '2024-05-20-wang-yi-sergei-aleinik';
const docs = readouts();
const seed = docs.find((d) => d.id === SEED)!;
const languageOf = (doc: TestReadout) => doc.data.language;
const route = (doc: TestReadout) => `comptes-rendus/${doc.id}/`;

const recordsOf = (collection: 'people' | 'topics' | 'places') =>
  new Map(records(collection).map((r) => [r.id, r.data]));
const people = recordsOf('people');
const topics = recordsOf('topics');
const places = recordsOf('places');
const nameOf = (data: Record<string, unknown> | undefined) => String(data?.['name'] ?? data?.['label'] ?? '');
/** Whom a document names: its participants and the people it mentions, by id. */
const peopleOf = (doc: TestReadout) => [...doc.data.participants.map((p) => p.person), ...mentionIds(doc)];

/** Everything the index may hold of a document, as words: its file, and the names of the records it names. */
const sourceOf = (doc: TestReadout) =>
  [
    readFileSync(doc.file, 'utf8'),
    ...peopleOf(doc).map((id) => nameOf(people.get(id))),
    ...doc.data.topics.map((id) => nameOf(topics.get(id))),
    nameOf(places.get(doc.data.place ?? '')),
  ]
    .join('\n')
    .toLowerCase();
const sources = new Map(docs.map((doc) => [doc.id, sourceOf(doc)]));
const inAnySource = (words: string) => [...sources.values()].some((s) => s.includes(words.toLowerCase()));

/** Runs of three words of a document's text, each of letters only, as a reader would quote them. */
function phrasesOf(doc: TestReadout): string[] {
  const pattern = /(?<![\p{L}\p{M}’'\-])(\p{L}{3,}) (\p{L}{3,}) (\p{L}{3,})(?![\p{L}\p{M}’'\-])/gu;
  const found: string[] = [];
  for (const line of doc.body.split('\n')) {
    for (let at = 0; at < line.length; at++) {
      pattern.lastIndex = at;
      const m = pattern.exec(line);
      if (!m) break;
      found.push(m.slice(1, 4).join(' '));
      at = m.index;
    }
  }
  return found;
}

/** A phrase of `doc` found in no other document, if there is one. */
const ownPhrase = (doc: TestReadout) =>
  phrasesOf(doc).find((p) =>
    docs.every((other) => other.id === doc.id || !sources.get(other.id)!.includes(p.toLowerCase())),
  );

/** The longest word of the seed's text that the fewest other documents hold: what only it, or few, contain. */
const seedWord = (() => {
  const words = [...new Set(seed.body.match(/\p{L}{6,}/gu) ?? [])];
  const others = (w: string) =>
    docs.filter((d) => d.id !== seed.id && sources.get(d.id)!.includes(w.toLowerCase())).length;
  return words.sort((a, b) => others(a) - others(b) || b.length - a.length)[0]!;
})();

/** A few documents to look for by their own phrase: the seed and the first of each language, and the longest. */
const sampled = [
  seed,
  ...[...new Map(docs.map((d) => [languageOf(d), d])).values()],
  [...docs].sort((a, b) => b.body.length - a.body.length)[0]!,
].filter((d, i, all) => all.indexOf(d) === i);

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
      ...peopleOf(seed).map((id): [string, string, (d: TestReadout) => boolean] => [
        filter.person,
        nameOf(people.get(id)),
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

/** One browser for the file's browser tests. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['at the root', () => inject('distDir'), '/'],
  ['under BASE_PATH', () => inject('distDirBase'), '/archive/'],
])('searching in a browser %s', (_, dist, base) => {
  let server: StaticServer;
  let tab: Page;
  const problems: string[] = [];
  const urlOf = (doc: TestReadout) => `${base}${route(doc)}`;
  const results = () => tab.locator('[data-search-list] > li');

  /** Opens the page (at `query`, an address's `?…`), the browser's problems recorded. */
  const open = async (options: Parameters<typeof newPage>[1] = {}, query = '') => {
    const opened = await newPage(browser, options);
    opened.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    opened.on('pageerror', (e) => problems.push(e.message));
    opened.on('request', (r) => {
      if (!r.url().startsWith(server.origin)) problems.push(`elsewhere: ${r.url()}`);
    });
    opened.on('response', (r) => {
      // The browser's own request for /favicon.ico is not the page's.
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
    });
    await opened.goto(server.url(`${base}recherche/${query}`));
    return opened;
  };
  const searchFor = async (words: string) => {
    await tab.getByLabel(t('search.label')).fill(words);
    await tab.getByLabel(t('search.label')).press('Enter');
    await expect
      .poll(() => tab.locator('[role="status"]').innerText(), { timeout: 30_000 })
      .toContain(`«\u00a0${words}\u00a0»`);
  };

  beforeAll(async () => {
    server = await serve(dist(), base);
    tab = await open();
  });
  afterAll(async () => {
    await tab?.context().close();
    await server?.close();
  });

  test('shows a labelled search field, and no result box or filters before a search', async () => {
    const field = tab.getByLabel(t('search.label'));
    await expect.poll(() => field.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await field.getAttribute('type')).toBe('search');
    expect(await tab.locator('label', { hasText: t('search.label') }).isVisible()).toBe(true);
    expect(await tab.getByText(t('search.hint')).isVisible()).toBe(true);
    expect(await tab.locator('[data-search-outcome]').isVisible()).toBe(false);
    expect(await tab.locator('[data-search-filters]').isVisible()).toBe(false);
    expect(await tab.locator('[role="status"]').innerText()).toBe('');
  });

  test('lists results as the site lists documents: the title a link, the date, the words found marked', async () => {
    await searchFor(seedWord);
    const item = results().filter({ has: tab.locator(`a[href="${urlOf(seed)}"]`) });
    await item.waitFor();
    expect((await item.locator('a').innerText()).trim()).toBe(seed.data.title);
    expect(await item.locator('time').getAttribute('datetime')).toBe(seed.data.date);
    expect(await item.locator('time').innerText()).toBe('20 mai 2024');
    const mark = item.locator('mark').first();
    expect((await mark.innerText()).toLowerCase()).toBe(seedWord.toLowerCase());
    // The excerpt is the document's own words, in its language.
    expect(await item.locator('[lang]').getAttribute('lang')).toBe(languageOf(seed).toLowerCase());
    const look = await mark.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        weight: Number(style.fontWeight),
        background: style.backgroundColor,
        page: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(look.weight).toBeGreaterThanOrEqual(600);
    expect(look.background).not.toBe(look.page);
  });

  test('says how many documents were found, in a live region', async () => {
    const status = tab.locator('[role="status"]');
    const count = await results().count();
    const more = await tab.locator('[data-search-more]').isVisible();
    const said = await status.innerText();
    expect(said).toMatch(/^\d[\d\u202f]*\u00a0documents? trouvés? pour/);
    if (!more) expect(Number(said.match(/^[\d\u202f]+/)![0].replace(/\u202f/g, ''))).toBe(count);
  });

  test('filters by a person, and keeps the words and filters in the address', async () => {
    const person = nameOf(people.get(seed.data.participants[0]!.person));
    await tab
      .locator('[data-search-filters] summary')
      .evaluate((s) => ((s.parentElement as HTMLDetailsElement).open = true));
    await tab.getByLabel(t('search.filter.person'), { exact: true }).selectOption(person);
    await expect
      .poll(() => tab.locator('[role="status"]').innerText(), { timeout: 30_000 })
      .toContain('avec les filtres choisis');
    const hrefs = await results()
      .locator('h3 a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const naming = docs.filter((d) => peopleOf(d).includes(seed.data.participants[0]!.person)).map(urlOf);
    expect(hrefs).toContain(urlOf(seed));
    for (const href of hrefs) expect(naming).toContain(href);
    const address = new URL(tab.url());
    expect(address.searchParams.get('q')).toBe(seedWord);
    expect(address.searchParams.get(t('search.filter.person'))).toBe(person);
  });

  test('runs the search of its address as it opens; shows more results on demand, the focus on the first', async () => {
    // The most common word, and a page of one result: what an archive of thousands does with twenty.
    const counts = new Map<string, number>();
    for (const doc of docs) {
      for (const w of new Set(doc.body.toLowerCase().match(/\p{L}{5,}/gu) ?? []))
        counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    const [word, holding] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    const opened = await newPage(browser);
    try {
      await opened.route('**/recherche/?*', async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/data-page-size="\d+"/, 'data-page-size="1"');
        await route.fulfill({ response, body });
      });
      await opened.goto(server.url(`${base}recherche/?q=${encodeURIComponent(word)}`));
      await opened.locator('[data-search-list] > li a').first().waitFor();
      expect(await opened.getByLabel(t('search.label')).inputValue()).toBe(word);
      expect(await opened.locator('[data-search-list] > li').count()).toBe(1);
      if (holding < 2) return; // An archive of one document has no second result.
      const more = opened.locator('[data-search-more]');
      await more.focus();
      await opened.keyboard.press('Enter');
      await expect.poll(() => opened.locator('[data-search-list] > li').count(), { timeout: 30_000 }).toBe(2);
      const focused = await opened.evaluate(
        () => document.activeElement?.closest('li') === document.querySelectorAll('[data-search-list] > li')[1],
      );
      expect(focused).toBe(true);
    } finally {
      await opened.context().close();
    }
  });

  // The look of the page, once: at the root, on the page the tests above searched and filtered.
  if (base === '/') {
    test('gives every control the site’s focus ring, reached by Tab in order', async () => {
      const field = tab.getByLabel(t('search.label'));
      await field.focus();
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        const ring = await tab.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          const token = getComputedStyle(document.documentElement).getPropertyValue('--focus-width').trim();
          return {
            tag: el.tagName,
            width: style.outlineWidth,
            style: style.outlineStyle,
            token,
            inMain: !!el.closest('main'),
          };
        });
        if (!ring.inMain) break;
        seen.push(ring.tag);
        expect(ring.style, ring.tag).toBe('solid');
        expect(ring.width, ring.tag).toBe(ring.token);
        await tab.keyboard.press('Tab');
      }
      expect(seen).toEqual(expect.arrayContaining(['INPUT', 'BUTTON', 'SUMMARY', 'SELECT', 'A']));
    });

    test('with results and filters, axe finds nothing, in light or in dark', async () => {
      expect(await tab.locator('[data-search-list] > li').count()).toBeGreaterThan(0);
      for (const colorScheme of ['light', 'dark'] as const) {
        await tab.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page: tab })
          .setLegacyMode(true)
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(violations.flatMap((v) => v.nodes.map((n) => `${colorScheme}: ${v.id}: ${n.target.join(' ')}`))).toEqual(
          [],
        );
      }
      await tab.emulateMedia({ colorScheme: 'light' });
    });

    test('at 320 px, shows the words found in each excerpt, and nothing scrolls sideways', async () => {
      await tab.setViewportSize({ width: 320, height: 640 });
      try {
        const marks = await tab.locator('[data-search-list] mark').evaluateAll((els) =>
          els.map((el) => {
            const box = el.getBoundingClientRect();
            return { left: box.left, right: box.right, visible: el.checkVisibility() };
          }),
        );
        expect(marks.length).toBeGreaterThan(0);
        for (const mark of marks) {
          expect(mark.visible).toBe(true);
          expect(mark.left).toBeGreaterThanOrEqual(0);
          expect(mark.right).toBeLessThanOrEqual(320);
        }
        expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      } finally {
        await tab.setViewportSize({ width: 1280, height: 900 });
      }
    });
  }

  test('breaks no rule of the content security policy and loads nothing from elsewhere', () => {
    expect(problems).toEqual([]);
  });
});

describe('without JavaScript in a browser', () => {
  test('the page shows how to browse instead', async () => {
    const server = await serve(inject('distDir'));
    const tab = await newPage(browser, { javaScriptEnabled: false });
    try {
      await tab.goto(server.url('/recherche/'));
      // The browser shows the <noscript> explanation.
      expect(await tab.locator('main').innerText()).toContain(t('search.noScript'));
      expect(await tab.getByRole('searchbox').count()).toBe(0);
      expect(await tab.locator('main a[href="/chronologie/"]').count()).toBeGreaterThan(0);
    } finally {
      await tab.context().close();
      await server.close();
    }
  });
});
