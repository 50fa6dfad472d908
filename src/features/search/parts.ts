/**
 * The search index in parts: one Pagefind index per language and year (a year of many documents
 * divided into runs of months, `groupByPart`), each written into the cache under a key made of
 * what it holds (every page's address and snippet), so that a build writes again only the parts
 * whose pages' snippets changed, and takes the others from the cache. Pagefind cannot update an index (its Node API adds pages to a new one); its maintainer's
 * answer to incremental indexing is to index a site in parts and merge them in the browser
 * (Pagefind issues #71 and #256), which `client/` does.
 *
 * The parts are then put together in one folder (`assembleBundle`): their files are named by a
 * hash of their content (index chunks, fragments, filters, metadata); one `pagefind-entry.json`
 * names each part as a language of its own (see `manifest.ts`), and Pagefind's worker script and
 * WebAssembly come once. A page's fragment is named by the first seven hexadecimal digits of its
 * hash, which Pagefind makes unique within one index only: two parts of 1,000 pages share a name
 * about once in 27 builds of 10,000 documents. A part whose fragments would take a name an earlier
 * part holds with other bytes (or an index chunk's, or a filter's) is written again with a salt (`SALT`, a field of metadata no reader sees), the
 * smallest that frees every name: the choice depends on the content alone, so a rebuild and a
 * clean build choose the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { threadId, Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { linkOrCopy, listFiles } from '#features/site-files.ts';
import { MANIFEST_FILE, partKey, type PersonName, type SearchManifest, type SearchPart } from './manifest.ts';
import { readPageStats } from './pf-meta.ts';
import type { SearchSnippet } from './snippets.ts';

/** Pagefind's own description of an index, `pagefind-entry.json`. */
interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

const ENTRY = 'pagefind-entry.json';
/** What the search page needs of Pagefind's files besides the parts: its worker, which loads the WebAssembly. */
const RUNTIME = ['pagefind-worker.js', 'wasm.unknown.pagefind'];

/** A part as written in the cache. */
export interface WrittenPart {
  part: SearchPart;
  /** Its folder in the cache: a whole Pagefind bundle. */
  folder: string;
  /** Its `pagefind-entry.json` entry. */
  entry: PagefindEntry['languages'][string];
}

/**
 * How many pages a part holds at most, where a year's months allow it. A change writes again the
 * part of each page it changes, and Pagefind takes about 3 ms a page to index and write one (it
 * cannot update an index): a part of 1,200 pages costs a change about 4 s, a year of 5,000
 * documents in one part 15 s. But the search page opens every part, and each costs it about 30 ms
 * more to open and 85 KB more to load cold (its metadata and filters; measured at 10,000
 * documents, 60 parts against 10: docs/performance.md), so a year is divided only past this size.
 */
const PART_PAGES = 1200;

/** How a year is divided when it holds more than `PART_PAGES` pages: into 2, 3, 4, 6 or 12 runs of months. */
const DIVISIONS = [1, 2, 3, 4, 6, 12];

/** A part's pages: its language, year and, when the year is divided, its months; its name (`partKey`). */
export interface PartGroup {
  language: string;
  year: string;
  months?: [first: string, last: string];
  key: string;
  snippets: SearchSnippet[];
}

const month = (m: number) => String(m).padStart(2, '0');

/**
 * The snippets by part: one per language and year, a year divided into runs of months of equal
 * length (a half, a quarter…) when it holds more than `partPages` pages in one language, into the
 * fewest runs that each hold at most that many (or into months). A part's pages are decided by
 * the content alone: a rebuild and a clean build make the same parts. Newest year first, its
 * latest months first, then by language.
 */
