/**
 * The search index in parts, without building the site: fictional snippets, as the build gives
 * Pagefind each document page (`src/features/search/snippets.ts`), written by the build's own
 * code (`parts.ts`) into parts by language and year, then searched with the search page's engine
 * (`client/engine.ts`, Pagefind's worker script run in Node). Checked here: each language's
 * stemming, the ranking of the parts against one index of the same pages, and a change that
 * writes only its part again. And the arithmetic of ranking (`client/rank.ts`), row by row.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SearchEngine, type Hit } from '#features/search/client/engine.ts';
import {
  fallbackParts,
  idf,
  pagesWithTerm,
  rankAsOne,
  RANKING_OPTIONS,
  termFrequency,
} from '#features/search/client/rank.ts';
import { MANIFEST_FILE, type PersonName, type SearchManifest } from '#features/search/manifest.ts';
import { assembleBundle, groupByPart, indexParts, writePart, writeParts } from '#features/search/parts.ts';
import { listFiles } from '#features/site-files.ts';
import { readPageStats } from '#features/search/pf-meta.ts';
import { describe as describeSnippet, type SearchSnippet } from '#features/search/snippets.ts';
import { root } from '../../support/build.ts';
import { nodeWorkers, pagefindWorker } from '../../support/search-worker.ts';
import { serve, type StaticServer } from '../../support/server.ts';

describe('the arithmetic of ranking', () => {
  test.each([
    [1, 1],
    [7, 3],
    [1000, 1],
    [1000, 999],
    [10_000, 1],
    [10_000, 4_001],
    [10_000, 10_000],
    [50_000, 17],
  ])('a term in %i pages of which %i hold it: its rarity gives back how many hold it', (pages, holding) => {
    expect(pagesWithTerm(pages, idf(pages, holding))).toBe(holding);
  });

  test('rarity falls as more pages hold the term, and is 32-bit, as Pagefind computes it', () => {
    expect(idf(100, 1)).toBeGreaterThan(idf(100, 50));
    expect(idf(100, 50)).toBeGreaterThan(idf(100, 100));
    expect(idf(100, 7)).toBe(Math.fround(idf(100, 7)));
  });

  test('a word counts more on a short page than on a long one, and its weight saturates', () => {
    expect(termFrequency(2, 1, 50, 100)).toBeGreaterThan(termFrequency(2, 1, 200, 100));
    expect(termFrequency(40, 1, 100, 100) - termFrequency(20, 1, 100, 100)).toBeLessThan(
      termFrequency(2, 1, 100, 100) - termFrequency(1, 1, 100, 100),
    );
  });

  test('a part that falls back to a beginning of the word is left out where another part of its language holds the word', () => {
    const part = (language: string, found: string) => ({
      stats: { pages: 10, words: 100, language },
      response: {
        results: [
          {
            id: `${language}-${found}`,
            score: 1,
            words: [0],
            data: found,
            params: { document_length: 10, average_page_length: 10, total_pages: 10 },
            scores: [
              {
                search_term: found,
                score: 1,
                params: { weighted_term_frequency: 1, pages_containing_term: 1, length_bonus: 0 },
              },
            ],
          },
        ],
        unfilteredResultCount: 1,
        filters: {},
        totalFilters: {},
        query_term_idfs: [{ term: 'avec', idf: idf(10, 1) }],
      },
    });
    // « avec » in the first part; the second holds only « a »; the third is another language.
    const parts = [part('fr', 'avec'), part('fr', 'a'), part('it', 'a'), part('fr', 'avecs')];
    expect([...fallbackParts(parts)]).toEqual([1]);
    expect(rankAsOne(parts, fallbackParts(parts)).map((r) => r.result.id)).not.toContain('fr-a');
    // Where no part holds the word, one index falls back to the longest beginning any part holds.
    expect([...fallbackParts([part('fr', 'a'), part('fr', 'av')])]).toEqual([0]);
    expect([...fallbackParts([part('fr', 'av'), part('fr', 'av')])]).toEqual([]);
  });

  test('results of equal score keep the order of their parts', () => {
    const result = (id: string) => ({ id, score: 1, words: [], data: id });
    const response = (ids: string[]) => ({
      results: ids.map(result),
      unfilteredResultCount: ids.length,
      filters: {},
      totalFilters: {},
    });
    const ranked = rankAsOne(
      [
        { stats: { pages: 2, words: 20 }, response: response(['a', 'b']) },
        { stats: { pages: 1, words: 10 }, response: response(['c']) },
      ],
      new Set(),
    );
    expect(ranked.map((r) => r.result.id)).toEqual(['a', 'b', 'c']);
  });
});

/** Deterministic numbers in [0, 1): the same fictional archive on every run. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** French words, some with accents and several forms each, some common and some rare. */
const vocabulary = (
  'coopération rencontre rencontré rencontres ministre ministres échange échanges énergie sécurité commerce ' +
  'commercial paix frontière frontières dialogue stratégique partenariat économie économique culture culturel ' +
  'étudiants investissement investissements agriculture santé climat eau pêche'
).split(' ');

