/**
 * `npm run bench:search`: how long the search page takes to show its first results, measured in
 * Chromium on the site's own `/recherche/` page, on a synthetic archive (`generate.ts`).
 *
 *   npm run bench:search                               10,000 documents, generated and built here
 *   npm run bench:search -- --documents 4000           another size
 *   npm run bench:search -- --dist <folder>            a site already built (`npm run bench -- --keep` prints where)
 *   npm run bench:search -- --record                   also writes the results into docs/performance.md
 *   npm run bench:search -- --keep                     keeps the generated archive and its build
 *
 * Three words are searched: the most common word of the archive (held by nearly every
 * document), a word held by about one document in ten, and a word held by a handful. Each is
 * timed, in the page itself (`performance.now()`), from the moment the form is sent to the moment
 * the count is shown with the first results, three ways:
 *   - typed: the page open and its index opened, the word typed and sent (a reader's search);
 *   - again: another word on the same page (the worker and the parts' files already loaded);
 *   - cold: a new browser profile (empty cache) opening `/recherche/?q=<word>`, timed from the
 *     start of the navigation: the page, the script, Pagefind's worker and WebAssembly, every
 *     part's metadata and filters, the index chunks, the fragments.
 * Each is the median of `--runs` runs. The page's own measures (`search:open`, `search:query`,
 * `search:fragments`, see `src/features/search/client/page.ts`) split the time. No test asserts
 * a time: machines differ.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { MANIFEST_FILE, type SearchManifest } from '#features/search/manifest.ts';
import { generateArchive } from './generate.ts';
import { medianBy, root } from './measure.ts';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    dist: { type: 'string' },
    runs: { type: 'string', default: '3' },
    record: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The generated archive built into a temporary folder, unless `--dist` names a build. */
function site(): { dist: string; content?: string; cleanup(): void } {
  if (values.dist) return { dist: values.dist, cleanup: () => undefined };
  const work = mkdtempSync(join(tmpdir(), 'readout-archive-bench-search-'));
  const content = join(work, 'content');
  const documents = Number(values.documents);
  console.log(`Archive synthétique de ${documents} documents dans ${work}…`);
  generateArchive(content, { documents, people: 300, topics: 200, places: 60 });
  const dist = join(work, 'dist');
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'astro.ts'), 'build'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: content,
      OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(work, 'cache'),
      SITE_URL: 'https://archive.test',
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (built.status !== 0) throw new Error(`La construction a échoué :\n${built.stdout}\n${built.stderr}`);
  console.log(`Construit dans ${dist}.`);
  return {
    dist,
    content,
    cleanup: () => (values.keep ? console.log(`Gardé : ${work}`) : rmSync(work, { recursive: true, force: true })),
  };
}

/** Words of the documents' texts and how many documents hold each, from the built pages' text. */
function wordsToSearch(dist: string): { label: string; word: string; documents: number }[] {
  const folder = join(dist, 'comptes-rendus');
  const ids = readdirSync(folder).filter((id) => /^\d{4}-/.test(id));
  const counts = new Map<string, number>();
  for (const id of ids) {
    const html = readFileSync(join(folder, id, 'index.html'), 'utf8');
    const body = /<div class="body[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    const words = new Set(
      body
        .replace(/<[^>]+>/g, ' ')
        .toLowerCase()
        .match(/\p{L}{6,}/gu) ?? [],
    );
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const near = (target: number) =>
    sorted.reduce((best, w) => (Math.abs(w[1] - target) < Math.abs(best[1] - target) ? w : best));
  const [common, tenth, few] = [sorted[0]!, near(ids.length / 10), near(3)];
  return [
    { label: 'mot courant', word: common[0], documents: common[1] },
    { label: 'un document sur dix', word: tenth[0], documents: tenth[1] },
    { label: 'mot rare', word: few[0], documents: few[1] },
  ];
}

const median = (xs: number[]) => medianBy(xs, (x) => x);

/** Sends `word` through the page's form; resolves with the milliseconds until the count and first results show. */
async function timeSearch(page: Page, word: string): Promise<number> {
  return page.evaluate(async (word) => {
    const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
    const status = document.querySelector('[data-search-status]')!;
    const list = document.querySelector('[data-search-list]')!;
    input.value = word;
    const started = performance.now();
    input.form!.requestSubmit();
    return new Promise<number>((resolve) => {
      const check = () => {
        if (status.textContent?.includes(word) && list.querySelector('li a')) resolve(performance.now() - started);
        else requestAnimationFrame(check);
      };
      check();
    });
  }, word);
}

