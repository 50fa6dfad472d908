/**
 * Full-text search: the index Pagefind writes into the build (queried here with Pagefind's
 * own search script, as a browser would), the `/recherche/` page with and without JavaScript,
 * and the promise that this page's script is the only JavaScript of the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { t } from '#i18n/index.ts';
import { launch, newPage } from '../support/browser.ts';
import { mentionIds, readouts, records } from '../support/content.ts';
import { htmlFiles, listFiles, page, text } from '../support/dist.ts';
import { serve, type StaticServer } from '../support/server.ts';

const docs = readouts();
const seed = docs.find((d) => d.id === '2024-05-20-wang-yi-sergei-aleinik')!;
const nameOf = (collection: 'people' | 'topics' | 'places', id: string) => {
  const data = records(collection).find((r) => r.id === id)!.data;
  return String(data['name'] ?? data['label']);
};

interface Result {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
}

/** Pagefind's search API, loaded from a built site served over HTTP. */
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    o?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<Result> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

describe.each([
  ['at the root', () => inject('distDir'), '/'],
  ['under BASE_PATH', () => inject('distDirBase'), '/archive/'],
])('the search index %s', (_, dist, base) => {
  let server: StaticServer;
  let pagefind: Pagefind;
  const search = async (term: string | null, filters?: Record<string, string>) => {
    const { results } = await pagefind.search(term, filters ? { filters } : {});
    return Promise.all(results.map((r) => r.data()));
  };

  beforeAll(async () => {
    server = await serve(dist(), base);
    // A module URL of its own per build: Node caches modules by URL.
    pagefind = (await import(`${pathToFileURL(join(dist(), 'pagefind', 'pagefind.js')).href}?${base}`)) as Pagefind;
    await pagefind.options({ basePath: server.url(`${base}pagefind/`), baseUrl: base, noWorker: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  test('holds every document, and nothing but documents', () => {
    const entry = JSON.parse(readFileSync(join(dist(), 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(docs.length).toBeGreaterThan(0);
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    expect(entry.languages['fr']!.page_count).toBe(docs.length);
  });

  test('finds a document by a word of its text in another form (French stemming)', async () => {
    // The seed says « a rencontré »; « rencontrer » has the same stem.
    expect(seed.body).toContain('a rencontré');
    expect(seed.body).not.toMatch(/rencontrer/);
    const results = await search('rencontrer');
    expect(results.map((r) => r.url)).toContain(`${base}comptes-rendus/${seed.id}/`);
  });

  test('gives each result its title, its date and an excerpt marking the words found', async () => {
    const [result] = await search('homologue');
    expect(result?.url).toBe(`${base}comptes-rendus/${seed.id}/`);
    expect(result?.meta['title']).toBe(seed.data.title);
    expect(result?.meta['date']).toBe('20 mai 2024');
    expect(result?.meta['datetime']).toBe(seed.data.date);
    expect(result?.excerpt).toMatch(/<mark>homologue<\/mark>/);
  });

  test('finds a document by a word found only in its description (a topic’s label)', async () => {
    const body = seed.body.toLowerCase();
    const word = seed.data.topics
      .flatMap((id) => nameOf('topics', id).match(/\p{L}{5,}/gu) ?? [])
      .find((w) => !body.includes(w.toLowerCase()));
    expect(word).toBeDefined();
    expect((await search(word!)).map((r) => r.url)).toContain(`${base}comptes-rendus/${seed.id}/`);
  });

  test.each([
    ['the footer', 'fautes comprises'],
    ['the citation block', 'BibTeX'],
    ['the navigation', 'Chronologie'],
  ])('leaves %s out of the index', async (_where, words) => {
    const built = readFileSync(join(dist(), 'comptes-rendus', seed.id, 'index.html'), 'utf8');
    expect(built).toContain(words);
    expect(seed.body).not.toContain(words);
    expect(await search(words)).toEqual([]);
  });

  test('filters by person, topic, place and year, with the names readers know', async () => {
    const filters = await pagefind.filters();
    const people = [...seed.data.participants.map((p) => p.person), ...mentionIds(seed)];
    expect(Object.keys(filters['Personne'] ?? {})).toEqual(
      expect.arrayContaining(people.map((id) => nameOf('people', id))),
    );
    expect(Object.keys(filters['Thème'] ?? {})).toEqual(
      expect.arrayContaining(seed.data.topics.map((id) => nameOf('topics', id))),
    );
    expect(filters['Lieu']).toHaveProperty([nameOf('places', seed.data.place!)]);
    expect(filters['Année']).toHaveProperty([seed.data.date.slice(0, 4)]);
    const filtered = await search(null, { Personne: nameOf('people', seed.data.participants[0]!.person) });
    expect(filtered.map((r) => r.url)).toContain(`${base}comptes-rendus/${seed.id}/`);
    expect(await search(null, { Année: '1999' })).toEqual([]);
  });
});

describe('the /recherche/ page', () => {
  test('loads Pagefind’s script and style sheet from the site itself, and configures it for the base path', () => {
    for (const [dist, base] of [
      [inject('distDir'), '/'],
      [inject('distDirBase'), '/archive/'],
    ] as const) {
      const html = page(dist, `${base}recherche/`, base);
      expect(html.querySelector('script[src]')?.getAttribute('src')).toBe(`${base}pagefind/pagefind-component-ui.js`);
      expect(html.querySelector('link[rel="stylesheet"][href*="pagefind"]')?.getAttribute('href')).toBe(
        `${base}pagefind/pagefind-component-ui.css`,
      );
      const config = html.querySelector('pagefind-config')!;
      expect(config.getAttribute('bundle-path')).toBe(`${base}pagefind/`);
      expect(config.getAttribute('base-url')).toBe(base);
      for (const file of ['pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind.js']) {
        expect(listFiles(join(dist, 'pagefind'))).toContain(file);
      }
    }
  });

  test('without JavaScript, explains how to browse and links to every index', () => {
    const html = page(inject('distDir'), '/recherche/');
    expect(text(html.querySelector('noscript')!)).toContain('JavaScript');
    const links = html.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const index of ['/comptes-rendus/', '/chronologie/', '/personnes/', '/themes/', '/lieux/']) {
      expect(links).toContain(index);
    }
  });

  test('allows, in its content security policy, exactly what Pagefind needs from the site itself', () => {
    const csp = page(inject('distDir'), '/recherche/')
      .querySelector('meta[http-equiv="content-security-policy"]')
      ?.getAttribute('content');
    // Absent when the site sends no policy; when it does, this page must allow Pagefind.
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
    ['at the root', () => inject('distDir')],
    ['under BASE_PATH', () => inject('distDirBase')],
  ])('%s, runs on /recherche/ only, and only from pagefind/', (_, dist) => {
    const pages = htmlFiles(dist());
    expect(pages.length).toBeGreaterThan(5);
    const withScripts = pages.filter((file) =>
      page(dist(), `/${file}`)
        .querySelectorAll('script')
        .some((s) => executable(s.getAttribute('type'))),
    );
    expect(withScripts).toEqual(['recherche/index.html']);
    // No script bundled by Astro either.
    expect(listFiles(dist()).filter((f) => f.endsWith('.js') && !f.startsWith('pagefind/'))).toEqual([]);
  });
});

describe.each([
  ['at the root', () => inject('distDir'), '/'],
  ['under BASE_PATH', () => inject('distDirBase'), '/archive/'],
])('searching in a browser %s', (_, dist, base) => {
  let browser: Browser;
  let server: StaticServer;
  let tab: Page;
  const violations: string[] = [];
  beforeAll(async () => {
    browser = await launch();
    server = await serve(dist(), base);
    tab = await newPage(browser);
    // What the page asks of the network and what the browser refuses; the browser's own
    // request for /favicon.ico is not the page's.
    tab.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    tab.on('request', (r) => {
      if (!r.url().startsWith(server.origin)) violations.push(`elsewhere: ${r.url()}`);
    });
    tab.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) violations.push(`${r.status()} ${r.url()}`);
    });
    await tab.goto(server.url(`${base}recherche/`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('offers a labelled search box', async () => {
    const input = tab.getByRole('searchbox');
    await expect.poll(() => input.count()).toBe(1);
    // The page's words come from the dictionary; the label, from Pagefind's French translation.
    expect(await input.getAttribute('placeholder')).toBe(t('search.placeholder'));
    const label = await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    expect(label.trim()).not.toBe('');
  });

  test('lists results with their title as a link, their date and an excerpt', async () => {
    await tab.getByRole('searchbox').fill('homologue');
    const result = tab.locator('pagefind-results li').first();
    await result.locator('time').waitFor();
    expect(await result.locator('a').getAttribute('href')).toBe(`${base}comptes-rendus/${seed.id}/`);
    expect((await result.locator('a').innerText()).trim()).toBe(seed.data.title);
    expect(await result.locator('time').getAttribute('datetime')).toBe(seed.data.date);
    expect(await result.locator('time').innerText()).toBe('20 mai 2024');
    expect(await result.locator('mark').first().innerText()).toMatch(/homologue/i);
  });

  test('breaks no rule of the content security policy and loads nothing from elsewhere', () => {
    expect(violations).toEqual([]);
  });
});

describe('without JavaScript in a browser', () => {
  test('the page shows how to browse instead', async () => {
    const browser = await launch();
    const server = await serve(inject('distDir'));
    try {
      const tab = await newPage(browser, { javaScriptEnabled: false });
      await tab.goto(server.url('/recherche/'));
      // The browser shows the <noscript> explanation.
      expect(await tab.locator('main').innerText()).toContain(t('search.noScript'));
      expect(await tab.getByRole('searchbox').count()).toBe(0);
      expect(await tab.locator('main a[href="/chronologie/"]').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
