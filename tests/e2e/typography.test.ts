/**
 * French typography in a real browser, on every page: at every width from 280 to 1280 px, no
 * line starts with » › : ; ? ! set off by a space, and no line ends with « or ‹ followed by
 * one. That covers the document's text and the interface's own (labels, titles, citations),
 * links included. The archived text keeps its characters (`layout.test.ts`); the interface's
 * strings hold with no-break spaces written in the dictionary, the records' texts with the
 * same spans as the documents (`src/features/markdown/rehype-french-typography.ts`).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, newPage } from '../support/browser.ts';
import { pagePaths } from '../support/dist.ts';
import { fontconfigFile, fontSetups } from '../support/fonts.ts';
import { serve, type StaticServer } from '../support/server.ts';

const dir = inject('distDir');
const paths = pagePaths(dir);

/** 280, 300, … 1280 px. */
export const WIDTHS = Array.from({ length: 51 }, (_, i) => 280 + 20 * i);

/** A mark and the character it must share a line with, as the page shows them. */
interface Split {
  /** The words around the break, the break shown as ⏎. */
  around: string;
}

/**
 * Every mark set off by a space whose neighbour, across that space, is on another line. Runs in
 * the page: the text of `body` is read node by node, within each block, as it is laid out.
 */
function splitMarks(): { checked: number; found: Split[] } {
  const CLOSING = /[»›:;?!]/;
  const OPENING = /[«‹]/;
  const SPACE = /\s/;
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE']);
  const blocks = new Map<Element, Element>();
  /** The nearest ancestor laid out as a block: a line never runs from one block into another. */
  const blockOf = (el: Element): Element => {
    let block = blocks.get(el);
    if (!block) {
      const display = getComputedStyle(el).display;
      block = display.startsWith('inline') || display === 'contents' ? blockOf(el.parentElement!) : el;
      blocks.set(el, block);
    }
    return block;
  };
  const chars: { node: Text; i: number; c: string; block: Element }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      SKIP.has(node.parentElement?.tagName ?? '') || node.parentElement?.closest('[hidden]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const block = blockOf(node.parentElement!);
    for (let i = 0; i < node.data.length; i++) chars.push({ node, i, c: node.data[i]!, block });
  }
  const box = (k: number) => {
    const range = document.createRange();
    range.setStart(chars[k]!.node, chars[k]!.i);
    range.setEnd(chars[k]!.node, chars[k]!.i + 1);
    return range.getClientRects()[0];
  };
  /** Two characters are on one line when their boxes overlap by half the smaller height. */
  const sameLine = (a: number, b: number) => {
    const [ra, rb] = [box(a), box(b)];
    if (!ra || !rb || ra.height === 0 || rb.height === 0) return true; // not laid out: not shown
    const overlap = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    return overlap >= Math.min(ra.height, rb.height) / 2;
  };
  const excerpt = (from: number, to: number) =>
    chars
      .slice(Math.max(0, from - 20), to + 20)
      .map((c) => c.c)
      .join('')
      .replace(/\s+/g, ' ');
  const found: Split[] = [];
  /** The nearest character that is not a space, going `step` from `k`, within the block of `k`. */
  const neighbour = (k: number, step: 1 | -1) => {
    for (let j = k + step; j >= 0 && j < chars.length && chars[j]!.block === chars[k]!.block; j += step) {
      if (!SPACE.test(chars[j]!.c)) return j;
    }
    return -1;
  };
  let checked = 0;
  chars.forEach(({ c }, k) => {
    const step =
      CLOSING.test(c) && SPACE.test(chars[k - 1]?.c ?? '')
        ? -1
        : OPENING.test(c) && SPACE.test(chars[k + 1]?.c ?? '')
          ? 1
          : 0;
    if (step === 0) return;
    const other = neighbour(k, step);
    if (other < 0) return;
    checked++;
    const [a, b] = [Math.min(k, other), Math.max(k, other)];
    if (!sameLine(a, b)) found.push({ around: excerpt(a, b) });
  });
  return { checked, found };
}

test('the sitemap lists pages to check', () => {
  expect(paths.length).toBeGreaterThan(1);
});

let server: StaticServer;
beforeAll(async () => {
  server = await serve(dir);
});
afterAll(() => server?.close());

// Lines break where the fonts decide: the widest and the narrowest of the font setups.
describe.each(fontSetups.slice(0, 2))('at every width from 280 to 1280 px, with $name', (setup) => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch({ fontconfig: fontconfigFile(setup) });
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Marks checked over all pages and widths: the check must have had work. */
  let checked = 0;

  test.each(paths)('%s sets no French mark alone at the start or end of a line', async (path) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url(path));
    const splits: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const result = await page.evaluate(splitMarks);
      checked += result.checked;
      for (const { around } of result.found) splits.push(`${width} px: ${around}`);
    }
    expect(splits).toEqual([]);
  });

  test('the pages hold marks set off by spaces, so the check above had work', () => {
    expect(checked).toBeGreaterThan(paths.length * WIDTHS.length);
  });
});
