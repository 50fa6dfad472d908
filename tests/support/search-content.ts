/**
 * What the search tests look for, read from the content they build: the seed, the documents
 * with their sources (their file and the names of the records they name), phrases only one
 * document holds, and a word of the seed's that few others hold. Shared by the search of the
 * built index (`tests/build/search.test.ts`) and the search page in a browser
 * (`tests/e2e/search.test.ts`).
 */
import { readFileSync } from 'node:fs';
import { mentionIds, readouts, records, type TestReadout } from './content.ts';

const SEED = '2024-05-20-wang-yi-sergei-aleinik';
export const docs = readouts();
export const seed = docs.find((d) => d.id === SEED)!;
export const languageOf = (doc: TestReadout) => doc.data.language;
export const route = (doc: TestReadout) => `comptes-rendus/${doc.id}/`;

const recordsOf = (collection: 'people' | 'topics' | 'places') =>
  new Map(records(collection).map((r) => [r.id, r.data]));
export const people = recordsOf('people');
export const topics = recordsOf('topics');
export const places = recordsOf('places');
export const nameOf = (data: Record<string, unknown> | undefined) => String(data?.['name'] ?? data?.['label'] ?? '');
/** Whom a document names: its participants and the people it mentions, by id. */
export const peopleOf = (doc: TestReadout) => [...doc.data.participants.map((p) => p.person), ...mentionIds(doc)];

/** Everything the index may hold of a document, as words: its file, and the names of the records it names. */
const sourceOf = (doc: TestReadout) =>
  [
    readFileSync(doc.file, 'utf8'),
    ...peopleOf(doc).map((id) => nameOf(people.get(id))),
    ...doc.data.topics.map((id) => nameOf(topics.get(id))),
    nameOf(places.get(doc.data.place ?? '')),
  ]
    .join('\n')
    .toLowerCase();
const sources = new Map(docs.map((doc) => [doc.id, sourceOf(doc)]));
export const inAnySource = (words: string) => [...sources.values()].some((s) => s.includes(words.toLowerCase()));

/** Runs of three words of a document's text, each of letters only, as a reader would quote them. */
export function phrasesOf(doc: TestReadout): string[] {
  const pattern = /(?<![\p{L}\p{M}’'\-])(\p{L}{3,}) (\p{L}{3,}) (\p{L}{3,})(?![\p{L}\p{M}’'\-])/gu;
  const found: string[] = [];
  for (const line of doc.body.split('\n')) {
    for (let at = 0; at < line.length; at++) {
      pattern.lastIndex = at;
      const m = pattern.exec(line);
      if (!m) break;
      found.push(m.slice(1, 4).join(' '));
      at = m.index;
    }
  }
  return found;
}

/** A phrase of `doc` found in no other document, if there is one. */
export const ownPhrase = (doc: TestReadout) =>
  phrasesOf(doc).find((p) =>
    docs.every((other) => other.id === doc.id || !sources.get(other.id)!.includes(p.toLowerCase())),
  );

/** The longest word of the seed's text that the fewest other documents hold: what only it, or few, contain. */
export const seedWord = (() => {
  const words = [...new Set(seed.body.match(/\p{L}{6,}/gu) ?? [])];
  const others = (w: string) =>
    docs.filter((d) => d.id !== seed.id && sources.get(d.id)!.includes(w.toLowerCase())).length;
  return words.sort((a, b) => others(a) - others(b) || b.length - a.length)[0]!;
})();

/** A few documents to look for by their own phrase: the seed and the first of each language, and the longest. */
export const sampled = [
  seed,
  ...[...new Map(docs.map((d) => [languageOf(d), d])).values()],
  [...docs].sort((a, b) => b.body.length - a.body.length)[0]!,
].filter((d, i, all) => all.indexOf(d) === i);
