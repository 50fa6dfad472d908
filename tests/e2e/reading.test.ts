/**
 * A document page opens with its text: the header is short enough that the first line of the
 * text is on the first screen of a laptop (1280 × 800) and of a phone (375 × 812), for the
 * documents of the build whose header is longest; the details (description, source, reference, data) come after the text
 * or beside it. On paper the header and the text come first, the details are not split across
 * pages or printed over each other, and links to files and instructions are left out.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { newPage, useSite } from '../support/browser.ts';
import { samplePaths, templateOf } from '../support/dist.ts';

const dir = inject('distDir');
/**
 * The documents whose first line is furthest down: the longest header, the longest title, the
 * largest page (see `samplePaths`); the other documents' pages are the same template.
 */
const documents = samplePaths(dir, '/', ['header', 'heading', 'size']).filter(
  (path) => templateOf(path) === '/comptes-rendus/*/',
);

const site = useSite(dir);

test('the build holds documents to check', () => {
  expect(documents.length).toBeGreaterThan(0);
});

/** Where the text's first line is, and where the details begin, in the page's coordinates. */
function positions() {
  const first = document.querySelector('.body p');
  if (!first) throw new Error('No paragraph in the text');
  const range = document.createRange();
  range.selectNodeContents(first);
  const line = range.getClientRects()[0]!;
  const details = document.querySelector('#description')!.getBoundingClientRect();
  const text = document.querySelector('.body')!.getBoundingClientRect();
  return {
    firstLineBottom: line.bottom + scrollY,
    textTop: text.top + scrollY,
    textLeft: text.left,
    textRight: text.right,
    detailsTop: details.top + scrollY,
    detailsLeft: details.left,
  };
}

describe.each([
  [1280, 800],
  [375, 812],
])('at %i × %i px', (width, height) => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(site.browser, { viewport: { width, height } });
  });

  test.each(documents)('%s shows the first line of its text on the first screen', async (path) => {
    await page.goto(site.server.url(path));
    const at = await page.evaluate(positions);
    expect(at.firstLineBottom).toBeLessThanOrEqual(height);
    // The details come after the text, or beside it: never above it.
    const beside = at.detailsLeft >= at.textRight;
    if (!beside) expect(at.detailsTop).toBeGreaterThan(at.textTop);
    if (width >= 1280) expect(beside, 'the details beside the text on a wide screen').toBe(true);
  });
});

describe('on paper', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(site.browser, { viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
  });

  test.each(documents)('%s prints header and text first, then details that do not overlap', async (path) => {
    await page.goto(site.server.url(path));
    const at = await page.evaluate(positions);
    expect(at.detailsTop).toBeGreaterThan(at.textTop);
    const facts = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.details dl > div')].map((el) => el.getBoundingClientRect());
      const overlaps = boxes.slice(1).filter((box, i) => box.top < boxes[i]!.bottom - 0.5).length;
      const avoid = [...document.querySelectorAll('.details dl > div')].map((el) => getComputedStyle(el).breakInside);
      const printed = (selector: string) =>
        [...document.querySelectorAll(selector)].filter((el) => (el as HTMLElement).checkVisibility()).length;
      return {
        items: boxes.length,
        overlaps,
        avoid: [...new Set(avoid)],
        downloads: printed('main a[download], main a[type="application/json"]'),
        command: [...document.querySelectorAll('main code')].some(
          (el) => (el as HTMLElement).checkVisibility() && el.textContent!.includes('sed'),
        ),
      };
    });
    expect(facts.items).toBeGreaterThan(3);
    expect(facts.overlaps).toBe(0);
    expect(facts.avoid).toEqual(['avoid']);
    expect(facts.downloads).toBe(0);
    expect(facts.command).toBe(false);
  });
});

describe('the chronology on a 320 px phone', () => {
  test('shows its table’s heading whole, and a table that fits or can be scrolled from the keyboard', async () => {
    const page = await newPage(site.browser, { viewport: { width: 320, height: 640 } });
    await page.goto(site.server.url('/chronologie/'));
    const facts = await page.evaluate(() => {
      const heading = document.getElementById('tableau')!.getBoundingClientRect();
      const region = document.querySelector('section[aria-labelledby="tableau"]') as HTMLElement;
      return {
        heading: { left: heading.left, right: heading.right },
        width: document.documentElement.clientWidth,
        fits: region.scrollWidth <= region.clientWidth + 1,
        focusable: region.tabIndex === 0,
        yearSticky: getComputedStyle(region.querySelector('th[scope="row"]')!).position,
      };
    });
    expect(facts.heading.left).toBeGreaterThanOrEqual(0);
    expect(facts.heading.right).toBeLessThanOrEqual(facts.width);
    expect(facts.fits || facts.focusable).toBe(true);
    expect(facts.yearSticky).toBe('sticky');
    await page.context().close();
  });
});