/** A snippet as the build keeps it, from its HTML. */
const fromHtml = (route: string, html: string): SearchSnippet => ({
  route,
  ...describeSnippet(route, html),
  readHtml: () => html,
});

function snippet(route: string, language: string, date: string, title: string, text: string): SearchSnippet {
  const html =
    `<html lang="${language}"><body><header data-pagefind-body><h1>${title}</h1></header>` +
    `<div data-pagefind-body><p>${text}</p></div>` +
    `<div hidden data-pagefind-body><p data-pagefind-meta="datetime">${date}</p>` +
    `<p data-pagefind-filter="Année">${date.slice(0, 4)}</p></div></body></html>`;
  return fromHtml(route, html);
}

/** Forty-five French documents over three years, short and long, their words drawn unevenly. */
function frenchArchive(): SearchSnippet[] {
  const random = numbers(20240520);
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
  return Array.from({ length: 45 }, (_, i) => {
    const year = 2021 + (i % 3);
    // Long texts in 2023, short ones in 2021: each part has its own average length.
    const length = 15 + Math.floor(random() * (year === 2023 ? 400 : year === 2022 ? 120 : 40));
    const words = Array.from({ length }, word).join(' ');
    const title = Array.from({ length: 3 + (i % 4) }, word).join(' ');
    return snippet(`comptes-rendus/doc-${i}/index.html`, 'fr', `${year}-0${1 + (i % 9)}-1${i % 10}`, title, words);
  });
}

/** Fictional texts in English and Russian, and in French, written for these tests. */
const otherLanguages = [
  snippet(
    'comptes-rendus/en-1/index.html',
    'en',
    '2022-04-02',
    'Entretien à Genève',
    'The ministers discussed fisheries, hoped for progress and visited the harbour.',
  ),
  snippet(
    'comptes-rendus/ru-1/index.html',
    'ru',
    '2022-05-03',
    'Appel téléphonique',
    'Стороны провели переговоры о сотрудничестве в области рыболовства.',
  ),
  snippet(
    'comptes-rendus/fr-1/index.html',
    'fr',
    '2022-06-04',
    'Rencontre à Astana',
    'Le ministre a rencontré son homologue et ils ont salué leur coopération.',
  ),
];

let work: string;
let server: StaticServer;

/** A site holding an index written by the build's own code from `snippets`, at `/<name>/pagefind/`. */
async function writeSite(
  name: string,
  snippets: SearchSnippet[],
  partPages?: number,
): Promise<{ written: number; manifest: SearchManifest }> {
  const { parts, written } = await indexParts(snippets, {
    cacheRoot: join(work, 'cache', name),
    pagefindPackage: join(root, 'node_modules', 'pagefind', 'package.json'),
    partPages,
  });
  const folder = join(work, 'site', name, 'pagefind');
  rmSync(folder, { recursive: true, force: true });
  return { written, manifest: assembleBundle(parts, folder, PEOPLE) };
}

