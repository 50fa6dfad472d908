/**
 * Entries: what a file of a collection becomes once its schema has parsed it, as Astro's
 * collections hold it (an id, the data with dates as `YYYY-MM-DD`, the file's path). The
 * archive model (`src/archive/archive.ts`) is built from them, whether they come from Astro
 * (`src/data.ts`) or from `parseEntries` here, for the build steps that run outside Astro.
 */
import { collections, type PersonData, type PlaceData, type ReadoutData, type TopicData } from './schema.ts';
import type { ContentFile } from './read.ts';
import { resolveTimestamps } from './yaml.ts';
import { DATE_FIELDS } from './validate/schema-issues.ts';

export interface Entry<T> {
  id: string;
  data: T;
  /** The file the entry comes from, relative to the project, for error messages. */
  filePath?: string | undefined;
  /** Astro's hash of the entry's file, when it comes from a collection. */
  digest?: string | number | undefined;
  /** The text as Astro rendered it, when the entry is a document from a collection. */
  rendered?: { html: string } | undefined;
}

/** The four collections' entries, as `getCollection()` gives them. */
export interface Collections {
  readouts: Entry<ReadoutData>[];
  people: Entry<PersonData>[];
  topics: Entry<TopicData>[];
  places: Entry<PlaceData>[];
}

/**
 * The entries of validated files as Astro's collections hold them (the same schemas, dates
 * as `YYYY-MM-DD`), for the build steps that run outside Astro (`src/features/readout-files/`).
 * Throws on a file that `validateContent` would refuse: callers run it on checked content only.
 */
export function parseEntries(files: readonly ContentFile[]): Collections {
  const out: Collections = { readouts: [], people: [], topics: [], places: [] };
  for (const f of files) {
    const report = (field: string, message: string) => {
      throw new Error(`${f.path} : ${field} : ${message}`);
    };
    if (f.unreadable !== undefined) report(f.unreadable.field, f.unreadable.message);
    const data = collections[f.collection].schema.parse(resolveTimestamps(f.data, DATE_FIELDS[f.collection], report));
    (out[f.collection] as { id: string; data: unknown; filePath: string }[]).push({ id: f.id, data, filePath: f.path });
  }
  return out;
}
