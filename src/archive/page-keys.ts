/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * `getStaticPaths()` with a `cacheKey` is copied from the previous build, instead of being
 * rendered again, when its key, its code (the modules it imports) and the configuration are
 * all unchanged. A key must therefore change whenever anything the page shows changes:
 *
 * - a document's page shows the document (its data, its source's digest, which covers its
 *   text, and the names its text links), the records it names, and its related documents as a
 *   list shows them: `readoutPageKey`;
 * - a page of a list (all documents, a person's, a topic's, a place's, a year's) shows what it
 *   lists of each document, its place in the list and the list's own record: `listPageKey`;
 * - a feed shows its documents as the pages show them, records included: `readoutInputs`.
 *
 * A record's first page shows more than its own documents, and its key covers it: its chart
 * (`recordActivity`, over the archive's first to last year, so a document of a new year changes
 * every record's chart), a person's interlocutors (`interlocutorsOf`: the first ones, `ranked`,
 * and how many) and a topic's related topics (`topicsWith`). The pages of all a person's
 * interlocutors are keyed by what they list. The home page and the chronology have no key:
 * they are rendered each build.
 *
 * `tests/build/incremental.test.ts` checks that a rebuild after changes equals a clean build.
 */
import { createHash } from 'node:crypto';
import { countryNames } from '#content/countries.ts';
import { meetingOf, recordsOf, type Archive, type Readout } from './archive.ts';
import type { Page } from './pagination.ts';
import type { Ranked } from './together.ts';

/**
 * A hash of values that JSON can write (the order of keys counts: they come from the same code
 * each time). Every page may name a country: the archive's own country names are in every key.
 */
export function pageKey(...inputs: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([[...countryNames()], inputs]))
    .digest('base64url');
}

/** What any page may show of a document, but its text: its data and the records it names. */
export function readoutInputs(readout: Readout, archive: Archive): unknown[] {
  const { place, participants, mentions, topics } = recordsOf(readout, archive);
  return [
    readout.id,
    readout.data,
    place?.data ?? null,
    [...participants, ...mentions].map((p) => p.person.data),
    topics.map((topic) => topic.data),
  ];
}

/**
 * The key of a document's page: the document whole (its data, and its file's digest, which
 * covers the text), its records, the names its text links (`links`: each match of an alias,
 * where it is and where it leads, see `src/content/aliases.ts`), and its related documents as
 * a list shows them (`listed`): a change to the records of a related document (a person's name)
 * changes nothing the page shows, and does not render it again.
 */
export function readoutPageKey(
  readout: Readout,
  related: readonly Readout[],
  archive: Archive,
  links: readonly unknown[],
): string {
  return pageKey(
    readoutInputs(readout, archive),
    readout.digest ?? null,
    links,
    related.map(listed),
    // The other accounts of its meeting, which the page lists.
    (meetingOf(readout, archive)?.accounts ?? []).map((r) => [r.id, r.data]),
  );
}

/** What a list shows of a document: its address, its title, its date and the form of a call. */
export const listed = (readout: Readout): unknown[] => [
  readout.id,
  readout.data.title,
  readout.listedOn,
  readout.data.date,
  readout.data.dateEnd ?? null,
  readout.data.format,
  readout.data.meeting ?? null,
];

/** What a list of records ranked by shared documents shows of each: the record, how many, the last. */
export const ranked = <T extends { id: string; data: unknown }>(items: readonly Ranked<T>[]): unknown[] =>
  items.map(({ record, count, last }) => [record.id, record.data, count, last]);

/**
 * The key of a page of a list of documents: what it shows of each, where it stands in the list
 * (a heading that a section continues under, from the page before, shows the date before it),
 * and `shown`, whatever else the page shows (the list's record, its counts).
 */
export function listPageKey<T>(
  page: Page<T>,
  all: readonly T[],
  show: (item: T) => unknown,
  dateOf: (item: T) => string,
  ...shown: unknown[]
): string {
  const before = page.offset > 0 ? all[page.offset - 1] : undefined;
  return pageKey(page.number, page.total, page.items.map(show), before === undefined ? null : dateOf(before), shown);
}

/**
 * The key of a page of a record's documents (a topic's, a place's): what it lists, its record,
 * how many documents it has, and `firstPage`, what its first page shows beside them.
 */
export function recordPageKey(
  page: Page<Readout>,
  readouts: readonly Readout[],
  record: unknown,
  firstPage: unknown,
): string {
  return listPageKey(
    page,
    readouts,
    listed,
    (r) => r.listedOn,
    record,
    readouts.length,
    page.number === 1 ? firstPage : null,
  );
}
