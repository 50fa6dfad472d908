/**
 * The search page (`/recherche/`) in Chromium, at the root and under `BASE_PATH`: its field,
 * its results listed as the site lists documents, the live count, the filters kept in the
 * address, more results on demand, its look (focus ring, axe in both schemes, 320 px), its
 * content security policy, and what it says without JavaScript. The index it searches is
 * tested in `tests/build/search.test.ts`; what both look for comes from the content built
 * (`tests/support/search-content.ts`).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { t } from '#i18n/index.ts';
import { launch, newPage } from '../support/browser.ts';
import type { TestReadout } from '../support/content.ts';
import { docs, languageOf, nameOf, people, peopleOf, route, seed, seedWord } from '../support/search-content.ts';
import { serve, type StaticServer } from '../support/server.ts';

/** The run's browser, for the file's tests. */
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

  test('filters by a person, shown by name, and keeps the words and the person’s id in the address', async () => {
    const id = seed.data.participants[0]!.person;
    const person = nameOf(people.get(id));
    await tab
      .locator('[data-search-filters] summary')
      .evaluate((s) => ((s.parentElement as HTMLDetailsElement).open = true));
    const select = tab.getByLabel(t('search.filter.person'), { exact: true });
    expect(await select.locator(`option[value="${id}"]`).innerText()).toMatch(/ \(\d/);
    expect((await select.locator(`option[value="${id}"]`).innerText()).startsWith(`${person} (`)).toBe(true);
    await select.selectOption(id);
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
    expect(address.searchParams.get(t('search.filter.person'))).toBe(id);
  });

  test('reads an address that names the person, as addresses did before ids, and gives it the id', async () => {
    const id = seed.data.participants[0]!.person;
    const filter = t('search.filter.person');
    const query = `?q=${encodeURIComponent(seedWord)}&${encodeURIComponent(filter)}=${encodeURIComponent(nameOf(people.get(id)))}`;
    const found = await open({}, query);
    try {
      await expect
        .poll(() => found.locator('[role="status"]').innerText(), { timeout: 30_000 })
        .toContain('avec les filtres choisis');
      expect(new URL(found.url()).searchParams.get(filter)).toBe(id);
      expect(await found.getByLabel(filter, { exact: true }).inputValue()).toBe(id);
    } finally {
      await found.context().close();
    }
  });

  test('names the people a search names, each linked to the page of all their documents', async () => {
    const id = seed.data.participants[0]!.person;
    const person = nameOf(people.get(id));
    const found = await open({}, `?q=${encodeURIComponent(person)}`);
    try {
      const named = found.locator('[data-search-people]');
      await expect.poll(() => named.isVisible(), { timeout: 30_000 }).toBe(true);
      const link = named.getByRole('link', { name: person, exact: true });
      expect(await link.getAttribute('href')).toBe(`${base}personnes/${id}/`);
      expect(await named.locator('h2').innerText()).toBe(t('search.people'));
      // Said in the live region too: the block itself is not read out.
      expect(await found.locator('[role="status"]').innerText()).toMatch(/\d\u00a0personnes? de ce nom, ci-dessous\.$/);
      const documents = docs.filter((d) => peopleOf(d).includes(id)).length;
      if (base === '/') {
        const { violations } = await new AxeBuilder({ page: found })
          .setLegacyMode(true)
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
      }
      const item = named.getByRole('listitem').filter({ has: found.getByRole('link', { name: person, exact: true }) });
      expect(await item.innerText()).toContain(`(${documents}\u00a0document`);
    } finally {
      await found.context().close();
    }
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
