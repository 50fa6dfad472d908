/**
 * The one module that reads the collections. Each is loaded once per build; pages ask
 * for the indexes they need and never call `getCollection` themselves.
 */
import { getCollection, getEntry, render } from 'astro:content';
import { buildArchive, type Archive } from './lib/archive.ts';

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

/** The rendered body of a document, as a component. */
export async function renderReadout(id: string) {
  const entry = await getEntry('readouts', id);
  if (!entry) throw new Error(`Document « ${id} » introuvable`);
  return (await render(entry)).Content;
}
