/**
 * French typography in a real browser: at the widths of a phone, a small tablet, a tablet and a
 * desktop, no line starts with » › : ; ? ! set off by a space, and no line ends with « or ‹
 * followed by one; and no such mark is glued to the word on its other side (« Adresse
 * permanente :http… »), outside the archived text, which is kept as published. That covers the
 * document's text and the interface's own (labels, titles, citations), links included. Every
 * page of every build is read for the first rule without a browser
 * (`tests/static/french-spacing.test.ts`); this file shows in Chromium that the markup holds,
 * on the pages of `samplePaths` (of each kind, the largest and the one with the longest heading),
 * with the widest font setup (the one most lines break in).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, newPage } from '../support/browser.ts';
import { samplePaths } from '../support/dist.ts';
import { fontSetups } from '../support/fonts.ts';
import { serve, type StaticServer } from '../support/server.ts';

const dir = inject('distDir');
const paths = samplePaths(dir, '/', ['size', 'heading']);

/** A phone, a large phone, a tablet, a desktop. */
export const WIDTHS = [320, 375, 768, 1280];

/** A mark and the character it must share a line with, as the page shows them. */
interface Split {
  /** The words around the break, the break shown as ⏎. */
  around: string;
}

/**
 * Every mark set off by a space whose neighbour, across that space, is on another line. Runs in
 * the page: the text of `body` is read node by node, within each block, as it is laid out.
 */
function splitMarks(): { checked: number; found: Split[]; glued: Split[] } {
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
  // A mark set off by a space on one side and glued to a word on the other, outside the archived text.
  const WORD = /[\p{L}\p{N}]/u;
  const archived = (k: number) => chars[k]!.node.parentElement?.closest('.body') !== null;
  const glued: Split[] = [];
  chars.forEach(({ c, block }, k) => {
    const [before, after] = [chars[k - 1], chars[k + 1]];
    if (archived(k)) return;
    if (CLOSING.test(c) && before && /\s/.test(before.c) && after?.block === block && WORD.test(after.c)) {
      glued.push({ around: excerpt(k, k + 1) });
    }
    if (OPENING.test(c) && after && /\s/.test(after.c) && before?.block === block && WORD.test(before.c)) {
      glued.push({ around: excerpt(k - 1, k) });
    }
  });
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
  return { checked, found, glued };
}

test('the sitemap lists pages to check', () => {
  expect(paths.length).toBeGreaterThan(1);
});

let server: StaticServer;
beforeAll(async () => {
  server = await serve(dir);
});
afterAll(() => server?.close());

// Lines break where the fonts decide: the widest of the font setups breaks the most lines.
describe.each(fontSetups.slice(0, 1))('at 320, 375, 768 and 1280 px, with $name', (setup) => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch({ fonts: setup });
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Marks checked over all pages and widths: the check must have had work. */
  let checked = 0;

  test.each(paths)('%s sets no French mark alone at the start or end of a line, nor glued to a word', async (path) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(server.url(path));
    const splits: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const result = await page.evaluate(splitMarks);
      checked += result.checked;
      for (const { around } of result.found) splits.push(`${width} px: ${around}`);
      // Glued or not does not depend on the width: read once.
      if (width === WIDTHS[0]) for (const { around } of result.glued) splits.push(`glued: ${around}`);
    }
    expect(splits).toEqual([]);
  });

  test('the pages hold marks set off by spaces, so the check above had work', () => {
    expect(checked).toBeGreaterThan(paths.length * WIDTHS.length);
  });
});
