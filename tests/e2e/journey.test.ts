/**
 * A reader's journey through the archive, by mouse and then by keyboard only: home → a
 * document → one of its participants → back to a document → one of its topics → the document.
 * Plus the breadcrumbs of every kind of record page. At the root only: these pages have no
 * script, so that under `BASE_PATH` a browser follows the very links that `tests/static/links.test.ts`
 * resolves, each, on every page of that build.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, newPage } from '../support/browser.ts';
import { pageListing } from '../support/dist.ts';
import { serve, type StaticServer } from '../support/server.ts';
import { seed } from './seed.ts';

const seedPath = `/comptes-rendus/${seed.id}/`;
/**
 * Where a reader finds the seed from home: the home page, which shows the newest documents, or
 * else the page of the list of all documents that holds it; and the pages of its participant's
 * and topic's lists that hold it (the newest come first).
 */
const startsAt = (dir: string, base: string) =>
  pageListing(dir, base, seedPath, base) ?? pageListing(dir, `${base}comptes-rendus/`, seedPath, base);
const personPage = (dir: string, base: string) =>
  pageListing(dir, `${base}personnes/${seed.participant}/`, seedPath, base);
const topicPage = (dir: string, base: string) => pageListing(dir, `${base}themes/${seed.topic}/`, seedPath, base);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The level-one heading of the page, as a reader sees it. */
const heading = (page: Page) => page.locator('h1').innerText();

/** The link of `main` that points to the path `path` (under the base). */
const linkTo = (page: Page, path: string) => page.locator(`main a[href$="${path}"]`).first();

/** Clicks a link and waits for the page it leads to; returns the link's text. */
async function click(page: Page, link: Locator): Promise<string> {
  const [label, target] = await Promise.all([link.innerText(), link.getAttribute('href')]);
  const url = new URL(target!, page.url()).href;
  await Promise.all([page.waitForURL(url), link.click()]);
  return label.trim();
}

describe.each([['at the root', inject('distDir'), '/']])('a reader clicking through the archive %s', (_, dir, base) => {
  let server: StaticServer;
  let page: Page;
  beforeAll(async () => {
    server = await serve(dir, base);
    page = await newPage(browser);
  });
  afterAll(() => server.close());

  const documentPath = `${base}comptes-rendus/${seed.id}/`;

  test('goes from home to a document, a participant, back, a topic and the document again', async () => {
    await page.goto(server.url(startsAt(dir, base)!));
    const title = await click(page, linkTo(page, seedPath));
    expect(new URL(page.url()).pathname).toBe(documentPath);
    expect(await heading(page)).toBe(title);

    const name = await click(page, linkTo(page, `/personnes/${seed.participant}/`));
    expect(await heading(page)).toBe(name);
    // The person's list holds the document among those the person took part in, under its title.
    const listed = personPage(dir, base)!;
    if (new URL(page.url()).pathname !== listed) await page.goto(server.url(listed));
    await expect(linkTo(page, seedPath).innerText()).resolves.toBe(title);
    if (new URL(page.url()).pathname !== `${base}personnes/${seed.participant}/`) await page.goBack();

    await page.goBack();
    expect(new URL(page.url()).pathname).toBe(documentPath);
    expect(await heading(page)).toBe(title);

    // The topic as the description names it (the text's link to it wraps the text's own words).
    const topic = await click(page, page.locator(`main .details-box a[href$="/themes/${seed.topic}/"]`));
    expect(await heading(page)).toBe(topic);

    // The topic's list, on the page that holds the document.
    if (new URL(page.url()).pathname !== topicPage(dir, base)) await page.goto(server.url(topicPage(dir, base)!));
    await click(page, linkTo(page, seedPath));
    expect(new URL(page.url()).pathname).toBe(documentPath);
    expect(await heading(page)).toBe(title);
  });

  test.each([
    ['a document', `comptes-rendus/${seed.id}/`, 'comptes-rendus/'],
    ['a person', `personnes/${seed.participant}/`, 'personnes/'],
    ['a topic', `themes/${seed.topic}/`, 'themes/'],
    ['a place', `lieux/${seed.place}/`, 'lieux/'],
  ])('the breadcrumbs of %s lead home and to its index', async (_kind, path, index) => {
    await page.goto(server.url(base + path));
    const trail = page.locator('nav.breadcrumbs li');
    expect(await trail.count()).toBe(3);
    // The last crumb is the page itself, not a link, and names it as its heading does.
    const current = trail.nth(2).locator('[aria-current="page"]');
    expect(await current.innerText()).toBe(await heading(page));
    expect(await trail.nth(2).locator('a').count()).toBe(0);
    expect(await trail.nth(0).locator('a').getAttribute('href')).toBe(base);

    const label = await click(page, trail.nth(1).locator('a'));
    expect(new URL(page.url()).pathname).toBe(base + index);
    expect(await heading(page)).toBe(label);
  });
});

