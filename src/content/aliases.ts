/**
 * Finding the names of records (people, topics, places) in a document's text. Every alias
 * of the archive goes into one trie, built once; a text is read once, left to right, and at
 * each word start the trie is walked as far as the text allows. The cost of a document is
 * its length times the length of the longest alias, whatever the number of aliases.
 *
 * Matching is case-sensitive and whole-word: a name is never found inside another word
 * (in scripts written without spaces, Chinese and Japanese, any position is a boundary).
 * The longest alias wins; a straight and a typographic apostrophe are the same character,
 * and any run of spaces (ordinary, non-breaking, a line break) matches one space. The text
 * itself is never changed: matches are offsets into it.
 */
import { UNSPACED } from './letters.ts';

/** One name by which the text may refer to a record. */
export interface Alias {
  /** The words, as an author wrote them in the record. */
  text: string;
  /** The record's page, as a link prints it. */
  href: string;
  /** `collection/id` of the record: a record is linked once in a document. */
  record: string;
}

export interface AliasMatch {
  /** Offsets of the matched words in the text (end excluded). */
  start: number;
  end: number;
  alias: Alias;
}

/** A piece of text: plain, or the words of an alias to be linked. */
export type Segment = string | { text: string; alias: Alias };

interface Node {
  next: Map<string, Node>;
  alias?: Alias;
}

export interface AliasMatcher {
  /** Every match in `text`, leftmost first, longest at each position, never overlapping. */
  find(text: string): AliasMatch[];
  /** The aliases compiled, after dropping empty ones and later duplicates. */
  readonly aliases: readonly Alias[];
}

/**
 * Letters, digits and marks: what a word is made of. Scripts written without spaces (Chinese,
 * Japanese, Thai…: `UNSPACED`) bound nothing, so a name is found inside a run of their text.
 */
const WORD = new RegExp(`(?!${UNSPACED.source})[\\p{L}\\p{N}\\p{M}]`, 'u');
const SPACE = /\s/u;
const APOSTROPHES = new Set(["'", '’', 'ʼ']);
const ANY_APOSTROPHE = new RegExp(`[${[...APOSTROPHES].join('')}]`, 'gu');

/** The key under which a character is filed in the trie. */
function key(char: string): string {
  if (SPACE.test(char)) return ' ';
  if (APOSTROPHES.has(char)) return "'";
  return char;
}

/**
 * An alias as the trie spells it (`key`): trimmed, spaces collapsed, one apostrophe. Two
 * replacements over the whole text, not a test per character: a document's text is read so
 * when a designation is checked against it (`quotedIn`).
 */
export function normalizeAlias(text: string): string {
  return text.trim().replace(/\s+/gu, ' ').replace(ANY_APOSTROPHE, "'");
}

/**
 * Whether a code point is part of a word (`WORD`). ASCII is answered at once and every other
 * code point is tested once: texts are read character by character, twice at each position.
 */
const wordCodes = new Map<number, boolean>();
function isWordCode(code: number): boolean {
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  let word = wordCodes.get(code);
  if (word === undefined) wordCodes.set(code, (word = WORD.test(String.fromCodePoint(code))));
  return word;
}

function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return isWordCode(text.codePointAt(index)!);
}

function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return isWordAt(text, start);
}

/** Builds the one matcher for a whole table of aliases. The first of two equal aliases wins. */
export function compileAliases(table: readonly Alias[]): AliasMatcher {
  const root: Node = { next: new Map() };
  const kept: Alias[] = [];
  for (const alias of table) {
    const spelled = normalizeAlias(alias.text);
    if (spelled === '') continue;
    let node = root;
    for (const char of spelled) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map() }));
      node = child;
    }
    if (node.alias) continue;
    node.alias = alias;
    kept.push(alias);
  }

  /** The longest alias starting at `start`, whole words only. */
  function longestAt(text: string, start: number): AliasMatch | undefined {
    let node: Node | undefined = root;
    let best: AliasMatch | undefined;
    let i = start;
    while (node && i < text.length) {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      const k = key(char);
      node = node.next.get(k);
      if (!node) break;
      i += char.length;
      if (k === ' ') while (i < text.length && SPACE.test(text[i]!)) i++;
      if (node.alias && !(isWordBefore(text, i) && isWordAt(text, i))) {
        best = { start, end: i, alias: node.alias };
      }
    }
    return best;
  }

  return {
    aliases: kept,
    find(text) {
      const found: AliasMatch[] = [];
      let i = 0;
      while (i < text.length) {
        const match = isWordAt(text, i) && isWordBefore(text, i) ? undefined : longestAt(text, i);
        if (match) {
          found.push(match);
          i = match.end;
        } else {
          i += text.codePointAt(i)! > 0xffff ? 2 : 1;
        }
      }
      return found;
    },
  };
}

/**
 * Cuts `text` into plain pieces and names to link, linking each record at most once:
 * `linked` holds the records already linked in the same text and is updated.
 * Joining the pieces gives back `text` exactly.
 */
export function segmentText(text: string, matcher: AliasMatcher, linked: Set<string>): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of matcher.find(text)) {
    if (linked.has(match.alias.record)) continue;
    linked.add(match.alias.record);
    if (match.start > last) segments.push(text.slice(last, match.start));
    segments.push({ text: text.slice(match.start, match.end), alias: match.alias });
    last = match.end;
  }
  if (last < text.length) segments.push(text.slice(last));
  return segments;
}

/** The aliases a record's raw data declares; anything malformed is the validator's business. */
export function declaredAliases(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || !('aliases' in data) || !Array.isArray(data.aliases)) return [];
  return data.aliases.filter((a): a is string => typeof a === 'string');
}
