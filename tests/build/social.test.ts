import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { readouts, records } from '../support/content.ts';
import { fileForPath, htmlFiles } from '../support/dist.ts';

const SITE = 'https://archive.test';
const docs = readouts();

/** Width and height from a PNG's header, after checking its signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const meta = (html: HTMLElement, key: string) =>
  html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

describe.each([
  ['at the root', 'distDir', '/'],
  ['under /archive/', 'distDirBase', '/archive/'],
] as const)('OpenGraph and Twitter meta %s', (_where, name, base) => {
  let dir: string;
  let pages: { file: string; html: HTMLElement }[];
  beforeAll(() => {
    dir = inject(name);
    pages = htmlFiles(dir).map((file) => ({ file, html: parse(readFileSync(join(dir, file), 'utf8')) }));
  });

  test('every page says what it is, in French, for the archive, with its canonical URL', () => {
    expect(pages.length).toBeGreaterThan(docs.length);
    // The home page's title is the site's name.
    const siteName = pages.find((p) => p.file === 'index.html')!.html.querySelector('title')!.textContent;
    for (const { file, html } of pages) {
      expect(meta(html, 'og:site_name'), file).toBe(siteName);
      expect(meta(html, 'og:locale'), file).toBe('fr_FR');
      expect(['website', 'article', 'profile'], file).toContain(meta(html, 'og:type'));
      expect(meta(html, 'og:title'), file).toBeTruthy();
      expect(meta(html, 'og:description'), file).toBe(meta(html, 'description'));
      expect(['summary', 'summary_large_image'], file).toContain(meta(html, 'twitter:card'));
      const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(meta(html, 'og:url'), file).toBe(canonical);
    }
  });

  test('every person page is a profile', () => {
    const people = records('people');
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) {
      const page = pages.find((x) => x.file === `personnes/${p.id}/index.html`);
      expect(page && meta(page.html, 'og:type'), p.id).toBe('profile');
    }
  });

  test.each(docs.map((d) => [d.id, d.data.title] as const))(
    '%s is an article whose preview is a 1200×630 PNG of the build',
    (id, title) => {
      const page = pages.find((x) => x.file === `comptes-rendus/${id}/index.html`)!;
      expect(meta(page.html, 'og:type')).toBe('article');
      expect(meta(page.html, 'twitter:card')).toBe('summary_large_image');
      const image = meta(page.html, 'og:image')!;
      expect(image).toBe(`${SITE}${base}comptes-rendus/${id}/apercu.png`);
      expect(meta(page.html, 'og:image:alt')).toContain(title);
      expect([meta(page.html, 'og:image:width'), meta(page.html, 'og:image:height')]).toEqual(['1200', '630']);
      const file = fileForPath(dir, new URL(image).pathname, base);
      expect(file).toBeDefined();
      expect(pngSize(readFileSync(file!))).toEqual({ width: 1200, height: 630 });
    },
  );
});