export function groupByPart(snippets: readonly SearchSnippet[], partPages = PART_PAGES): PartGroup[] {
  const years = new Map<string, { language: string; year: string; snippets: SearchSnippet[] }>();
  for (const snippet of snippets) {
    const id = partKey(snippet.language, snippet.year);
    const group = years.get(id) ?? { language: snippet.language, year: snippet.year, snippets: [] };
    group.snippets.push(snippet);
    years.set(id, group);
  }
  const groups: PartGroup[] = [];
  for (const { language, year, snippets: pages } of years.values()) {
    const perMonth = Array.from({ length: 12 }, () => 0);
    for (const page of pages) perMonth[Number(page.month) - 1]!++;
    // The run of months a month (0 to 11) falls in, when the year is divided into `division` runs.
    const runOf = (division: number, m: number) => Math.floor((m * division) / 12);
    const largestRun = (division: number) => {
      const sums = Array.from({ length: division }, () => 0);
      perMonth.forEach((count, m) => (sums[runOf(division, m)]! += count));
      return Math.max(...sums);
    };
    const division = DIVISIONS.find((d) => largestRun(d) <= partPages) ?? 12;
    if (division === 1) {
      groups.push({ language, year, key: partKey(language, year), snippets: pages });
      continue;
    }
    const runs = Array.from({ length: division }, (): SearchSnippet[] => []);
    for (const page of pages) runs[runOf(division, Number(page.month) - 1)]!.push(page);
    const length = 12 / division;
    runs.forEach((inRun, r) => {
      if (inRun.length === 0) return;
      const months: [string, string] = [month(r * length + 1), month((r + 1) * length)];
      groups.push({ language, year, months, key: partKey(language, year, months), snippets: inRun });
    });
  }
  return groups.sort(
    (a, b) =>
      b.year.localeCompare(a.year) ||
      (b.months?.[0] ?? '').localeCompare(a.months?.[0] ?? '') ||
      (a.language < b.language ? -1 : a.language > b.language ? 1 : 0),
  );
}

/** The field of metadata that changes a part's fragments' names, and so their hashes (see above). */
const SALT = 'part-salt';
/**
 * How many salts are tried before the build gives up: each is a new draw of every name. A part
 * of 5,000 pages after 45,000 others (50,000 documents) draws a free set of names 43 times in a
 * hundred (8 draws failed once at 50,000 documents); 32 fail about once in 60 million builds.
 * Past 100,000 documents, parts would need a folder each (see docs/performance.md).
 */
const SALTS = 32;

/** A page's snippet with the salt `salt` (none for 0): a field of metadata in the element Pagefind reads. */
export function salted(html: string, salt: number): string {
  if (salt === 0) return html;
  const at = html.indexOf('data-pagefind-body');
  if (at < 0) throw new Error('extrait sans data-pagefind-body');
  const end = html.indexOf('>', at) + 1;
  return `${html.slice(0, end)}<span data-pagefind-meta="${SALT}:${salt}"></span>${html.slice(end)}`;
}

/** The names of a part's files that are named by a short hash: its fragments, index chunks and filters. */
function hashedNames(folder: string): string[] {
  return ['fragment', 'index', 'filter'].flatMap((dir) =>
    existsSync(join(folder, dir)) ? readdirSync(join(folder, dir)).map((name) => `${dir}/${name}`) : [],
  );
}

/** A part to write: its pages (route and HTML), its folder, its salt. */
export interface PartJob {
  pages: { route: string; html: string }[];
  folder: string;
  salt: number;
}

/**
 * How long a part may take before the build stops: Pagefind's Node API never answers a call
 * whose process has died (a panic on a full disk, a process killed), so that the build would wait
 * for ever. A part of 5,000 pages takes about 20 s (50,000 documents, docs/performance.md).
 */
export const PART_TIME_LIMIT_MS = 10 * 60 * 1000;

/**
 * Writes one part with Pagefind into `folder`, through a temporary folder: a build stopped midway
 * leaves no half part, and what the folder held is replaced.
 */
