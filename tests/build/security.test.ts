/**
 * The site lets no one in: every page carries a Content-Security-Policy without
 * 'unsafe-inline' scripts, that still allows the site's own inline styles; no inline event
 * handler or `javascript:` URL anywhere; nothing loaded from another origin, and links to
 * other hosts (written in documents) carry rel="noopener noreferrer"; `public/_headers`
 * sends the headers a page cannot set itself.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Root } from 'hast';
import { root } from '../support/build.ts';
import { htmlFiles, listFiles } from '../support/dist.ts';
import rehypeReadoutLinks from '#features/markdown/rehype-readout-links.ts';

const SITE_URL = 'https://archive.test';
const ownHost = new URL(SITE_URL).host;

function sites(): [string, string][] {
  return [
    ['the site', inject('distDir')],
    ['the site under /archive/', inject('distDirBase')],
    // Built by the global setup, with documents holding outbound links and a redirect page.
    ['a site with outbound links and a redirect', inject('distDirLinks')],
  ];
}

const pagesOf = (dir: string): [string, HTMLElement][] => {
  const files = htmlFiles(dir);
  expect(files.length).toBeGreaterThan(10);
  return files.map((f) => [f, parse(readFileSync(join(dir, f), 'utf8'))]);
};

/** `script-src 'self' 'sha256-…'` → { 'script-src': ["'self'", "'sha256-…'"] } */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('every page', () => {
  test('carries a CSP in its head: no inline or eval scripts, nothing from another origin', () => {
    for (const [site, dir] of sites()) {
      for (const [file, html] of pagesOf(dir)) {
        const where = `${site}: ${file}`;
        const metas = html.querySelectorAll('head meta[http-equiv="content-security-policy"]');
        expect(metas, where).toHaveLength(1);
        const csp = directives(metas[0]!.getAttribute('content') ?? '');
        expect(csp.get('default-src'), where).toEqual(["'self'"]);
        expect(csp.get('object-src'), where).toEqual(["'none'"]);
        const scripts = csp.get('script-src') ?? [];
        expect(scripts, where).toContain("'self'");
        // 'wasm-unsafe-eval' only lets a page compile WebAssembly (the search index), not run strings as code.
        for (const source of scripts) {
          expect(source, where).toMatch(/^'(?:self|wasm-unsafe-eval|sha(?:256|384|512)-[A-Za-z0-9+/=]+)'$/);
        }
        for (const [name, values] of csp) {
          for (const value of values) {
            expect(value, `${where}: ${name}`).not.toMatch(
              /^(?:'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:.*)$/,
            );
            // An image written into the page itself (data:) is no request; nothing else may come that way.
            if (name !== 'img-src') expect(value, `${where}: ${name}`).not.toBe('data:');
          }
        }
      }
    }
  });

  test('allows each inline style or script by its hash, so the CSP blocks none of the site', () => {
    // The site's styles are in one style sheet, and its scripts in files: pages may have no
    // inline code at all. The pages read are counted, so that the test never passes on nothing.
    let pages = 0;
    for (const [site, dir] of sites()) {
      for (const [file, html] of pagesOf(dir)) {
        pages += 1;
        const csp = directives(
          html.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '',
        );
        for (const [tag, directive] of [
          ['style', 'style-src'],
          ['script', 'script-src'],
        ] as const) {
          for (const el of html.querySelectorAll(tag)) {
            // Only what runs needs a hash; data blocks (JSON-LD, templates) are not code.
            const type = el.getAttribute('type') ?? '';
            const runs = tag === 'style' || /^(?:|module|(?:text|application)\/javascript)$/i.test(type);
            if (el.getAttribute('src') !== undefined || !runs) continue;
            expect(csp.get(directive), `${site}: ${file}: <${tag}>`).toContain(sha256(el.innerHTML));
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(0);
  });

  test('has no inline event handler, style attribute or javascript: URL', () => {
    for (const [site, dir] of sites()) {
      for (const [file, html] of pagesOf(dir)) {
        for (const el of html.querySelectorAll('*')) {
          for (const [name, value] of Object.entries(el.attributes)) {
            const where = `${site}: ${file}: <${el.tagName.toLowerCase()} ${name}>`;
            expect(name.toLowerCase(), where).not.toMatch(/^on/);
            expect(name.toLowerCase(), where).not.toBe('style');
            expect(value.replace(/[\s\u0000-\u001f]/g, ''), where).not.toMatch(/^javascript:/i);
          }
        }
      }
    }
  });

  test('loads nothing from another host, and links to other hosts only with rel="noopener noreferrer"', () => {
    let outbound = 0;
    for (const [site, dir] of sites()) {
      for (const [file, html] of pagesOf(dir)) {
        for (const el of html.querySelectorAll('[src], [href], [srcset], [action], [poster], [data]')) {
          const tag = el.tagName.toLowerCase();
          for (const name of ['src', 'href', 'srcset', 'action', 'poster', 'data']) {
            const value = el.getAttribute(name);
            if (!value) continue;
            for (const url of name === 'srcset'
              ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '')
              : [value]) {
              const absolute = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) ? new URL(url, SITE_URL) : undefined;
              if (!absolute || absolute.host === ownHost) continue;
              const where = `${site}: ${file}: <${tag} ${name}="${url}">`;
              expect(tag === 'a' && name === 'href', `${where} loads from another host`).toBe(true);
              expect((el.getAttribute('rel') ?? '').split(/\s+/), where).toEqual(
                expect.arrayContaining(['noopener', 'noreferrer']),
              );
              outbound += 1;
            }
          }
        }
      }
    }
    // The links document holds two links in its text and its source: the test has something to check.
    expect(outbound).toBeGreaterThanOrEqual(3);
  });
});

test('stylesheets import nothing and load nothing from another host', () => {
  let sheets = 0;
  for (const [site, dir] of sites()) {
    for (const file of listFiles(dir).filter((f) => f.endsWith('.css'))) {
      sheets += 1;
      const css = readFileSync(join(dir, file), 'utf8');
      expect(css, `${site}: ${file}`).not.toMatch(/@import|url\(\s*['"]?(?:[a-z]+:)?\/\//i);
    }
  }
  expect(sheets).toBeGreaterThan(0);
});

describe('links in the text of a document', () => {
  const link = (href: string): Root => ({
    type: 'root',
    children: [{ type: 'element', tagName: 'a', properties: { href }, children: [] }],
  });
  const run = (href: string, base: string) => {
    const tree = link(href);
    rehypeReadoutLinks({ base })(tree);
    return (tree.children[0] as { properties: Record<string, unknown> }).properties;
  };

  // prettier-ignore
  const rows: [string, string, string, Record<string, unknown>][] = [
    ['a web link gets rel="noopener noreferrer"', 'https://www.example.org/', '/', { href: 'https://www.example.org/', rel: ['noopener', 'noreferrer'] }],
    ['a link to the site stays as written at the root', '/personnes/wang-yi/', '/', { href: '/personnes/wang-yi/' }],
    ['a link to the site gets the base path', '/personnes/wang-yi/', '/archive/', { href: '/archive/personnes/wang-yi/' }],
    ['a link to a paragraph is left alone', '#p1', '/archive/', { href: '#p1' }],
    ['an e-mail link is left alone', 'mailto:archive@example.org', '/', { href: 'mailto:archive@example.org' }],
  ];
  test.each(rows)('%s', (_why, href, base, expected) => {
    expect(run(href, base)).toEqual(expected);
  });
});

describe('public/_headers', () => {
  /** Netlify / Cloudflare Pages format: a path at the start of a line, then indented `Name: value` lines. */
  function parseHeaders(text: string): Map<string, Map<string, string>> {
    const rules = new Map<string, Map<string, string>>();
    let current: Map<string, string> | undefined;
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '' || line.trim().startsWith('#')) return;
      if (/^\S/.test(line)) {
        expect(line, `line ${i + 1} is a path`).toMatch(/^\/\S*$/);
        current = new Map();
        rules.set(line, current);
        return;
      }
      expect(current, `line ${i + 1} follows a path`).toBeDefined();
      if (/^\s+!\s*[\w-]+$/.test(line)) return; // Cloudflare: detach a header set by a broader rule
      const match = /^\s+([A-Za-z-]+):\s*(\S.*)$/.exec(line);
      expect(match, `line ${i + 1} is « Name: value »`).not.toBeNull();
      current!.set(match![1]!.toLowerCase(), match![2]!);
    });
    return rules;
  }

  const source = readFileSync(join(root, 'public', '_headers'), 'utf8');
  const rules = parseHeaders(source);

  test('sends the security headers on every path', () => {
    const all = rules.get('/*');
    expect(all).toBeDefined();
    const hsts = /max-age=(\d+)/.exec(all!.get('strict-transport-security') ?? '');
    expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(all!.get('x-content-type-options')).toBe('nosniff');
    expect(all!.get('referrer-policy')).toMatch(
      /^(?:no-referrer|strict-origin|same-origin|strict-origin-when-cross-origin)$/,
    );
    expect(all!.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(directives(all!.get('content-security-policy') ?? '').get('frame-ancestors')).toEqual(["'none'"]);
  });

  test('caches hashed assets for a year as immutable, and pages briefly', () => {
    const assets = rules.get('/_astro/*')?.get('cache-control') ?? '';
    expect(assets).toMatch(/immutable/);
    expect(Number(/max-age=(\d+)/.exec(assets)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    const pages = rules.get('/*')?.get('cache-control') ?? '';
    expect(Number(/max-age=(\d+)/.exec(pages)?.[1])).toBeLessThanOrEqual(3600);
  });

  test('is copied into the built site, with its paths moved below the base path', () => {
    expect(readFileSync(join(inject('distDir'), '_headers'), 'utf8')).toBe(source);
    const underBase = parseHeaders(readFileSync(join(inject('distDirBase'), '_headers'), 'utf8'));
    expect([...underBase.keys()]).toEqual([...rules.keys()].map((path) => `/archive${path}`));
  });
});
