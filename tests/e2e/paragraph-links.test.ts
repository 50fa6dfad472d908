/**
 * The ¶ link of each paragraph, in a real browser: hidden until wanted, shown on hover and on
 * keyboard focus, reachable with Tab, and leading to the paragraph's own address.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, inject, test } from 'vitest';
import { newPage, useSite } from '../support/browser.ts';
import { seed } from './seed.ts';

const path = `/comptes-rendus/${seed.id}/`;

const site = useSite(inject('distDir'));
let page: Page;
beforeAll(async () => {
  page = await newPage(site.browser);
});

const opacity = (n: number) => page.locator(`#p${n} > a.paragraph-link`).evaluate((a) => getComputedStyle(a).opacity);

test('each paragraph link is a link named « Lien vers le paragraphe N », marked ¶ by the stylesheet', async () => {
  await page.goto(site.server.url(path));
  const links = page.getByRole('link', { name: /^Lien vers le paragraphe \d+$/ });
  // One per paragraph of the seed's text, as published.
  expect(await links.count()).toBe(seed.paragraphs.length);
  const mark = await page.locator('#p1 > a.paragraph-link').evaluate((a) => getComputedStyle(a, '::after').content);
  expect(mark).toContain('¶');
});

test('the link stays out of sight until the reader points at its paragraph', async () => {
  await page.goto(site.server.url(path));
  expect(await opacity(2)).toBe('0');
  await page.locator('#p2').hover();
  expect(await opacity(2)).toBe('1');
  expect(await opacity(3)).toBe('0');
});

test('Tab reaches the link, shows it, and Enter leads to the paragraph’s address', async () => {
  await page.goto(site.server.url(path));
  let focused = '';
  for (let i = 0; i < 100 && focused !== '#p1'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
  }
  expect(focused).toBe('#p1');
  expect(await opacity(1)).toBe('1');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#p1$/);
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p1');
  expect(await opacity(1)).toBe('1');
});
