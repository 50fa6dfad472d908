/**
 * axe (WCAG 2.2 A and AA rules) finds nothing, in light and in dark, on the pages of
 * `samplePaths`: the largest page of each kind, the one with the most to check. The
 * other pages of a kind come from the same template and kinds of data; every page of every build
 * is checked without a browser (`tests/static/html-validate.test.ts`, `links.test.ts`).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, expect, inject, test } from 'vitest';
import { newPage, useSite } from '../support/browser.ts';
import { samplePaths } from '../support/dist.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const dir = inject('distDir');
const paths = samplePaths(dir);

const site = useSite(dir);

test('the sitemap lists pages to check', () => {
  expect(paths.length).toBeGreaterThan(1);
});

const schemes = ['light', 'dark'] as const;
let pages: Page[];
beforeAll(async () => {
  pages = await Promise.all(schemes.map((colorScheme) => newPage(site.browser, { colorScheme })));
});

/** The violations axe finds on `path` in one colour scheme, one line each. */
async function violations(page: Page, path: string, scheme: (typeof schemes)[number]): Promise<string[]> {
  await page.goto(site.server.url(path));
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  // Legacy mode runs axe once in the page instead of in a second, blank page: the site has no frames.
  // Only the violations are reported in full: the rest would be serialised for nothing.
  const { violations, passes } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  expect(passes.length).toBeGreaterThan(0);
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${scheme}: ${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`),
  );
}

test.each(paths)('%s has no axe violation, in light and in dark', async (path) => {
  const found = await Promise.all(schemes.map((scheme, i) => violations(pages[i]!, path, scheme)));
  expect(found.flat()).toEqual([]);
});