/** The people the sites' manifests name (`src/features/search/people.ts`). */
const PEOPLE: PersonName[] = [['anna-fictive', 'Anna Fictive', ['Анна Фиктивная'], 2]];

/** One Pagefind index of every page of `snippets` (one per language, as Pagefind writes it), at `/<name>/`. */
async function writeOneIndex(name: string, snippets: SearchSnippet[]): Promise<void> {
  const { index } = await pagefind.createIndex({});
  for (const s of snippets) await index!.addHTMLFile({ sourcePath: s.route, content: s.readHtml() });
  await index!.writeFiles({ outputPath: join(work, 'site', name) });
}

/**
 * The French archive written twice into one cache, its part of 2022 made, in between, to hold a
 * file name that its part of 2023 (written before it) holds: Pagefind names a fragment by seven
 * digits of its hash, unique within one index only. Returns what the second writing did.
 */
async function writeSaltedSite(): Promise<{ written: number; manifest: SearchManifest }> {
  const archive = frenchArchive();
  const { parts } = await indexParts(archive, {
    cacheRoot: join(work, 'cache', 'salted'),
    pagefindPackage: join(root, 'node_modules', 'pagefind', 'package.json'),
  });
  const folderOf = (year: string) => parts.find((p) => p.part.year === year)!.folder;
  const taken = readdirSync(join(folderOf('2023'), 'fragment'))[0]!;
  writeFileSync(join(folderOf('2022'), 'fragment', taken), 'collision');
  return writeSite('salted', archive);
}

let saltedSite: { written: number; manifest: SearchManifest } | undefined;

const openEngine = (name: string) =>
  SearchEngine.open({
    bundle: `/${name}/pagefind/`,
    base: '/',
    startWorker: nodeWorkers(server.origin),
    fetch: (url) => fetch(server.url(url)),
  });

const urls = async (hits: Hit[]) => Promise.all(hits.map(async (h) => (await h.fragment()).url));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'readout-archive-search-'));
  mkdirSync(join(work, 'site'), { recursive: true });
  writeFileSync(join(work, 'site', '404.html'), '<!doctype html><title>404</title>');
  await writeSite('languages', otherLanguages);
  await writeSite('french', frenchArchive());
  // Parts of at most five pages: each year of fifteen divided into runs of months.
  await writeSite('french-months', frenchArchive(), 5);
  await writeOneIndex('french-one', frenchArchive());
  saltedSite = await writeSaltedSite();
  await writeSite('plain', frenchArchive());
  // The English text indexed as if it were French: what the archive did before.
  await writeSite('english-as-french', [
    fromHtml(otherLanguages[0]!.route, otherLanguages[0]!.readHtml().replace('lang="en"', 'lang="fr"')),
  ]);
  await pagefind.close();
  server = await serve(join(work, 'site'));
});

