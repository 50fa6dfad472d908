/**
 * The activity charts as readers see them, in Chromium: drawn, in the colours of the scheme
 * (light, dark, print, forced colours) with enough contrast against the page, their numbers and
 * the labels of their axis readable and whole at 320 px. Only charts of three periods with
 * documents or more are drawn (the others are a sentence, `tests/build/activity.test.ts`): the
 * pages below are checked where their chart is drawn, which depends on the archive built.
 * Screenshots of each chart are kept in `test-results/screenshots/`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, newPage, screenshotPath, useSite } from '../support/browser.ts';
import { page as builtPage } from '../support/dist.ts';
import { fontSetups } from '../support/fonts.ts';
import { seed } from './seed.ts';

const dir = inject('distDir');
const site = useSite(dir);
const candidates = [
  ['chronology', '/chronologie/'],
  ['home', '/'],
  ['person', `/personnes/${seed.participant}/`],
  ['year', `/chronologie/${seed.id.slice(0, 4)}/`],
] as const;
/** The pages whose chart is drawn in this build. */
const pages = candidates.filter(([, path]) => builtPage(dir, path).querySelector('main figure.chart') !== null);

test('each page gives its documents over time, as a chart or as a sentence', () => {
  for (const [, path] of candidates) {
    const section = builtPage(dir, path).querySelector('main section.activity');
    expect(section, path).not.toBeNull();
    expect(section!.querySelector('figure.chart') ?? section!.querySelector('p.sentence'), path).not.toBeNull();
  }
});

/** What the page's chart looks like: its box, its bars', its colours and the page's, its numbers. */
function chartFacts() {
  const rgb = (color: string) =>
    color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number);
  /** The colour a CSS value gives, as the browser computes it (`#8a2c1c` → `rgb(138, 44, 28)`). */
  const computed = (value: string) => {
    const probe = document.createElement('span');
    probe.style.color = value;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  };
  const luminance = (color: string) => {
    const [r, g, b] = rgb(color).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const figure = document.querySelector('main figure.chart')!;
  const svg = figure.querySelector('svg')!;
  const bars = [...svg.querySelectorAll('rect')];
  const fill = getComputedStyle(bars[0]!).fill;
  const background = getComputedStyle(document.body).backgroundColor;
  const box = svg.getBoundingClientRect();
  return {
    svg: { width: box.width, height: box.height },
    smallestBar: Math.min(
      ...bars.map((r) => Math.min(r.getBoundingClientRect().width, r.getBoundingClientRect().height)),
    ),
    fill,
    accent: computed(getComputedStyle(document.documentElement).getPropertyValue('--color-accent')),
    canvasText: computed('CanvasText'),
    background,
    contrast: contrast(fill, background),
    numbers: [...figure.querySelectorAll('.peak, .zero, .axis span, figcaption')]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          text: el.textContent,
          fontSize: parseFloat(getComputedStyle(el).fontSize),
          contrast: contrast(getComputedStyle(el).color, background),
          inside: r.left >= 0 && r.right <= document.documentElement.clientWidth && r.width > 0,
        };
      }),
  };
}
type Facts = ReturnType<typeof chartFacts>;

async function open(
  options: Parameters<typeof newPage>[1],
  path: string,
  media: 'screen' | 'print' = 'screen',
): Promise<Page> {
  const page = await newPage(site.browser, options);
  await page.emulateMedia({ media });
  await page.goto(site.server.url(path));
  return page;
}

/** The chart is drawn: a box, bars at least a pixel wide, bars and numbers in contrast with the page. */
function expectDrawn(facts: Facts) {
  expect(facts.svg.width).toBeGreaterThan(100);
  expect(facts.svg.height).toBeGreaterThan(40);
  expect(facts.smallestBar).toBeGreaterThanOrEqual(1);
  expect(facts.contrast, `${facts.fill} on ${facts.background}`).toBeGreaterThanOrEqual(3);
  // The peak, zero, at least two labels of the axis, the caption.
  expect(facts.numbers.length).toBeGreaterThanOrEqual(5);
  for (const n of facts.numbers) expect(n.contrast, n.text ?? '').toBeGreaterThanOrEqual(4.5);
}

// An archive whose charts are all sentences (a single document) has no drawn chart to look at.
if (pages.length > 0) {
  // The colours come from the one style sheet, the same for every chart: read on the first page drawn.
  describe.each(pages.slice(0, 1))('the chart of the %s page', (name, path) => {
    test.each(['light', 'dark'] as const)('in %s, is drawn in the scheme’s accent colour', async (colorScheme) => {
      const page = await open({ colorScheme }, path);
      const facts = await page.evaluate(chartFacts);
      expectDrawn(facts);
      expect(facts.fill).toBe(facts.accent);
      await page.locator('main figure.chart').screenshot({ path: screenshotPath(`chart-${name}-${colorScheme}.png`) });
      await page.context().close();
    });

    test('prints black bars on white, even from a dark screen', async () => {
      const page = await open({ colorScheme: 'dark', viewport: { width: 794, height: 1123 } }, path, 'print');
      const facts = await page.evaluate(chartFacts);
      expectDrawn(facts);
      expect(facts.background).toBe('rgb(255, 255, 255)');
      expect(facts.fill).toBe('rgb(0, 0, 0)');
      await page.locator('main figure.chart').screenshot({ path: screenshotPath(`chart-${name}-print.png`) });
      await page.context().close();
    });

    test('in forced colours, takes the system’s text colour', async () => {
      const page = await open({ forcedColors: 'active' }, path);
      const facts = await page.evaluate(chartFacts);
      expectDrawn(facts);
      expect(facts.fill).toBe(facts.canvasText);
      await page.context().close();
    });
  });

  /**
   * Whether the numbers fit at 320 px depends on the width of the reader's font: they are checked
   * with fonts of very different widths, each alone on the machine as far as Chromium can tell.
   */
  describe.each(fontSetups)('at 320 px, with $name', (setup) => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await launch({ fonts: setup });
      page = await newPage(browser, { viewport: { width: 320, height: 640 } });
    });
    afterAll(async () => {
      await browser?.close();
    });

    test.each(pages)(
      'the chart of the %s page keeps its numbers readable and within the screen',
      async (name, path) => {
        await page.goto(site.server.url(path));
        const facts = await page.evaluate(chartFacts);
        expectDrawn(facts);
        for (const n of facts.numbers) {
          expect(n.fontSize, n.text ?? '').toBeGreaterThanOrEqual(12);
          expect(n.inside, n.text ?? '').toBe(true);
        }
        if (setup === fontSetups[0]) {
          await page.locator('main figure.chart').screenshot({ path: screenshotPath(`chart-${name}-320.png`) });
        }
      },
    );
  });
}
