/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * `getStaticPaths()` with a `cacheKey` is copied from the previous build, instead of being
 * rendered again, when its key, its code (the modules it imports) and the configuration are
 * all unchanged. A key must therefore change whenever anything the page shows changes. It is
 * made from the very object the page renders, so that the two cannot drift:
 *
 * - a page of a list or of a record (all documents, a form's, a year's, a person's, a topic's, a
 *   place's, the meetings', and the lists of interlocutors and related topics) renders its view
 *   (`src/archive/page-views.ts`), passed as its props, and nothing else of the archive: its key
 *   is the view's (`viewKey`). A record's first page shows its chart (over the archive's first to
 *   last year, so a document of a new year changes every record's chart), a person's first
 *   interlocutors and a topic's first related topics: they are in its view;
 * - a document's page renders its view too (`readoutPage`, with the reference and structured data
 *   the page makes of it), and its text, from its file: the key adds the names the text links
 *   (`readoutPageKey`);
 * - a feed shows its documents as the pages show them, records included: `readoutInputs`, each
 *   as its digest (`readoutDigest`).
 *
 * The home page and the chronology have no key: they are rendered each build.
 * `tests/build/incremental.test.ts` checks that a rebuild after changes equals a clean build.
 */
import { createHash } from 'node:crypto';
import { countryNames } from '#content/countries.ts';
import { recordsOf, type Archive, type Readout, type ReadoutRecords } from './archive.ts';

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

/** Digests by a document's records in one archive (`recordsOf`: one object per archive and document). */
const inputDigests = new WeakMap<ReadoutRecords, string>();

/**
 * `readoutInputs` as a key, made once per document and archive: the ~560 feeds of an archive
 * of 10,000 documents each show 50 documents, and most documents are in several feeds.
 */
export function readoutDigest(readout: Readout, archive: Archive): string {
  const records = recordsOf(readout, archive);
  let digest = inputDigests.get(records);
  if (digest === undefined) inputDigests.set(records, (digest = pageKey(readoutInputs(readout, archive))));
  return digest;
}

/**
 * The key of a document's page: its view (the document whole, with its file's digest, which
 * covers the text; its records, related documents, meeting, reference and structured data) and
 * the names its text links (`links`: each match of an alias, where it is and where it leads, see
 * `src/content/aliases.ts`), which decide the text's links.
 */
export function readoutPageKey(view: unknown, links: readonly unknown[]): string {
  return pageKey(view, links);
}

/**
 * The key of a page made from its view, the props it renders (`page-views.ts`), and anything
 * else its route gives it (a form): JSON of plain data, so the page shows nothing the key misses.
 */
export const viewKey = (...views: unknown[]): string => pageKey(...views);
