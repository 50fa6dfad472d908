/**
 * The one module that reads the collections. Each is loaded once per build; pages ask
 * for the indexes they need and never call `getCollection` themselves.
 */
import { getCollection } from 'astro:content';
import { cacheDir } from 'astro:config/server';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Alias } from '#content/aliases.ts';
import { buildArchive, need, type Archive, type Readout } from '#archive/archive.ts';
import { decodeUtf8, markdownBody, textFixity } from '#archive/fixity.ts';
import { readoutPageKey } from '#archive/page-keys.ts';
import { relatedReadouts } from '#archive/related.ts';
import { aliasTable } from '#features/markdown/alias-table.ts';
import { recordCollections } from '#content/schema.ts';
import { readoutRenderer } from '#features/markdown/render.ts';
import { CHECK_CACHE, type ReadoutLinks } from '#features/guard/cache.ts';
import { chronology, type YearCount } from '#archive/chronology.ts';
import { wordCount } from '#archive/length.ts';
import { meetingView, type MeetingView } from '#archive/meeting-page.ts';
import { routes } from '#archive/urls.ts';

let archive: Promise<Archive> | undefined;

async function load(): Promise<Archive> {
  const [readouts, people, topics, places] = await Promise.all([
    getCollection('readouts'),
    getCollection('people'),
    getCollection('topics'),
    getCollection('places'),
  ]);
  return buildArchive({ readouts, people, topics, places });
}

/** The whole archive, sorted and indexed; the same promise for every page of a build. */
export function getArchive(): Promise<Archive> {
  return (archive ??= load());
}

let years: Promise<YearCount[]> | undefined;

/** The chronology's table (see `src/archive/chronology.ts`), counted once per build: the chronology's, the home page's and the charts' numbers. */
export function getChronology(): Promise<YearCount[]> {
  return (years ??= getArchive().then((a) => chronology(a.readouts)));
}

let related: Promise<Map<string, Readout[]>> | undefined;

/** The documents related to a document (see `src/archive/related.ts`); all lists are computed at once, on first use. */
export async function getRelated(id: string): Promise<Readout[]> {
  return (await (related ??= getArchive().then((a) => relatedReadouts(a)))).get(id) ?? [];
}

let aliases: Promise<Alias[]> | undefined;

/** The archive's alias table (for links on names in the text), from its records, once per build. */
function getAliases(): Promise<Alias[]> {
  return (aliases ??= getArchive().then((a) =>
    aliasTable(
      recordCollections.flatMap((collection) => a[collection].map(({ id, data }) => ({ collection, id, data }))),
      import.meta.env.BASE_URL,
    ),
  ));
}

/** The Markdown text of a document, as stored: the body of its source file. */
export async function readoutText(id: string): Promise<string> {
  return markdownBody(decodeUtf8(await readoutSource(id)));
}

let renderer: ReturnType<typeof readoutRenderer> | undefined;

/** The text of a document as HTML (see `src/features/markdown/render.ts`). */
export async function readoutHtml(id: string): Promise<string> {
  const render = await (renderer ??= getAliases().then((table) =>
    readoutRenderer({ base: import.meta.env.BASE_URL, aliases: table }),
  ));
  return render(await readoutText(id));
}

let links: Promise<ReadoutLinks> | undefined;

/**
 * The cache key of a document's page (see `src/archive/page-keys.ts`): the view it renders, with
 * the names its text links, as the guard found them at this build's start (`CHECK_CACHE.links`):
 * no text is read again to make the keys of pages that will not be rendered. None in `astro dev`,
 * which renders on request and runs no guard check to find the names.
 */
export async function getReadoutPageKey(view: { readout: Readout }): Promise<string | undefined> {
  const { readout } = view;
  if (import.meta.env.DEV) return undefined;
  const found = await (links ??= readFile(join(fileURLToPath(cacheDir), CHECK_CACHE.links), 'utf8').then(
    (text) => JSON.parse(text) as ReadoutLinks,
  ));
  const linked = found[readout.id];
  if (!linked) throw new Error(`Document « ${readout.id} » absent de ${CHECK_CACHE.links}`);
  return readoutPageKey(view, linked);
}

/**
 * How many source files may be open at once. The API's index reads every document's source at
 * once: at 20,000 documents that is more files than a process may open (EMFILE).
 */
const OPEN_SOURCES = 64;
let openSources = 0;
const waitingSources: (() => void)[] = [];

/**
 * The source file of a document, byte for byte as stored in `content/`. Entry paths are
 * relative to the project root, where every build runs.
 */
export async function readoutSource(id: string): Promise<Uint8Array<ArrayBuffer>> {
  const readout = need((await getArchive()).readout, id, 'Document');
  if (!readout.filePath) throw new Error(`Document « ${id} » : fichier source inconnu`);
  // A slot is taken, or handed over by the read that ends: never more than OPEN_SOURCES open.
  if (openSources < OPEN_SOURCES) openSources++;
  else await new Promise<void>((turn) => waitingSources.push(turn));
  try {
    return await readFile(resolve(readout.filePath));
  } finally {
    const next = waitingSources.shift();
    if (next) next();
    else openSources--;
  }
}

const fixities = new Map<string, Promise<string>>();

/** The SHA-256 of a document's text (see `src/archive/fixity.ts`), computed once per build. */
export function readoutFixity(id: string): Promise<string> {
  let fixity = fixities.get(id);
  if (!fixity) {
    fixity = readoutSource(id).then((bytes) => textFixity(decodeUtf8(bytes)));
    fixities.set(id, fixity);
  }
  return fixity;
}

let meetingViews: Promise<Map<string, MeetingView>> | undefined;

/**
 * What each meeting's page shows (`src/archive/meeting-page.ts`), made once per build: its
 * accounts side by side, their lengths counted in their texts.
 */
export function getMeetingViews(): Promise<Map<string, MeetingView>> {
  return (meetingViews ??= (async () => {
    const archive = await getArchive();
    const words = new Map<string, number>();
    for (const meeting of archive.meetings) {
      for (const r of meeting.accounts) words.set(r.id, wordCount(await readoutText(r.id), r.data.language));
    }
    const routeOf = { person: routes.person, topic: routes.topic, place: routes.place };
    return new Map(
      archive.meetings.map((m) => [m.id, meetingView(m, archive, (r) => need(words, r.id, 'Longueur'), routeOf)]),
    );
  })());
}
