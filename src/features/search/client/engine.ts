/**
 * The search index in the browser: every part (`manifest.ts`) opened in Pagefind's own worker
 * script (`pagefind-worker.js`, from the site), searched together, and ranked as one index
 * (`rank.ts`).
 *
 * Pagefind's WebAssembly holds one language's stemmer, and a worker loads one WebAssembly: so
 * there is one worker per stemmer (French, English…), each holding that language's parts, and
 * a query is stemmed in every language. The parts are opened as Pagefind instances inside their
 * worker, through the messages its script answers (`pagefind_web_js/lib/pagefind_worker.ts`:
 * `init`, `enterPlaygroundMode`, `filters`, `search`, `getData`, `releaseData`), the same ones
 * Pagefind's own `pagefind.js` sends it. Its playground mode is the one way to get the pieces of
 * each score that ranking as one index needs; `pagefind.js` does not expose it.
 *
 * Plain TypeScript with no DOM: the search page runs it with the browser's `Worker`, the tests
 * with a stand-in that runs the same script in Node (`tests/support/search-worker.ts`).
 */
import { MANIFEST_FILE, type SearchManifest, type SearchPart } from '../manifest.ts';
import { addCounts, fallbackParts, rankAsOne, RANKING_OPTIONS, type FilterCounts, type PartResponse } from './rank.ts';

/** What the engine needs of a worker: a browser's `Worker`, or a stand-in. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  terminate(): void;
}

/** A page of the index as Pagefind gives it: its address, title and date, the excerpt with the words found marked. */
export interface Fragment {
  url: string;
  meta: Record<string, string>;
  /** Some 30 words of the text around the words found, in HTML: `<mark>` around each. */
  excerpt: string;
  filters: Record<string, string[]>;
}

export interface Hit {
  /** Pagefind's name for the page: a hash of its fragment, the same in every index that holds the page. */
  id: string;
  /** The part it was found in. */
  part: SearchPart;
  score: number;
  /** Loads its fragment (a small file per page), once. */
  fragment(): Promise<Fragment>;
}

export interface SearchOutcome {
  hits: Hit[];
  /** What the workers keep to give the hits' fragments, until `forget`. */
  readonly issued: readonly Issued[];
  /** How many pages each value of each filter has among the hits. */
  filters: FilterCounts;
  /** The same, among the pages the words find before any filter. */
  totalFilters: FilterCounts;
  /**
   * Whether the counts are whole: a search made before every part's filters were loaded finds
   * the same pages, but counts only the filters already loaded (`SearchEngine.counted`).
   */
  counted: boolean;
}

export interface EngineOptions {
  /** The index's folder as the page addresses it: `/pagefind/`, `/archive/pagefind/`. */
  bundle: string;
  /** The site's base (`/`, `/archive/`), which Pagefind puts before each page's address. */
  base: string;
  /** Starts a worker on Pagefind's worker script; the browser's `Worker` by default. */
  startWorker?: (url: string) => WorkerLike;
  /** Reads the manifest; `fetch` by default. */
  fetch?: (url: string) => Promise<{ json(): Promise<unknown> }>;
  /** Words to search first (the address's), whose index chunks are loaded as the parts open. */
  preload?: string;
  /** How many words an excerpt holds (Pagefind's `excerptLength`). */
  excerptLength?: number;
}

interface Issued {
  worker: PagefindWorker;
  instance: string;
  data: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** One of Pagefind's workers, and the messages it answers. */
class PagefindWorker {
  private readonly pending = new Map<string, Pending>();
  private next = 0;
  private readonly worker: WorkerLike;

  constructor(worker: WorkerLike) {
    this.worker = worker;
    worker.onmessage = ({ data }) => {
      const { id, result, error } = data as { id: string; result?: unknown; error?: string };
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(result);
    };
    worker.onerror = () => {
      for (const waiting of this.pending.values()) waiting.reject(new Error('le script de recherche a échoué'));
      this.pending.clear();
    };
  }

  call<T>(instance: string, method: string, ...args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = `m${this.next++}`;
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, instanceId: instance, method, args });
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** How many of Pagefind's workers share the parts of one language, at most: the heaviest searches run side by side. */
const WORKERS_PER_LANGUAGE = 4;
/** How many fragments are released in one go, between searches. */
const RELEASE_BATCH = 250;

export class SearchEngine {
  readonly manifest: SearchManifest;
  /** The worker of each part, by the part's key. */
  private readonly workers: Map<string, PagefindWorker>;
  /** Fragments no longer shown, whose workers may forget them. */
  private releasing: Issued[] = [];
  private searching = 0;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;
  /** Resolves once every part's filters are loaded, so that searches count them. */
  counted: Promise<void> = Promise.resolve();
  private filtersLoaded = false;

  private constructor(manifest: SearchManifest, workers: Map<string, PagefindWorker>) {
    this.manifest = manifest;
    this.workers = workers;
  }

