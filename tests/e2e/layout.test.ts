/**
 * Readable on every screen: nothing scrolls sideways on a 320 px phone, the document's lines
 * hold about 60 to 75 characters on a 1280 px screen, and French punctuation never starts a
 * line. Screenshots of the document page are kept in `test-results/screenshots/`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, newPage, screenshotPath, useSite } from '../support/browser.ts';
import { fontSetups } from '../support/fonts.ts';
import { page as builtPage, samplePaths } from '../support/dist.ts';
import { seed } from './seed.ts';

const dir = inject('distDir');
/** Of each kind of page, the largest and the one with the longest heading (see `samplePaths`). */
const paths = samplePaths(dir, '/', ['size', 'heading']);
const documentPath = `/comptes-rendus/${seed.id}/`;

const site = useSite(dir);

/** Characters per line of each paragraph of the document's text, the last line of each excepted. */
function charactersPerLine(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('.body p')];
    if (paragraphs.length === 0) throw new Error('No paragraph in the document text');
    const range = document.createRange();
    return paragraphs.flatMap((paragraph) => {
      const lines = new Map<number, number>();
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) continue; // a space swallowed at a line end
          const top = Math.round(rect.top);
          lines.set(top, (lines.get(top) ?? 0) + 1);
        }
      }
      return [...lines.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, count]) => count)
        .slice(0, -1);
    });
  });
}

describe('at 320 px wide', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(site.browser, { viewport: { width: 320, height: 640 } });
  });

  test('the sitemap lists pages to check', () => {
    expect(paths.length).toBeGreaterThan(1);
  });

  test.each(paths)('%s does not scroll sideways', async (path) => {
    await page.goto(site.server.url(path));
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const { scrollWidth, clientWidth } = document.documentElement;
      return { scrollWidth, clientWidth };
    });
    expect(clientWidth).toBe(320);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  test('no guillemet or high punctuation mark of the document starts or ends a line alone', async () => {
    await page.goto(site.server.url(documentPath));
    // Each space the typography plugin holds (a space written directly in a `.nowrap` span) has
    // the characters on either side of it on the same line.
    const held = await page.evaluate(() => {
      const top = (node: Node, i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return Math.round(range.getClientRects()[0]?.top ?? NaN);
      };
      return [...document.querySelectorAll('.body .nowrap')].flatMap((span) => {
        const chars: { node: Node; i: number; own: boolean; space: boolean }[] = [];
        const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.textContent!.length; i++) {
            chars.push({ node, i, own: node.parentNode === span, space: /\s/.test(node.textContent![i]!) });
          }
        }
        return chars.flatMap((c, k) => {
          if (!c.own || !c.space) return [];
          const before = chars.slice(0, k).findLast((d) => !d.space);
          const after = chars.slice(k + 1).find((d) => !d.space);
          if (!before || !after) return [];
          return [
            {
              around: `${before.node.textContent![before.i]}␣${after.node.textContent![after.i]} in ${span.textContent}`,
              whiteSpace: getComputedStyle(span).whiteSpace,
              sameLine: top(before.node, before.i) === top(after.node, after.i),
            },
          ];
        });
      });
    });
    expect(held.length).toBeGreaterThan(0);
    for (const space of held) expect(space, space.around).toMatchObject({ whiteSpace: 'nowrap', sameLine: true });
  });
});

describe('the seed document', () => {
  test('protects « la Ceinture et la Route » and keeps its text word for word', () => {
    const doc = builtPage(dir, documentPath);
    const held = doc.querySelectorAll('.body span.nowrap').map((span) => span.textContent);
    // Whatever links other plugins add inside, « stays with « la » and » with « Route ».
    expect(held).toContain('« la');
    expect(held.some((text) => text.endsWith('Route »,'))).toBe(true);
    const paragraphs = doc.querySelectorAll('.body p').map((p) => p.textContent.trim());
    expect(paragraphs).toEqual(seed.paragraphs);
  });
});

/** The families of the fonts Chromium draws the first element matching `selector` with (DevTools protocol). */
async function platformFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts.map((font) => font.familyName);
}

/**
 * The measure is set in `ch` (the width of « 0 »), which follows the reader's font; how many
 * letters a `ch` holds still varies from one serif to another, so the line is checked with
 * fonts of very different widths, each alone on the machine as far as Chromium can tell.
 */
describe.each(fontSetups)('at 1280 px wide, with $name', (setup) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ fonts: setup });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a line of the document holds about 60 to 75 characters', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.url(documentPath));
    // The text is set in the setup's serif: the fontconfig file took effect.
    expect(await platformFonts(page, '.body p')).toEqual([setup.generic.serif]);
    const lines = await charactersPerLine(page);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    const average = lines.reduce((a, b) => a + b, 0) / lines.length;
    expect(average).toBeGreaterThanOrEqual(60);
    expect(average).toBeLessThanOrEqual(75);
    for (const count of lines) expect(count).toBeLessThanOrEqual(85);
  });
});

describe('in forced colours (Windows high contrast)', () => {
  test('the description box keeps its outline and the focus stays visible', async () => {
    const page = await newPage(site.browser, { forcedColors: 'active' });
    await page.goto(site.server.url(documentPath));
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const box = await page
      .locator('main .details-box')
      .evaluate((el) => ({ style: getComputedStyle(el).borderTopStyle, color: getComputedStyle(el).borderTopColor }));
    expect(box.style).toBe('solid');
    expect(box.color).not.toBe('rgba(0, 0, 0, 0)');
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const { outlineStyle, outlineColor } = getComputedStyle(document.activeElement!);
      return { outlineStyle, outlineColor };
    });
    expect(focus.outlineStyle).toBe('solid');
    expect(focus.outlineColor).not.toBe('rgba(0, 0, 0, 0)');
    await page.context().close();
  });
});

describe('screenshots of the document page', () => {
  test.each([
    ['light', 320],
    ['light', 1280],
    ['dark', 320],
    ['dark', 1280],
  ] as const)('in %s at %i px', async (colorScheme, width) => {
    const page = await newPage(site.browser, { colorScheme, viewport: { width, height: 900 } });
    await page.goto(site.server.url(documentPath));
    const file = screenshotPath(`document-${colorScheme}-${width}.png`);
    const image = await page.screenshot({ path: file, fullPage: true });
    expect(image.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
