/**
 * Every internal link of both builds resolves: each `href`/`src`/`srcset` to a file of the
 * build, each `#fragment` to an element id of the target page. Links to the public origin
 * (`SITE_URL`: canonical and permanent URLs) count as internal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { SITE_URL } from '../global-setup.ts';
import { fileForPath, htmlFiles } from '../support/dist.ts';

/** A page URL for a file of the build (`themes/ocs/index.html` → `/archive/themes/ocs/`). */
function pathOf(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Every URL an element of the page points to, with the attribute it came from. */
function references(doc: HTMLElement): { attr: string; value: string }[] {
  const out: { attr: string; value: string }[] = [];
  for (const el of doc.querySelectorAll('[href], [src], [srcset], [poster], [action]')) {
    for (const attr of ['href', 'src', 'poster', 'action']) {
      const value = el.getAttribute(attr);
      if (value !== undefined) out.push({ attr: `<${el.tagName.toLowerCase()} ${attr}>`, value });
    }
    const srcset = el.getAttribute('srcset');
    if (srcset !== undefined) {
      for (const candidate of srcset.split(',')) {
        out.push({ attr: `<${el.tagName.toLowerCase()} srcset>`, value: candidate.trim().split(/\s+/)[0]! });
      }
    }
  }
  return out;
}

describe.each([
  ['at the root', inject('distDir'), '/'],
  ['under BASE_PATH', inject('distDirBase'), '/archive/'],
])('internal links %s', (_, dir, base) => {
  const files = htmlFiles(dir);
  const origin = new URL(SITE_URL).origin;
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const doc = parse(readFileSync(file, 'utf8'));
      set = new Set(
        doc.querySelectorAll('[id], a[name]').map((el) => el.getAttribute('id') ?? el.getAttribute('name')!),
      );
      ids.set(file, set);
    }
    return set;
  };

  test('the build has pages and links to check', () => {
    expect(files.length).toBeGreaterThan(0);
    const total = files.reduce((n, f) => n + references(parse(readFileSync(join(dir, f), 'utf8'))).length, 0);
    expect(total).toBeGreaterThan(files.length);
  });

  test.each(files)('every internal link of %s resolves', (file) => {
    const pageUrl = new URL(pathOf(file, base), SITE_URL);
    const broken: string[] = [];
    for (const { attr, value } of references(parse(readFileSync(join(dir, file), 'utf8')))) {
      if (value === '' || value === '#') {
        broken.push(`${attr} is empty: ${JSON.stringify(value)}`);
        continue;
      }
      // The 404 page is served at any address: a relative link there resolves against the wrong one.
      if (file === '404.html' && !/^(\/|#|[a-z]+:)/i.test(value)) {
        broken.push(`${attr} ${value}: relative link on the 404 page`);
        continue;
      }
      const url = new URL(value, pageUrl);
      if (url.origin !== origin) {
        if (!/^(https?|mailto|tel):$/.test(url.protocol)) broken.push(`${attr} ${value}: unexpected scheme`);
        continue;
      }
      const target = fileForPath(dir, url.pathname, base);
      if (!target) {
        broken.push(`${attr} ${value}: no file for ${url.pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !idsOf(target).has(fragment)) broken.push(`${attr} ${value}: no element with id "${fragment}"`);
    }
    expect(broken).toEqual([]);
  });
});
