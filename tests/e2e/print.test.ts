/**
 * On paper: the document without the site's navigation, with its permanent URL and its date,
 * and the address of every link to another site. A PDF and a print-emulated screenshot are kept
 * in `test-results/screenshots/`.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { SITE_URL } from '../global-setup.ts';
import { newPage, screenshotPath, useSite } from '../support/browser.ts';
import { seed } from './seed.ts';

const documentPath = `/comptes-rendus/${seed.id}/`;
const permalink = new URL(documentPath, SITE_URL).href;
/** What the page shows only on screen. */
const screenOnly = ['.skip-link', 'header nav', 'nav.breadcrumbs', 'body > footer'];

const site = useSite(inject('distDir'));
let page: Page;
beforeAll(async () => {
  // An A4 sheet's width at 96 dpi.
  page = await newPage(site.browser, { viewport: { width: 794, height: 1123 } });
  await page.goto(site.server.url(documentPath));
});

/** The text an element's `::after` adds, or `none`. */
const after = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el, '::after').content);

describe('the document page', () => {
  test('shows its navigation, breadcrumbs and footer on screen', async () => {
    await page.emulateMedia({ media: 'screen' });
    for (const selector of screenOnly.slice(1)) expect(await page.locator(selector).isVisible(), selector).toBe(true);
  });

  test('prints without navigation, breadcrumbs, skip link or footer', async () => {
    await page.emulateMedia({ media: 'print' });
    for (const selector of screenOnly) {
      expect(await page.locator(selector).count(), selector).toBe(1);
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
  });

  test('prints its title, its date and its permanent URL', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('h1').isVisible()).toBe(true);
    const date = page.locator(`main time[datetime="${seed.id.slice(0, 10)}"]`).first();
    expect(await date.isVisible()).toBe(true);
    const url = page.getByText(permalink, { exact: true });
    expect(await url.count()).toBe(1);
    expect(await url.isVisible()).toBe(true);
  });

  test('prints the address of links to other sites, not of its own links', async () => {
    await page.emulateMedia({ media: 'print' });
    // The seed cites no outside source: add a link to another site, as a source note would print it.
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: 'https://example.org/original', id: 'dehors' });
      link.textContent = 'texte original';
      document.querySelector('main article section:last-of-type p')!.append(' ', link);
    });
    expect(await after(page, '#dehors')).toContain('https://example.org/original');
    expect(await after(page, `main a[href$="/lieux/${seed.place}/"]`)).toBe('none');
    expect(await after(page, `main a[href="${permalink}"]`)).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    expect(await after(page, '#dehors')).toBe('none');
  });

  test('prints black on white even when the reader’s screen is dark', async () => {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    // The colour of every printed element that holds text of its own.
    const colours = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
        )
        .map((el) => ({ text: el.textContent!.trim().slice(0, 40), color: getComputedStyle(el).color })),
    );
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(colours.length).toBeGreaterThan(10);
    for (const { text, color } of colours) {
      // Black or a dark grey: no channel above #55.
      const channels = color.match(/\d+/g)!.slice(0, 3).map(Number);
      expect(Math.max(...channels), `${text}: ${color}`).toBeLessThanOrEqual(0x55);
    }
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  });

  test('is kept as a PDF and as a print-emulated screenshot', async () => {
    await page.reload();
    await page.emulateMedia({ media: 'print' });
    const image = await page.screenshot({ path: screenshotPath('document-print.png'), fullPage: true });
    const pdf = await page.pdf({ path: screenshotPath('document-print.pdf'), format: 'A4', printBackground: false });
    expect(image.length).toBeGreaterThan(0);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