export async function writePart(job: PartJob, limitMs = PART_TIME_LIMIT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () =>
        fail(
          new Error(
            `Pagefind n’a pas écrit la partie ${job.folder} en ${Math.round(limitMs / 1000)} s : son processus s’est sans doute arrêté (voir ses messages ci-dessus)`,
          ),
        ),
      limitMs,
    );
  });
  try {
    await Promise.race([writeWithPagefind(job), limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function writeWithPagefind({ pages, folder, salt }: PartJob): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  try {
    // Sent all at once: Pagefind's process takes its messages one at a time, in the order they
    // are written, so the part is the same as with one page at a time, without a round trip each.
    const added = await Promise.all(
      pages.map(({ route, html }) => index.addHTMLFile({ sourcePath: route, content: salted(html, salt) })),
    );
    added.forEach(({ errors }, i) => {
      if (errors.length > 0) throw new Error(`${pages[i]!.route} : ${errors.join('\n')}`);
    });
    const partial = `${folder}.${process.pid}-${threadId}.tmp`;
    rmSync(partial, { recursive: true, force: true });
    try {
      const written = await index.writeFiles({ outputPath: partial });
      if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
      // What the folder held (a part left half made by a build that stopped) is replaced whole.
      rmSync(folder, { recursive: true, force: true });
      renameSync(partial, folder);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      throw error;
    }
  } finally {
    await index.deleteIndex();
  }
}

const jobOf = (snippets: readonly SearchSnippet[], folder: string, salt: number): PartJob => ({
  pages: snippets.map((snippet) => ({ route: snippet.route, html: snippet.readHtml() })),
  folder,
  salt,
});

/**
 * Writes `jobs` two at a time where the machine has two cores: one in this thread's Pagefind
 * process, the others in a worker thread's (`part-writer.ts`). A build writes many parts at once
 * when it starts from nothing or when a person named across the years is renamed; the main
 * thread has nothing else to do meanwhile.
 */
export async function writeParts(jobs: (() => PartJob)[], lanes: number): Promise<void> {
  if (jobs.length < 2 || lanes < 2) {
    for (const job of jobs) await writePart(job());
    return;
  }
  const worker = new Worker(new URL('./part-writer.ts', import.meta.url));
  // One job at a time in the worker: its answer, or its end, settles it.
  let settle: ((error?: Error) => void) | undefined;
  const exited = new Promise((done) => worker.once('exit', done));
  worker.on('message', (answer: { error?: string }) =>
    settle?.(answer.error === undefined ? undefined : new Error(answer.error)),
  );
  worker.on('error', (error) => settle?.(error));
  worker.on('exit', (code) => settle?.(new Error(`le processus d’écriture de l’index s’est arrêté (code ${code})`)));
  const inWorker = (job: PartJob) =>
    new Promise<void>((done, fail) => {
      settle = (error) => {
        settle = undefined;
        if (error) fail(error);
        else done();
      };
      worker.postMessage(job);
    });
  // A lane that fails stops the other before its next part; both are waited for, then the
  // first failure is reported, so that no part is being written once this returns.
  let next = 0;
  let failed = false;
  const lane = async (write: (job: PartJob) => Promise<void>) => {
    try {
      while (!failed && next < jobs.length) await write(jobs[next++]!());
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const outcomes = await Promise.allSettled([lane(writePart), lane(inWorker)]);
  // Its Pagefind process closed once its part is done, then the thread ends (at once if it has already).
  worker.postMessage(null);
  await exited;
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
}

/**
 * Every part of the index of `snippets`, taken from the cache or written there; `written` says
 * how many were written. Only this build's parts stay in the cache.
 */
export async function indexParts(
  snippets: readonly SearchSnippet[],
  options: {
    cacheRoot: string;
    pagefindPackage: string;
    /** How many parts are written at once: two where the machine has two cores (tests set it). */
    lanes?: number;
    /** At most this many pages a part, where a year's months allow it (`PART_PAGES`; tests set it). */
    partPages?: number | undefined;
  },
): Promise<{ parts: WrittenPart[]; written: number }> {
  const root = join(options.cacheRoot, 'parts');
  mkdirSync(root, { recursive: true });
  const version = readFileSync(options.pagefindPackage);
  let written = 0;
  const parts: WrittenPart[] = [];
  /** The files of the parts before, by name; and the folders this build keeps, salted or not. */
  const taken = new Map<string, string>();
  const kept = new Set<string>();
  const groups = groupByPart(snippets, options.partPages).map((group) => {
    const hash = createHash('sha256').update(version).update(`\n${group.key}\n`);
    for (const { route, digest } of group.snippets) hash.update(`${route}\n${digest}\n`);
    return { ...group, cacheKey: hash.digest('hex') };
  });
  // The parts not in the cache, written first, side by side: each as it is without salt. The
  // names they take are then compared in order, as below, and a part that must be drawn again
  // is written again with a salt, one at a time, as the order of the parts decides.
  const missing = groups.filter((group) => !existsSync(join(root, group.cacheKey, ENTRY)));
  await writeParts(
    missing.map((group) => () => jobOf(group.snippets, join(root, group.cacheKey), 0)),
    options.lanes ?? Math.min(2, availableParallelism()),
  );
  written += missing.length;
  for (const group of groups) {
    const key = group.cacheKey;
    let folder: string | undefined;
    for (let salt = 0; salt < SALTS && folder === undefined; salt++) {
      const candidate = join(root, salt === 0 ? key : `${key}.${salt}`);
      if (!existsSync(join(candidate, ENTRY))) {
        await writePart(jobOf(group.snippets, candidate, salt));
        written++;
      }
      // A part that collides is kept too: the next build finds it in the cache, and its names taken again.
      kept.add(candidate);
      // The same name with the same bytes is the same file (a filter that two parts share).
      const names = hashedNames(candidate);
      const clash = (name: string) => {
        const other = taken.get(name);
        return other !== undefined && !readFileSync(other).equals(readFileSync(join(candidate, name)));
      };
      if (!names.some(clash)) {
        for (const name of names) if (!taken.has(name)) taken.set(name, join(candidate, name));
        folder = candidate;
      }
    }
    if (folder === undefined) {
      throw new Error(
        `la partie ${group.key} : ${SALTS} tirages de noms de fichiers rencontrent ceux d’autres parties`,
      );
    }
    const entry = JSON.parse(readFileSync(join(folder, ENTRY), 'utf8')) as PagefindEntry;
    const languages = Object.entries(entry.languages);
    if (languages.length !== 1) {
      throw new Error(`la partie ${group.key} tient ${languages.length} langues au lieu d’une`);
    }
    const [language, index] = languages[0]!;
    if (language !== group.language) {
      throw new Error(`la partie ${group.key} est indexée en « ${language} » au lieu de « ${group.language} »`);
    }
    const stats = readPageStats(readFileSync(join(folder, `pagefind.${index.hash}.pf_meta`)));
    if (stats.pages !== index.page_count || stats.pages !== group.snippets.length) {
      throw new Error(`la partie ${group.key} compte ${stats.pages} page(s) pour ${group.snippets.length} document(s)`);
    }
    parts.push({
      part: { key: group.key, language, year: group.year, wasm: index.wasm ?? 'unknown', ...stats },
      folder,
      entry: index,
    });
  }
  for (const name of readdirSync(root)) {
    if (!kept.has(join(root, name))) rmSync(join(root, name), { recursive: true, force: true });
  }
  return { parts, written };
}

/**
 * The parts put together in `outDir`: their files, Pagefind's worker and WebAssembly once, one
 * `pagefind-entry.json` naming every part, and the manifest the search page reads. The folder
 * is updated in place: the files of parts that are gone are removed, the new ones linked from
 * the cache; a file whose name is a hash of its content is left as it is. The manifest names the
 * people too (`people`, see `SearchManifest`). Returns the manifest.
 */
export function assembleBundle(
  parts: readonly WrittenPart[],
  outDir: string,
  people: readonly PersonName[],
): SearchManifest {
  const languages: PagefindEntry['languages'] = {};
  /** Each file of the folder, and the cached file it is. */
  const wanted = new Map<string, string>();
  let first: PagefindEntry | undefined;
  for (const { part, folder, entry } of parts) {
    const own = JSON.parse(readFileSync(join(folder, ENTRY), 'utf8')) as PagefindEntry;
    first ??= own;
    if (own.version !== first.version) throw new Error(`parties de l’index écrites par deux versions de Pagefind`);
    languages[part.key] = entry;
    const files = listFiles(folder).filter(
      (file) =>
        /^(index|fragment|filter)\//.test(file) ||
        file === `pagefind.${entry.hash}.pf_meta` ||
        file === `wasm.${part.wasm}.pagefind` ||
        RUNTIME.includes(file),
    );
    for (const file of files) {
      const from = join(folder, file);
      const same = wanted.get(file);
      if (same !== undefined && !readFileSync(same).equals(readFileSync(from))) {
        throw new Error(`deux parties de l’index écrivent ${file} différemment`);
      }
      wanted.set(file, from);
    }
  }
  mkdirSync(outDir, { recursive: true });
  const present = new Set(listFiles(outDir));
  for (const file of present) {
    // Pagefind's own files keep their names from one version to the next: they are linked again.
    const hashed = /^(index|fragment|filter)\/|\.pf_meta$/.test(file);
    if (!wanted.has(file) || !hashed) {
      rmSync(join(outDir, file));
      present.delete(file);
    }
  }
  for (const [file, from] of wanted) {
    if (present.has(file)) continue;
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    linkOrCopy(from, join(outDir, file));
  }
  const entry: PagefindEntry = {
    version: first?.version ?? '',
    languages: Object.fromEntries(Object.entries(languages).sort(([a], [b]) => (a < b ? -1 : 1))),
    ...(first?.include_characters && { include_characters: first.include_characters }),
  };
  const entryText = JSON.stringify(entry);
  writeFileSync(join(outDir, ENTRY), entryText);
  const manifest: SearchManifest = {
    version: entry.version,
    tag: createHash('sha256').update(entryText).digest('hex').slice(0, 16),
    parts: parts.map((p) => p.part),
    people: [...people],
  };
  writeFileSync(join(outDir, MANIFEST_FILE), JSON.stringify(manifest));
  return manifest;
}
