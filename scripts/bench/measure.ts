/**
 * One timed build of a content folder, and what it produced: wall and CPU time and peak
 * memory of the build process (from GNU time), Astro's own per-route timings grouped by kind
 * of output, and the size of the built site and of a typical document page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { listFiles } from '#features/site-files.ts';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const root = join(import.meta.dirname, '..', '..');
const TIME = '/usr/bin/time';

/** The kinds of route Astro renders, from its log line for each route. */
export const kinds = {
  page: /^\/comptes-rendus\/[^/]+\/index\.html$/,
} as const;
export type Kind = keyof typeof kinds | 'other';
export const kindNames: Record<Kind, string> = {
  page: 'pages des documents',
  other: 'listes, fiches, flux',
};

/**
 * Every kind of page, finer than `kinds`, for the cost of one page of each: its output path
 * (`/personnes/<id>/page/2/index.html`, as Astro's log prints it) and its name.
 */
export const pageKinds = [
  ['document', /^\/comptes-rendus\/[^/]+\/index\.html$/, 'document'],
  ['person', /^\/personnes\/[^/]+\/(page\/\d+\/)?index\.html$/, 'personne'],
  ['interlocutors', /^\/personnes\/[^/]+\/interlocuteurs\/(page\/\d+\/)?index\.html$/, 'interlocuteurs'],
  ['topic', /^\/themes\/[^/]+\/(page\/\d+\/)?index\.html$/, 'thème'],
  ['place', /^\/lieux\/[^/]+\/(page\/\d+\/)?index\.html$/, 'lieu'],
  ['year', /^\/chronologie\/\d{4}\/(page\/\d+\/)?index\.html$/, 'année'],
  ['chronology', /^\/chronologie\/index\.html$/, 'chronologie'],
  ['home', /^\/index\.html$/, 'accueil'],
] as const;
export type PageKind = (typeof pageKinds)[number][0];

/** What one kind of page cost to render (Astro's time for each route) and weighs. */
export interface PageCost {
  count: number;
  seconds: number;
  /** The heaviest page of the kind: its path, its HTML, raw and gzip. */
  heaviest: { path: string; bytes: number; gzipBytes: number } | undefined;
}

const pageKindOf = (path: string): PageKind | undefined => pageKinds.find(([, re]) => re.test(path))?.[0];

export interface PageWeight {
  path: string;
  htmlBytes: number;
  cssBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** The page and what it loads: style sheets, scripts, images. */
  requests: number;
  jsBytes: number;
}

export interface BuildRun {
  label: string;
  status: number | null;
  wallSeconds: number;
  cpuSeconds: number;
  /** CPU time spent by everything else on the machine meanwhile (other users' load). */
  otherCpuSeconds: number;
  maxRssBytes: number;
  htmlPages: number;
  files: number;
  distBytes: number;
  /**
   * Seconds, from the build's log: before the content layer (loading the config, validating
   * every content file), the content layer, bundling, rendering the routes, then what follows
   * (the search index, the sitemap, the output checks), of which the search index alone.
   */
  phases: { startup: number; content: number; bundle: number; render: number; after: number; search: number };
  /**
   * The files next to each document (source, references, JSON, preview), written by a worker
   * thread during the build: its own time, and how long the build waited for it at the end.
   */
  readoutFiles: { seconds: number; waited: number };
  /** Sum of Astro's per-route times, in seconds, by kind of output. */
  routes: Record<Kind, { count: number; seconds: number }>;
  typicalPage: PageWeight | undefined;
  /** The heaviest person or topic page (any page of its list). */
  largestRecordPage: { path: string; bytes: number } | undefined;
  /** Rendering time and weight of each kind of page. */
  pageCosts: Record<PageKind, PageCost>;
  log: string;
}

/** `46.11s`, `178ms`, `1m 6s` → seconds. */
export function parseDuration(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) {
    seconds += Number(value) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  }
  return seconds;
}

