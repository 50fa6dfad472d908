/**
 * deploy/nginx.conf on a real server: Debian's nginx serves the root build on a loopback port,
 * with only the config's `listen` and `root` lines changed, and every answer is checked over
 * HTTP: statuses, the French 404 page, headers against `_headers`, compression, content types,
 * and the redirects of renamed documents against `_redirects`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { configWithRedirects } from '../../deploy/sync-nginx-redirects.ts';
import { readRedirects } from '#features/permanence/redirects.ts';
import { root } from '../support/build.ts';
import { testContentDir } from '../support/content.ts';
import { listFiles } from '../support/dist.ts';
import { CONFIG, fetchRaw, startNginx, type Nginx, type Response } from '../support/nginx.ts';
import { headersFor, hostFile, parseHeadersFile, parseRedirectsFile, patternRegExp } from './host-rules.ts';

/** Files a build leaves for CDNs, not for readers. */
const HOST_FILES = new Set(['_headers', '_redirects']);

/** The address a built file is served at: `x/index.html` at `/x/`. */
const pathOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

interface Kind {
  kind: string;
  match: (file: string, head: string) => boolean;
  type: string;
  /** The site promises files of this kind: the build must hold some. */
  required: boolean;
  /** Text worth compressing. */
  gzip: boolean;
}

const ext =
  (...names: string[]) =>
  (file: string) =>
    names.some((n) => file.endsWith(`.${n}`));

/** The content type of each kind of file, first match winning. */
const KINDS: Kind[] = [
  {
    kind: 'RSS feed',
    match: (f, head) => f.endsWith('.xml') && /<rss[\s>]/.test(head),
    type: 'application/rss+xml; charset=utf-8',
    required: true,
    gzip: true,
  },
  { kind: 'sitemap', match: ext('xml'), type: 'application/xml; charset=utf-8', required: true, gzip: true },
  { kind: 'page', match: ext('html'), type: 'text/html; charset=utf-8', required: true, gzip: true },
  { kind: 'style sheet', match: ext('css'), type: 'text/css; charset=utf-8', required: true, gzip: true },
  {
    kind: 'CSL-JSON reference',
    match: (f) => f.endsWith('/citation.json'),
    type: 'application/json; charset=utf-8',
    required: true,
    gzip: true,
  },
  { kind: 'JSON', match: ext('json'), type: 'application/json; charset=utf-8', required: true, gzip: true },
  {
    kind: 'BibTeX reference',
    match: ext('bib'),
    type: 'application/x-bibtex; charset=utf-8',
    required: true,
    gzip: true,
  },
  {
    kind: 'RIS reference',
    match: ext('ris'),
    type: 'application/x-research-info-systems; charset=utf-8',
    required: true,
    gzip: true,
  },
  { kind: 'Markdown source', match: ext('md'), type: 'text/markdown; charset=utf-8', required: true, gzip: true },
  { kind: 'plain text', match: ext('txt'), type: 'text/plain; charset=utf-8', required: true, gzip: true },
  { kind: 'script', match: ext('js', 'mjs'), type: 'text/javascript; charset=utf-8', required: false, gzip: true },
  { kind: 'SVG image', match: ext('svg'), type: 'image/svg+xml; charset=utf-8', required: false, gzip: true },
  {
    kind: 'web app manifest',
    match: ext('webmanifest'),
    type: 'application/manifest+json; charset=utf-8',
    required: false,
    gzip: true,
  },
  { kind: 'PNG image', match: ext('png'), type: 'image/png', required: true, gzip: false },
  { kind: 'icon', match: ext('ico'), type: 'image/x-icon', required: false, gzip: false },
  { kind: 'font', match: ext('woff2'), type: 'font/woff2', required: false, gzip: false },
  { kind: 'WebAssembly', match: ext('wasm'), type: 'application/wasm', required: false, gzip: false },
  {
    kind: 'search index (Pagefind, compressed already)',
    match: (f) => /\.(pf_[a-z]+|pagefind)$/.test(f),
    type: 'application/octet-stream',
    required: true,
    gzip: false,
  },
];

/** Security headers every answer must carry, whatever its status (their exact values: `_headers`). */
const SECURITY_HEADERS: [string, RegExp][] = [
  ['strict-transport-security', /^max-age=\d{7,}/],
  ['x-content-type-options', /^nosniff$/],
  ['referrer-policy', /\S/],
  ['permissions-policy', /\S/],
  ['content-security-policy', /frame-ancestors 'none'/],
];

const maxAge = (r: Response) => Number(/max-age=(\d+)/.exec(String(r.headers['cache-control']))?.[1] ?? NaN);

