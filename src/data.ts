/**
 * The one module that reads the collections. Each is loaded once per build; pages ask
 * for the indexes they need and never call `getCollection` themselves.
 */
import { getCollection, getEntry, render } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildArchive, need, type Archive, type Readout } from '#archive/archive.ts';
import { decodeUtf8, textFixity } from '#archive/fixity.ts';
import { archiveKey } from '#archive/page-keys.ts';
import { relatedReadouts } from '#archive/related.ts';
import { chronology, type YearCount } from '#archive/chronology.ts';

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

let key: Promise<string> | undefined;

/** The cache key of every page that lists documents or records (see `src/archive/page-keys.ts`). */
export function getArchiveKey(): Promise<string> {
  return (key ??= getArchive().then(archiveKey));
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

/** The rendered body of a document, as a component. */
export async function renderReadout(id: string) {
  const entry = await getEntry('readouts', id);
  if (!entry) throw new Error(`Document « ${id} » introuvable`);
  return (await render(entry)).Content;
}

/**
 * The source file of a document, byte for byte as stored in `content/`. Entry paths are
 * relative to the project root, where every build runs.
 */
export async function readoutSource(id: string): Promise<Uint8Array<ArrayBuffer>> {
  const readout = need((await getArchive()).readout, id, 'Document');
  if (!readout.filePath) throw new Error(`Document « ${id} » : fichier source inconnu`);
  return readFile(resolve(readout.filePath));
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