afterAll(async () => {
  await server?.close();
  await pagefind.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('an index in parts by language and year', () => {
  test('puts each text in the part of its language and year, and counts its words', () => {
    const manifest = JSON.parse(
      readFileSync(join(work, 'site', 'languages', 'pagefind', MANIFEST_FILE), 'utf8'),
    ) as SearchManifest;
    expect(manifest.parts.map((p) => [p.key, p.language, p.year, p.wasm, p.pages])).toEqual([
      ['en-x-2022', 'en', '2022', 'en', 1],
      ['fr-x-2022', 'fr', '2022', 'fr', 1],
      ['ru-x-2022', 'ru', '2022', 'ru', 1],
    ]);
    expect(manifest.people).toEqual(PEOPLE);
    const entry = JSON.parse(
      readFileSync(join(work, 'site', 'languages', 'pagefind', 'pagefind-entry.json'), 'utf8'),
    ) as {
      languages: Record<string, { hash: string }>;
    };
    for (const part of manifest.parts) {
      const meta = readFileSync(
        join(work, 'site', 'languages', 'pagefind', `pagefind.${entry.languages[part.key]!.hash}.pf_meta`),
      );
      expect(readPageStats(meta)).toEqual({ pages: 1, words: part.words });
      expect(part.words).toBeGreaterThan(10);
    }
  });

  test.each([
    ['an English word, inflected, in the English text', 'discussing', 'en-1'],
    ['another English inflection', 'visiting', 'en-1'],
    ['a French word in another form, in the French text', 'rencontrer', 'fr-1'],
    ['a Russian word in another case, in the Russian text', 'переговорах', 'ru-1'],
  ])('finds %s, from one field, whatever the language', async (_, words, id) => {
    const engine = await openEngine('languages');
    try {
      expect(await urls((await engine.search(words)).hits)).toContain(`/comptes-rendus/${id}/`);
    } finally {
      engine.close();
    }
  });

  test('an English text indexed as French is not found by its English inflections (what the test above guards)', async () => {
    const engine = await openEngine('english-as-french');
    try {
      expect((await engine.search('discussing')).hits).toEqual([]);
      expect((await engine.search('visiting')).hits).toEqual([]);
    } finally {
      engine.close();
    }
  });
});

describe.each([
  { site: 'french', parts: ['fr-x-2023', 'fr-x-2022', 'fr-x-2021'] },
  {
    // 2023's pages are in March, June and September: thirds of the year hold five each.
    site: 'french-months',
    parts: [
      ...['09-12', '05-08', '01-04'].map((m) => `fr-x-2023-${m}`),
      ...['2022', '2021'].flatMap((y) => ['07-09', '04-06', '01-03'].map((m) => `fr-x-${y}-${m}`)),
    ],
  },
])('the parts of a French archive over three years ($site)', ({ site, parts: keys }) => {
  const queries = [
    ...vocabulary,
    'echange',
    'cooperation',
    'comm',
    'ministre paix',
    'sécurité frontière',
    'rencontre économie culture',
    '"ministre paix"',
  ];
  let engine: SearchEngine;
  let one: ReturnType<typeof pagefindWorker>;
  let parts: ReturnType<typeof pagefindWorker>;
  let manifest: SearchManifest;

  beforeAll(async () => {
    engine = await openEngine(site);
    manifest = engine.manifest;
    one = pagefindWorker(nodeWorkers(server.origin)('/french-one/pagefind-worker.js'));
    // Searched as Pagefind searches one index, with the site's ranking options.
    await one.call('one', 'init', { basePath: '/french-one/', baseUrl: '/', language: 'fr', ranking: RANKING_OPTIONS });
    parts = pagefindWorker(nodeWorkers(server.origin)(`/${site}/pagefind/pagefind-worker.js`));
    for (const [i, part] of manifest.parts.entries()) {
      const init = { basePath: `/${site}/pagefind/`, baseUrl: '/', language: part.key, ranking: RANKING_OPTIONS };
      await parts.call(part.key, 'init', init);
      // The first part loads the worker's WebAssembly: the others must wait for it.
      if (i === 0) await parts.call(part.key, 'filters');
    }
  });
  afterAll(() => {
    engine?.close();
    one?.close();
    parts?.close();
  });

  test('are its years, or runs of their months, the years of unequal average length', () => {
    expect(manifest.parts.map((p) => p.key)).toEqual(keys);
    expect(manifest.parts.reduce((sum, p) => sum + p.pages, 0)).toBe(45);
    const averages = ['2023', '2022', '2021'].map((year) => {
      const of = manifest.parts.filter((p) => p.year === year);
      return of.reduce((sum, p) => sum + p.words, 0) / of.reduce((sum, p) => sum + p.pages, 0);
    });
    expect(new Set(averages.map(Math.round)).size).toBe(3);
  });

  test.each(queries)('rank the pages found for « %s » as one index of the same pages does', async (query) => {
    type Native = { results: { id: string; score: number }[] };
    const reference = (await one.call<Native>('one', 'search', query, {})).results;
    const { hits } = await engine.search(query);
    expect(hits.length).toBe(reference.length);
    const byScore = (list: { id: string; score: number }[]) =>
      [...list].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const ours = byScore(hits.map((h) => ({ id: h.id, score: h.score })));
    const theirs = byScore(reference);
    ours.forEach((hit, i) => {
      expect(hit.id).toBe(theirs[i]!.id);
      expect(hit.score).toBeCloseTo(theirs[i]!.score, 5);
    });
  });

  test('would not, merged as Pagefind merges indexes (by each part’s own scores)', async () => {
    type Native = { results: { id: string; score: number }[] };
    let differ = 0;
    for (const query of queries) {
      const reference = (await one.call<Native>('one', 'search', query, {})).results.map((r) => r.id);
      const merged = (await Promise.all(manifest.parts.map((p) => parts.call<Native>(p.key, 'search', query, {}))))
        .flatMap((r) => r.results)
        .sort((a, b) => b.score - a.score)
        .map((r) => r.id);
      if (merged.join() !== reference.join()) differ++;
    }
    expect(differ).toBeGreaterThan(0);
  });
});

describe('the parts of a French archive over three years, written', () => {
  test.each([
    ['french', undefined],
    ['french-months', 5],
  ])('a change writes again only the part of the page that changed (%s)', async (site, partPages) => {
    const archive = frenchArchive();
    expect((await writeSite(site, archive, partPages)).written).toBe(0);
    const changed = archive.map((s, i) => (i === 4 ? fromHtml(s.route, s.readHtml().replace('</p>', ' paix</p>')) : s));
    expect((await writeSite(site, changed, partPages)).written).toBe(1);
    await pagefind.close();
  });

  test('a year of more pages than a part holds is divided into the fewest runs of months that hold them, by its dates alone', () => {
    const day = (date: string, i: number) =>
      snippet(`comptes-rendus/${date}-${i}/index.html`, 'fr', date, 'Entretien', 'coopération');
    // 2024: six pages in January, two in May, three in November; 2023: three pages.
    const dates = [
      ...['01', '01', '01', '01', '01', '01', '05', '05', '11', '11', '11'].map((m) => `2024-${m}-15`),
      '2023-02-01',
      '2023-07-01',
      '2023-12-31',
    ];
    const pages = dates.map(day);
    const shape = (groups: ReturnType<typeof groupByPart>) => groups.map((g) => [g.key, g.snippets.length]);
    // Six pages at most: 2024's halves hold eight and three, its thirds six, two and three.
    expect(shape(groupByPart(pages, 6))).toEqual([
      ['fr-x-2024-09-12', 3],
      ['fr-x-2024-05-08', 2],
      ['fr-x-2024-01-04', 6],
      ['fr-x-2023', 3],
    ]);
    // Five at most: no run of months holds January's six, so the year is divided into months.
    expect(shape(groupByPart(pages, 5))).toEqual([
      ['fr-x-2024-11-11', 3],
      ['fr-x-2024-05-05', 2],
      ['fr-x-2024-01-01', 6],
      ['fr-x-2023', 3],
    ]);
    // The order the pages come in changes nothing; a page added to a run changes that run alone.
    expect(shape(groupByPart([...pages].reverse(), 6))).toEqual(shape(groupByPart(pages, 6)));
    const added = groupByPart([...pages, day('2024-06-30', 99)], 6);
    expect(shape(added)).toEqual([
      ['fr-x-2024-09-12', 3],
      ['fr-x-2024-05-08', 3],
      ['fr-x-2024-01-04', 6],
      ['fr-x-2023', 3],
    ]);
    expect(added[0]!.snippets).toEqual(groupByPart(pages, 6)[0]!.snippets);
  });

  test('parts written side by side, in two Pagefind processes, are the bytes of parts written one at a time', async () => {
    const archive = frenchArchive();
    const { parts, written } = await indexParts(archive, {
      cacheRoot: join(work, 'cache', 'side-by-side'),
      pagefindPackage: join(root, 'node_modules', 'pagefind', 'package.json'),
      lanes: 2,
    });
    expect(written).toBe(3);
    for (const { part, folder } of parts) {
      const alone = join(work, 'alone', part.key);
      const pages = groupByPart(archive).find((g) => g.key === part.key)!.snippets;
      await writePart({ pages: pages.map((p) => ({ route: p.route, html: p.readHtml() })), folder: alone, salt: 0 });
      const files = listFiles(folder);
      expect(files.length).toBeGreaterThan(5);
      expect(listFiles(alone)).toEqual(files);
      for (const file of files)
        expect(readFileSync(join(alone, file)).equals(readFileSync(join(folder, file)))).toBe(true);
    }
    await pagefind.close();
  });

  test('two parts written at once: a part that cannot be written is reported once both lanes have stopped, and leaves nothing half written; a part replaces what its folder held', async () => {
    const archive = frenchArchive();
    const pages = archive.map((p) => ({ route: p.route, html: p.readHtml() }));
    const out = join(work, 'lanes');
    mkdirSync(out, { recursive: true });
    // The second part, which the worker takes, cannot be written: a salt goes into what Pagefind
    // reads of a page, and this page has nothing it reads.
    const unreadable = [{ route: 'comptes-rendus/vide/index.html', html: '<html lang="fr"><body></body></html>' }];
    // A part left half made in the first part's folder by a build that stopped.
    mkdirSync(join(out, 'one'));
    writeFileSync(join(out, 'one', 'stale'), '');
    const folders = ['one', 'two', 'three', 'four', 'five'].map((name) => join(out, name));
    const jobs = folders.map(
      (folder, i) => () => (i === 1 ? { pages: unreadable, folder, salt: 1 } : { pages, folder, salt: 0 }),
    );
    await expect(writeParts(jobs, 2)).rejects.toThrow(/extrait sans data-pagefind-body/);
    // Once it has failed, nothing is being written: no part half written is left, and none of the failed one.
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp') || name === 'two')).toEqual([]);
    // The part each lane had begun is finished; the first, which the main lane took, replaced what was there.
    expect(readdirSync(join(out, 'one'))).toContain('pagefind-entry.json');
    expect(readdirSync(join(out, 'one'))).not.toContain('stale');
    await pagefind.close();
  });

  test('a part whose Pagefind process dies is an error within its time limit, not a build that waits for ever', async () => {
    const pages = frenchArchive().map((p) => ({ route: p.route, html: p.readHtml() }));
    const out = join(work, 'dying');
    mkdirSync(out, { recursive: true });
    // Pagefind's process stops (a panic) when it cannot make the part's folder: here, inside a file.
    writeFileSync(join(out, 'a-file'), '');
    await expect(writePart({ pages, folder: join(out, 'a-file', 'part'), salt: 0 }, 5_000)).rejects.toThrow(
      /n’a pas écrit la partie .* en 5 s/,
    );
    await pagefind.close();
  });

  test('a part whose file names an earlier part holds is written again with a salt, and finds the same pages', async () => {
    const { written, manifest } = saltedSite!;
    expect(written).toBe(1);
    expect(manifest.parts.map((p) => p.year)).toEqual(['2023', '2022', '2021']);
    const salted = await openEngine('salted');
    const plain = await openEngine('plain');
    try {
      for (const query of ['paix', 'ministre', 'coopération']) {
        const [a, b] = await Promise.all([salted.search(query), plain.search(query)]);
        expect(a.hits.length).toBeGreaterThan(0);
        expect((await urls(a.hits)).sort()).toEqual((await urls(b.hits)).sort());
      }
    } finally {
      salted.close();
      plain.close();
    }
    await pagefind.close();
  });
});