let dist: string;
let files: string[];
let nginx: Nginx;
const get = (path: string, headers: Record<string, string> = {}) => fetchRaw(nginx.origin + path, headers);

beforeAll(async () => {
  dist = inject('distDir');
  files = listFiles(dist).filter((f) => !HOST_FILES.has(f));
  nginx = await startNginx(dist);
});

afterAll(async () => {
  await nginx?.stop();
});

function kindOf(file: string): Kind | undefined {
  const head = readFileSync(join(dist, file)).subarray(0, 512).toString('utf8');
  return KINDS.find((k) => k.match(file, head));
}

describe('files and folders', () => {
  test('every file of the build is served with status 200 and the content type of its kind', async () => {
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    const counts = new Map<string, number>();
    for (const file of files) {
      const kind = kindOf(file);
      if (!kind) {
        problems.push(`${file}: no expected content type; add its kind here and its type to deploy/nginx.conf`);
        continue;
      }
      counts.set(kind.kind, (counts.get(kind.kind) ?? 0) + 1);
      const res = await get(pathOf(file));
      if (res.status !== 200 || res.headers['content-type'] !== kind.type) {
        problems.push(`${pathOf(file)}: ${res.status} ${res.headers['content-type']}, expected 200 ${kind.type}`);
      }
    }
    expect(problems).toEqual([]);
    const missing = KINDS.filter((k) => k.required && !counts.has(k.kind)).map((k) => k.kind);
    expect(missing, 'kinds of file the site promises but the build lacks').toEqual([]);
  });

  test('a folder’s address without its final slash answers 301 with a relative Location to the address with it', async () => {
    const folders = files.filter((f) => f.endsWith('/index.html')).map((f) => pathOf(f).slice(0, -1));
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const res = await get(folder);
      expect([folder, res.status, res.headers.location]).toEqual([folder, 301, `${folder}/`]);
    }
    const withQuery = await get(`${folders[0]}?q=1`);
    expect(withQuery.headers.location).toBe(`${folders[0]}/?q=1`);
  });

  test.each([
    ['/nexiste-pas/', 'a page that does not exist'],
    ['/comptes-rendus/nexiste-pas/', 'a document that does not exist'],
    ['/comptes-rendus/nexiste-pas', 'the same without its final slash'],
    ['/_astro/absent.css', 'a missing asset'],
    ['/_astro/', 'a folder without a page'],
    ['/_headers', 'the instructions for CDNs, which are no page'],
    ['/_redirects', 'the redirect list for CDNs, which is no page'],
  ])('%s (%s) answers 404 with the French 404 page', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body.equals(readFileSync(join(dist, '404.html')))).toBe(true);
    expect(res.body.toString()).toMatch(/<html[^>]* lang="fr"/);
    expect(res.headers['cache-control'], 'a 404 is never kept for long').not.toMatch(/immutable/);
  });
});