  /**
   * Reads the manifest and opens every part. The parts' filters, which searches need only to
   * count results, go on loading after (`counted`): the first results need not wait for them.
   */
  static async open(options: EngineOptions): Promise<SearchEngine> {
    const read = options.fetch ?? ((url: string) => fetch(url));
    const manifest = (await (await read(`${options.bundle}${MANIFEST_FILE}`)).json()) as SearchManifest;
    const start = options.startWorker ?? ((url: string) => new Worker(url) as unknown as WorkerLike);
    const cores = Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1);
    // Each language's parts are dealt out to a few workers: Pagefind's WebAssembly holds one
    // language's stemmer, and a worker one WebAssembly.
    const workers = new Map<string, PagefindWorker>();
    const groups: SearchPart[][][] = [];
    for (const wasm of new Set(manifest.parts.map((p) => p.wasm))) {
      const parts = manifest.parts.filter((p) => p.wasm === wasm);
      const count = Math.min(parts.length, cores, WORKERS_PER_LANGUAGE);
      const dealt = Array.from({ length: count }, (_, w) => parts.filter((_, i) => i % count === w));
      for (const share of dealt) {
        const worker = new PagefindWorker(start(`${options.bundle}pagefind-worker.js`));
        for (const part of share) workers.set(part.key, worker);
      }
      groups.push(dealt);
    }
    const engine = new SearchEngine(manifest, workers);
    const settings = (part: SearchPart) => ({
      basePath: options.bundle,
      baseUrl: options.base,
      language: part.key,
      metaCacheTag: manifest.tag,
      excerptLength: options.excerptLength ?? 30,
      ranking: RANKING_OPTIONS,
    });
    const openPart = async (part: SearchPart) => {
      const worker = engine.workers.get(part.key)!;
      await worker.call(part.key, 'init', settings(part));
      // Waits for the part to be loaded, and asks for each score's pieces.
      await worker.call(part.key, 'enterPlaygroundMode');
      if (options.preload) void worker.call(part.key, 'preload', options.preload, {}).catch(() => undefined);
    };
    try {
      await Promise.all(
        groups.flat().map(async (parts) => {
          // A worker's first part loads its WebAssembly; the others wait for it and share it.
          await openPart(parts[0]!);
          await Promise.all(parts.slice(1).map(openPart));
        }),
      );
    } catch (error) {
      engine.close();
      throw error;
    }
    engine.counted = Promise.all(
      manifest.parts.map((part) => engine.workers.get(part.key)!.call(part.key, 'filters')),
    ).then(() => {
      engine.filtersLoaded = true;
    });
    engine.counted.catch(() => undefined);
    return engine;
  }

  /**
   * The pages that hold every word of `term` (each in its language's forms) and match
   * `filters`, ranked as one index would rank them. `term` null: every page the filters keep.
   */
  async search(term: string | null, filters: Record<string, string> = {}): Promise<SearchOutcome> {
    const parts = this.manifest.parts;
    const counted = this.filtersLoaded;
    this.searching++;
    let responses: PartResponse[];
    try {
      responses = await Promise.all(
        parts.map((part) => this.workers.get(part.key)!.call<PartResponse>(part.key, 'search', term, { filters })),
      );
    } finally {
      this.searching--;
    }
    const answered = parts.map((part, i) => ({ stats: part, response: responses[i]! }));
    // A part one index would leave out gives no result, and its filters count nothing.
    const dropped = fallbackParts(answered);
    const ranked = rankAsOne(answered, dropped);
    const counts = responses.filter((_, i) => !dropped.has(i));
    const issued: Issued[] = [];
    const hits = ranked.map(({ part, result, score }): Hit => {
      const of = parts[part]!;
      const worker = this.workers.get(of.key)!;
      issued.push({ worker, instance: of.key, data: result.data });
      let loaded: Promise<Fragment> | undefined;
      return {
        id: result.id,
        part: of,
        score,
        fragment: () => (loaded ??= worker.call<Fragment>(of.key, 'getData', result.data)),
      };
    });
    return {
      hits,
      issued,
      filters: addCounts(counts.map((r) => r.filters)),
      totalFilters: addCounts(responses.map((r) => r.totalFilters)),
      counted,
    };
  }

  /**
   * Lets the workers forget what they keep to give an outcome's fragments, once it is no longer
   * shown (Pagefind's own script does so as results are garbage-collected): a message per result,
   * a batch at a time, never while a search is under way.
   */
  forget(outcome: SearchOutcome): void {
    this.releasing = this.releasing.concat(outcome.issued);
    this.scheduleRelease(200);
  }

  private scheduleRelease(delay: number): void {
    if (this.releaseTimer !== undefined || this.releasing.length === 0) return;
    this.releaseTimer = setTimeout(() => {
      this.releaseTimer = undefined;
      if (this.searching > 0) return this.scheduleRelease(200);
      for (const { worker, instance, data } of this.releasing.splice(0, RELEASE_BATCH)) {
        void worker.call(instance, 'releaseData', data).catch(() => undefined);
      }
      this.scheduleRelease(20);
    }, delay);
  }

  close(): void {
    clearTimeout(this.releaseTimer);
    for (const worker of new Set(this.workers.values())) worker.terminate();
    this.workers.clear();
  }
}