/** Busy CPU time of the whole machine so far, in seconds (from /proc/stat). */
function machineBusySeconds(): number {
  if (!existsSync('/proc/stat')) return Number.NaN;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** Seconds from `start` to the time of day printed at the head of the first line matching `re` (1 s precision). */
function at(log: string, re: RegExp, start: Date): number | undefined {
  const line = log.split('\n').find((l) => re.test(l));
  const time = line && /^(\d\d):(\d\d):(\d\d)/.exec(line);
  if (!time) return undefined;
  const [h, m, sec] = time.slice(1).map(Number) as [number, number, number];
  const stamp = new Date(start);
  stamp.setHours(h, m, sec, 0);
  if (stamp.getTime() < start.getTime() - 1000) stamp.setDate(stamp.getDate() + 1);
  return Math.max(0, (stamp.getTime() - start.getTime()) / 1000);
}

/** Parses the build's log: per-route times grouped by kind, and the duration of each phase. */
export function parseLog(
  log: string,
  start: Date,
  wallSeconds: number,
): Pick<BuildRun, 'routes' | 'phases' | 'readoutFiles' | 'pageCosts'> {
  const routes = Object.fromEntries(
    [...Object.keys(kinds), 'other'].map((k) => [k, { count: 0, seconds: 0 }]),
  ) as BuildRun['routes'];
  const pageCosts = Object.fromEntries(
    pageKinds.map(([k]) => [k, { count: 0, seconds: 0, heaviest: undefined }]),
  ) as Record<PageKind, PageCost>;
  for (const [, path, ms] of log.matchAll(/[├└]─ (\S+) \(\+([\d.]+)(?:ms)?\)/g)) {
    const kind = (Object.entries(kinds).find(([, re]) => re.test(path!))?.[0] ?? 'other') as Kind;
    routes[kind].count++;
    routes[kind].seconds += Number(ms) / 1000;
    const pageKind = pageKindOf(path!);
    if (pageKind) {
      pageCosts[pageKind].count++;
      pageCosts[pageKind].seconds += Number(ms) / 1000;
    }
  }
  const after = (re: RegExp) => parseDuration(re.exec(log)?.[1] ?? '');
  const files = /prêts en ([\d.]+) s \(attente de la fin : ([\d.]+) s\)/.exec(log);
  return {
    routes,
    pageCosts,
    readoutFiles: { seconds: Number(files?.[1] ?? Number.NaN), waited: Number(files?.[2] ?? Number.NaN) },
    phases: {
      startup: at(log, /\[content\] Syncing content/, start) ?? 0,
      content: after(/\[types\] Generated ([^\n]+)/),
      bundle: after(/\[vite\] ✓ built in ([^\n]+)/),
      render: after(/generating static routes[\s\S]*?✓ Completed in ([^\n]+?)\.?\n/),
      after: wallSeconds - (at(log, /^\d\d:\d\d:\d\d ✓ Completed in/, start) ?? wallSeconds),
      search: after(/\[readout-archive:search-index\][^\n]* en (\d+ ms)/),
    },
  };
}

/** The weight of one built page for a reader: HTML and CSS, raw and compressed, requests, JavaScript. */
export function pageWeight(dist: string, path: string): PageWeight {
  const html = readFileSync(join(dist, path));
  const text = html.toString('utf8');
  const local = (url: string) => join(dist, url.replace(/^\/+/, ''));
  const stylesheets = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const scripts = [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const images = [...text.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const inlineScripts = [...text.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => !/type="(?!module|text\/javascript)[^"]*"/.test(attrs!))
    .map((m) => m[2]!.length);
  const css = Buffer.concat(stylesheets.map((s) => readFileSync(local(s))));
  return {
    path,
    htmlBytes: html.byteLength,
    cssBytes: css.byteLength,
    gzipBytes: gzipSync(html, { level: 9 }).byteLength + (css.byteLength ? gzipSync(css, { level: 9 }).byteLength : 0),
    brotliBytes: [html, css]
      .filter((b) => b.byteLength > 0)
      .reduce(
        (sum, b) => sum + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
        0,
      ),
    requests: 1 + stylesheets.length + scripts.length + images.length,
    jsBytes:
      scripts.reduce((sum, s) => sum + (existsSync(local(s)) ? statSync(local(s)).size : 0), 0) +
      inlineScripts.reduce((a, b) => a + b, 0),
  };
}

export interface BuildOptions {
  label: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** Adds `--cpu-prof` and writes the profile there. */
  profileDir?: string | undefined;
}

/** Runs `astro build` under GNU time; measures the run and its output. */
export function timedBuild(options: BuildOptions): BuildRun {
  if (!existsSync(TIME))
    throw new Error(`${TIME} est introuvable : installez le paquet « time » (apt-get install time).`);
  const timeFile = join(options.cacheDir, '..', `time-${options.label}.txt`);
  const node = join(root, 'node_modules', '.bin', 'node');
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const busyBefore = machineBusySeconds();
  const startedAt = new Date();
  const result = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', timeFile, node, ...profile, astro, 'build'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: {
      ...process.env,
      PATH: `${join(root, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      SITE_URL: 'https://archive.example',
      CONTENT_DIR: options.contentDir,
      OUT_DIR: options.outDir,
      ASTRO_CACHE_DIR: options.cacheDir,
    },
  });
  const busy = machineBusySeconds() - busyBefore;
  // Without colours, which Astro adds where `CI` is set and which would hide the lines parsed below.
  const log = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  const [wall = 0, user = 0, system = 0, rssKb = 0] = existsSync(timeFile)
    ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number)
    : [];
  const built = result.status === 0;
  const files = built ? listFiles(options.outDir) : [];
  const readoutPages = files.filter((f) => /^comptes-rendus\/\d[^/]*\/index\.html$/.test(f));
  const median =
    readoutPages.length === 0
      ? undefined
      : medianBy(
          readoutPages.map((f) => ({ f, size: statSync(join(options.outDir, f)).size })),
          (page) => page.size,
        );
  const recordPages = files
    .filter((f) => /^(personnes|themes)\/[^/]+\/(page\/\d+\/)?index\.html$/.test(f))
    .map((f) => ({ path: f, bytes: statSync(join(options.outDir, f)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  const parsed = parseLog(log, startedAt, wall);
  for (const f of files) {
    const kind = f.endsWith('.html') ? pageKindOf(`/${f}`) : undefined;
    if (!kind) continue;
    const bytes = statSync(join(options.outDir, f)).size;
    const cost = parsed.pageCosts[kind];
    if (!cost.heaviest || bytes > cost.heaviest.bytes) cost.heaviest = { path: f, bytes, gzipBytes: 0 };
  }
  for (const cost of Object.values(parsed.pageCosts)) {
    if (cost.heaviest)
      cost.heaviest.gzipBytes = gzipSync(readFileSync(join(options.outDir, cost.heaviest.path)), {
        level: 9,
      }).byteLength;
  }
  return {
    label: options.label,
    status: result.status,
    wallSeconds: wall,
    cpuSeconds: user + system,
    otherCpuSeconds: Math.max(0, busy - (user + system)),
    maxRssBytes: rssKb * 1024,
    htmlPages: files.filter((f) => f.endsWith('.html')).length,
    files: files.length,
    distBytes: files.reduce((sum, f) => sum + statSync(join(options.outDir, f)).size, 0),
    ...parsed,
    typicalPage: median ? pageWeight(options.outDir, median.f) : undefined,
    largestRecordPage: recordPages[0],
    log,
  };
}

/** Keeps the log of a run next to the results, for a maintainer to read. */
export function saveLog(run: BuildRun, file: string): void {
  writeFileSync(file, run.log);
}

/** The middle one of `items` by `value` (the upper middle of an even count): what a run of measures keeps. */
export function medianBy<T>(items: readonly T[], value: (item: T) => number): T {
  if (items.length === 0) throw new Error('Médiane de rien');
  return [...items].sort((a, b) => value(a) - value(b))[Math.floor(items.length / 2)]!;
}