describe('headers', () => {
  test('every answer carries the headers `_headers` gives its path, with the same values', async () => {
    const rules = parseHeadersFile(hostFile(dist, '_headers'));
    expect(rules.length, 'the build has a _headers file with rules').toBeGreaterThan(0);
    const paths = [...files.map(pathOf), '/nexiste-pas/', '/comptes-rendus'];
    for (const rule of rules) {
      const re = patternRegExp(rule.pattern);
      expect(
        paths.some((p) => re.test(p)),
        `a path of the build matches ${rule.pattern}`,
      ).toBe(true);
    }
    const problems: string[] = [];
    for (const path of paths) {
      const res = await get(path);
      for (const [name, value] of headersFor(rules, path)) {
        if (res.headers[name] !== value)
          problems.push(`${path} ${name}: ${String(res.headers[name])}, expected ${value}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test.each([
    ['/', 'the home page'],
    ['/comptes-rendus/', 'an index'],
    ['/comptes-rendus', 'a redirect'],
    ['/nexiste-pas/', 'the 404 page'],
    ['/robots.txt', 'a file'],
  ])('%s (%s) carries every security header', async (path) => {
    const res = await get(path);
    for (const [name, value] of SECURITY_HEADERS)
      expect([name, res.headers[name]]).toEqual([name, expect.stringMatching(value)]);
  });

  test('assets under /_astro/ carry the security headers and are cached for a year as immutable', async () => {
    const assets = files.filter((f) => f.startsWith('_astro/'));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await get(pathOf(asset));
      expect(res.headers['cache-control']).toMatch(/\bimmutable\b/);
      expect(maxAge(res)).toBeGreaterThanOrEqual(31_536_000);
      for (const [name, value] of SECURITY_HEADERS) expect(res.headers[name]).toMatch(value);
    }
  });

  test('pages are cached briefly, so that a correction reaches readers within the hour', async () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) {
      const res = await get(pathOf(file));
      expect(res.headers['cache-control']).not.toMatch(/immutable/);
      expect(maxAge(res)).toBeLessThanOrEqual(3600);
    }
  });
});

describe('compression', () => {
  /** The largest file of each kind worth compressing, when large enough for gzip to be used. */
  const samples = () =>
    KINDS.filter((k) => k.gzip).flatMap((k) => {
      const [largest] = files
        .filter((f) => kindOf(f) === k)
        .map((f) => ({ f, size: statSync(join(dist, f)).size }))
        .sort((a, b) => b.size - a.size);
      return largest && largest.size >= 1024 ? [{ kind: k.kind, file: largest.f }] : [];
    });

  test('text is sent gzip-compressed to clients that accept it, and identical once decompressed', async () => {
    const chosen = samples();
    expect(chosen.map((s) => s.kind)).toEqual(expect.arrayContaining(['page', 'style sheet', 'JSON']));
    for (const { file } of chosen) {
      const res = await get(pathOf(file), { 'accept-encoding': 'gzip' });
      expect([file, res.headers['content-encoding']]).toEqual([file, 'gzip']);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(gunzipSync(res.body).equals(readFileSync(join(dist, file)))).toBe(true);
    }
  });

  test('text is sent as is to clients that do not ask for compression', async () => {
    const [sample] = samples();
    expect(sample).toBeDefined();
    const res = await get(pathOf(sample!.file));
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(readFileSync(join(dist, sample!.file)))).toBe(true);
  });

  test('files compressed already (images, search index) are not compressed again', async () => {
    const binary = files.filter((f) => kindOf(f)?.gzip === false);
    expect(binary.length).toBeGreaterThan(0);
    for (const file of binary) {
      const res = await get(pathOf(file), { 'accept-encoding': 'gzip' });
      expect([file, res.headers['content-encoding']]).toEqual([file, undefined]);
    }
  });
});

describe('redirects of renamed documents', () => {
  let site: string;
  let server: Nginx;
  let first: string;

  /**
   * With the archive's own redirects when one of them renames a page; otherwise with the global
   * setup's third site (`distDirLinks`), whose content adds such a redirect (`content-renamed`),
   * so that the way from `content/redirects.yaml` to a 301 is always exercised.
   */
  beforeAll(async () => {
    const { redirects } = readRedirects(root, testContentDir());
    const page = redirects.find((r) => r.from.endsWith('/'));
    if (page) {
      [site, first, server] = [dist, page.from, nginx];
      return;
    }
    const contentDir = inject('linksContentDir');
    const renamed = readRedirects(root, contentDir).redirects.find((r) => r.from.endsWith('/'));
    if (!renamed) throw new Error(`${contentDir}/redirects.yaml renames no page: see LINKS_OVERLAYS`);
    [site, first] = [inject('distDirLinks'), renamed.from];
    server = await startNginx(site, configWithRedirects(readFileSync(CONFIG, 'utf8'), contentDir));
  });

  afterAll(async () => {
    if (server && server !== nginx) await server.stop();
  });

  test('every line of `_redirects` is answered the same way by nginx, with a 301 to a page that exists', async () => {
    const lines = parseRedirectsFile(hostFile(site, '_redirects'));
    expect(lines.map((l) => l.from)).toContain(`/${first}`);
    expect(existsSync(join(site, first, 'index.html')), 'the build leaves a redirect page at the old address').toBe(
      true,
    );
    for (const line of lines) {
      let { from, to } = line;
      if (from.endsWith('*')) {
        // A line for the files below a page: try it with a file the new page has.
        const page = to.replace(':splat', '');
        const below = listFiles(join(site, page)).find((f) => f !== 'index.html');
        expect(below, `a file below ${page}`).toBeDefined();
        [from, to] = [from.slice(0, -1) + below, page + below];
      }
      const res = await fetchRaw(server.origin + from);
      expect([from, res.status, res.headers.location]).toEqual([from, line.status, to]);
      expect((await fetchRaw(server.origin + to)).status).toBe(200);
    }
  });

  test('the old address without its final slash reaches the new page in one hop', async () => {
    const line = parseRedirectsFile(hostFile(site, '_redirects')).find((l) => l.from === `/${first}`)!;
    const res = await fetchRaw(server.origin + line.from.slice(0, -1));
    expect([res.status, res.headers.location]).toEqual([301, line.to]);
  });
});