/** The page's own measures of its last search, in milliseconds. */
const measures = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.duration)])),
  );

async function measure(browser: Browser, origin: string, word: string, other: string) {
  const typed: number[] = [];
  const again: number[] = [];
  const cold: number[] = [];
  let split: Record<string, number> = {};
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    // Cold: a new profile, the word in the address.
    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    let loaded = 0;
    page.on(
      'response',
      (r) =>
        void r.body().then(
          (b) => (loaded += b.length),
          () => undefined,
        ),
    );
    await page.goto(`${origin}/recherche/?q=${encodeURIComponent(word)}`);
    const shown = await page.waitForFunction(
      (word) => {
        const status = document.querySelector('[data-search-status]')?.textContent ?? '';
        return status.includes(word) && document.querySelector('[data-search-list] li a') ? performance.now() : false;
      },
      word,
      { polling: 'raf', timeout: 120_000 },
    );
    cold.push((await shown.jsonValue()) as number);
    bytes = loaded;
    await fresh.close();
    // Typed: the page open and its index ready, then the word sent; again: a second word.
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${origin}/recherche/`);
    await tab.locator('[data-search-ready]').waitFor({ state: 'attached', timeout: 120_000 });
    typed.push(await timeSearch(tab, word));
    split = await measures(tab);
    await timeSearch(tab, other);
    again.push(await timeSearch(tab, word));
    await context.close();
  }
  return { typed: median(typed), again: median(again), cold: median(cold), split, bytes };
}

const built = site();
try {
  const manifest = JSON.parse(readFileSync(join(built.dist, 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest;
  const documents = manifest.parts.reduce((sum, p) => sum + p.pages, 0);
  // Cached ten minutes, as `public/_headers` and the nginx configuration serve the site.
  const serveFiles = sirv(built.dist, { dev: false, etag: true, maxAge: 600 });
  const server = createServer((req, res) =>
    serveFiles(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const rows: string[] = [];
  try {
    const words = wordsToSearch(built.dist);
    for (const [i, { label, word, documents: holding }] of words.entries()) {
      const m = await measure(browser, origin, word, words[(i + 1) % words.length]!.word);
      const row = [
        `${label} (« ${word} », ${holding} documents)`,
        `${Math.round(m.typed)} ms`,
        `${Math.round(m.again)} ms`,
        `${Math.round(m.cold)} ms`,
        `${m.split['search:query'] ?? '—'} ms`,
        `${m.split['search:fragments'] ?? '—'} ms`,
        `${m.split['search:open'] ?? '—'} ms`,
        `${(m.bytes / 1024).toFixed(0)} Ko`,
      ];
      rows.push(`| ${row.join(' | ')} |`);
      console.log(row.join(' · '));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const header = [
    'recherche',
    'page ouverte, mot envoyé',
    'un autre mot ensuite',
    'à froid, par l’adresse',
    'dont recherche dans les parties et classement',
    'dont extraits des 20 premiers',
    'ouverture de l’index (à l’arrivée sur la page)',
    'chargé à froid',
  ];
  const report = [
    `Mesuré le ${new Date().toISOString().slice(0, 10)} avec \`npm run bench:search${values.dist ? '' : ` -- --documents ${documents}`}\` : ${documents} documents en ${manifest.parts.length} parties, Chromium, serveur local, médiane de ${runs} essais ; ${cpus().length} cœurs, charge moyenne ${loadavg()[0]!.toFixed(2)}.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows,
  ].join('\n');
  console.log(`\n${report}`);
  if (values.record) {
    const file = join(root, 'docs', 'performance.md');
    const text = readFileSync(file, 'utf8');
    const [start, end] = ['<!-- bench-search:start -->', '<!-- bench-search:end -->'];
    if (!text.includes(start)) throw new Error(`${file} n’a pas les repères ${start} et ${end}`);
    writeFileSync(
      file,
      `${text.slice(0, text.indexOf(start) + start.length)}\n\n${report}\n\n${text.slice(text.indexOf(end))}`,
    );
  }
} finally {
  built.cleanup();
}
