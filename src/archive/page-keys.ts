/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * `getStaticPaths()` with a `cacheKey` is copied from the previous build, instead of being
 * rendered again, when its key, its code (the modules it imports) and the configuration are
 * all unchanged. A key must therefore change whenever anything the page shows changes:
 *
 * - a document's page shows the document (its data, its rendered text, its source's digest),
 *   the records it names, and its related documents with theirs: `readoutPageKey`;
 * - every other page (lists, records, feeds, chronology) gets one key for the whole archive,
 *   `archiveKey`: coarse, since a change anywhere renders them all again, but safe.
 *
 * A record's page shows more than its own documents: its chart spans the archive's first to
 * last year (so a document of a new year changes every record's chart), a person's page lists
 * the people of the same documents (`interlocutorsOf`), a topic's the topics of the same
 * documents (`topicsWith`), and the home page and the chronology the counts of every month. A
 * finer key for those pages must cover these, all computed in `buildArchive`.
 *
 * `tests/build/incremental.test.ts` checks that a rebuild after changes equals a clean build.
 */
import { createHash } from 'node:crypto';
import { countryNames } from '#content/countries.ts';
import { recordsOf, type Archive, type Readout } from './archive.ts';

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
function readoutInputs(readout: Readout, archive: Archive): unknown[] {
  const { place, participants, mentions, topics } = recordsOf(readout, archive);
  return [
    readout.id,
    readout.data,
    place?.data ?? null,
    [...participants, ...mentions].map((p) => p.person.data),
    topics.map((topic) => topic.data),
  ];
}

/** The key of a document's page: the document whole, its records, and its related documents. */
export function readoutPageKey(readout: Readout, related: readonly Readout[], archive: Archive): string {
  return pageKey(
    readoutInputs(readout, archive),
    readout.digest ?? null,
    readout.rendered?.html ?? null,
    related.map((r) => readoutInputs(r, archive)),
  );
}

/** One key for every page that lists documents or records: the whole archive. */
export function archiveKey(archive: Archive): string {
  return pageKey(
    archive.readouts.map((r) => [r.id, r.digest ?? null, r.data]),
    [archive.people, archive.topics, archive.places].map((records) => records.map((r) => [r.id, r.data])),
  );
}