describe('a reader using only the keyboard', () => {
  let server: StaticServer;
  let page: Page;
  beforeAll(async () => {
    server = await serve(inject('distDir'));
    page = await newPage(browser);
  });
  afterAll(() => server.close());

  /** The focused element: its place in document order, its link, and how its focus shows. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      // A link that wraps has a box per line: its first line must be in view, and so must the
      // focus ring drawn around it (outside the box by the outline's offset and width).
      const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const ring = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      return {
        order: Array.prototype.indexOf.call(document.querySelectorAll('*'), el) as number,
        tag: el.tagName.toLowerCase(),
        href: el.getAttribute('href'),
        text: (el as HTMLElement).innerText.trim(),
        inDetails: el.closest('.details-box') !== null,
        outline: { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor },
        inView: box.width > 0 && box.height > 0 && box.top - ring >= 0 && box.bottom + ring <= innerHeight,
      };
    });
  type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;

  /** The focus is visible: a solid outline at least 2 px wide, on an element scrolled into view with its ring. */
  function expectVisibleFocus(el: Focused) {
    expect(el.outline.style, `outline of ${el.tag} ${el.href}`).not.toBe('none');
    expect(el.outline.width, `outline of ${el.tag} ${el.href}`).toBeGreaterThanOrEqual(2);
    expect(el.outline.color).not.toMatch(/rgba\(.*, 0\)$|transparent/);
    expect(el.inView, `${el.tag} ${el.href} is in view`).toBe(true);
  }

  /** Presses Tab until the focused link points to `path` (in a document's description, with `inDetails`), checking every stop; then Enter. */
  async function tabTo(path: string, inDetails = false) {
    const stops = await page.evaluate(
      () => document.querySelectorAll('a[href], button, input, select, textarea').length,
    );
    for (let i = 0; i <= stops; i++) {
      await page.keyboard.press('Tab');
      const el = await focused();
      expect(el, 'focus never leaves the page before reaching the link').toBeDefined();
      expectVisibleFocus(el!);
      if (el!.href?.endsWith(path) && (!inDetails || el!.inDetails)) {
        await Promise.all([page.waitForURL((url) => url.pathname.endsWith(path)), page.keyboard.press('Enter')]);
        return el!.text;
      }
    }
    throw new Error(`No link to ${path} reached by Tab`);
  }

  /** The skip link is the first Tab stop, shows itself, and takes the focus to the main content. */
  async function skipToContent() {
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip?.href).toBe('#contenu');
    expectVisibleFocus(skip!);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
  }

  test('follows the same journey with Tab and Enter, starting each page with the skip link', async () => {
    const dir = inject('distDir');
    await page.goto(server.url(startsAt(dir, '/')!));
    await skipToContent();
    const title = await tabTo(seedPath);
    expect(await heading(page)).toBe(title);

    await skipToContent();
    const name = await tabTo(`/personnes/${seed.participant}/`);
    expect(await heading(page)).toBe(name);

    // The person's list, on the page that holds the document.
    if (new URL(page.url()).pathname !== personPage(dir, '/')) await page.goto(server.url(personPage(dir, '/')!));
    await skipToContent();
    await tabTo(seedPath);
    expect(await heading(page)).toBe(title);

    await skipToContent();
    const topic = await tabTo(`/themes/${seed.topic}/`, true);
    expect(await heading(page)).toBe(topic);

    if (new URL(page.url()).pathname !== topicPage(dir, '/')) await page.goto(server.url(topicPage(dir, '/')!));
    await skipToContent();
    await tabTo(seedPath);
    expect(await heading(page)).toBe(title);
  });

  test.each(['', `comptes-rendus/${seed.id}/`, `personnes/${seed.participant}/`, `themes/${seed.topic}/`])(
    'Tab visits every link of /%s once, in reading order, each with a visible focus',
    async (path) => {
      await page.goto(server.url(`/${path}`));
      const expected = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .map((el, order) => ({ el, order }))
          .filter(({ el }) => el.matches('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])'))
          .map(({ order }) => order),
      );
      const visited: number[] = [];
      for (let el = (await page.keyboard.press('Tab'), await focused()); el;) {
        expectVisibleFocus(el);
        visited.push(el.order);
        if (visited.length > expected.length) break;
        await page.keyboard.press('Tab');
        el = await focused();
      }
      expect(expected.length).toBeGreaterThan(5);
      expect(visited).toEqual(expected);
    },
  );
});
