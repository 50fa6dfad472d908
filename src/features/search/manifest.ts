/**
 * The search index as the build writes it and the search page reads it: one Pagefind index per
 * language and year, or per run of a year's months when the year holds many documents (a
 * « part »), all in one folder, `pagefind/`. The build writes each part
 * with Pagefind, then one `pagefind-entry.json` that names every part as a « language » of its
 * own (`fr-x-2024`: a valid BCP 47 tag, French with a private-use subtag), so that Pagefind's
 * own script loads any part from that folder by that name; and `parts.json`, this file's
 * `SearchManifest`, which says what the page needs to merge the parts' results as one index
 * would rank them (`client/rank.ts`). Plain TypeScript: the build and the browser both read it.
 */

/** The folder of the search index in the built site. */
export const SEARCH_FOLDER = 'pagefind';
/** The manifest's file, in that folder. */
export const MANIFEST_FILE = 'parts.json';

export interface SearchPart {
  /**
   * The part's name in `pagefind-entry.json`: its language, `-x-`, its year (`fr-x-2024`), and its
   * first and last months when it holds only some of them (`fr-x-2024-01-03`).
   */
  key: string;
  /** The language of its documents, as Pagefind names it (lower case: `fr`, `en`, `zh-hant`). */
  language: string;
  /** The year of its documents' dates. */
  year: string;
  /**
   * Pagefind's WebAssembly for that language (`wasm.<name>.pagefind`), which holds its stemmer;
   * `unknown` where Pagefind has none (the words are then indexed as they are).
   */
  wasm: string;
  /** How many documents it holds. */
  pages: number;
  /** How many words Pagefind counted in them: with `pages`, the average length it ranks by. */
  words: number;
}

export interface SearchManifest {
  /** Pagefind's version, which wrote the parts and whose script reads them. */
  version: string;
  /** Changes whenever a part does: the page asks Pagefind to fetch its entry file with it. */
  tag: string;
  /** Newest year first, its latest months first, then by language. */
  parts: SearchPart[];
  /**
   * The people of the archive, by id: the index's person filter holds their ids, not their names,
   * and their names are not words of the documents' entries, so that renaming a person changes
   * this list alone and no part of the index (see `SearchRecord.astro`). The page shows the
   * filter's names from it, and the people whose names a search's words make up.
   */
  people: PersonName[];
}

/** A person as the search page knows them: id, name, their other names (original script, aliases), how many documents name them. */
export type PersonName = [id: string, name: string, others: string[], documents: number];

/** The private-use subtags that turn a language into a part's name: a year, and the months of a year split in runs. */
export function partKey(language: string, year: string, months?: readonly [string, string]): string {
  return `${language}-x-${year}${months ? `-${months[0]}-${months[1]}` : ''}`;
}
