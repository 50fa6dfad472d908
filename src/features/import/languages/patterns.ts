/**
 * What the importer knows of a language: how its readouts write a day, the form of a meeting,
 * a role, a title before a name, and the words that are never a person's name. One module per
 * language (`fr.ts`, `en.ts`), each a table of these; `index.ts` lists them by BCP 47 tag. A
 * language without a module is still imported: what only its words would say is left marked.
 */
import type { ReadoutFormat } from '#content/schema.ts';
import { unaccented } from '#content/letters.ts';

/** A date written in words: which of its groups hold the day, the month, the year. */
export interface DatePattern {
  /** Named groups `day`, `month`, `year`, and `dayEnd` for talks over several days of one month. */
  pattern: RegExp;
}

/** Words saying the meeting was on the day of publication (`offset` 0), or days before it. */
export interface RelativeDay {
  pattern: RegExp;
  offset: number;
}

/** Words that state how the meeting was held. */
export interface FormatWords {
  pattern: RegExp;
  format: ReadoutFormat;
}

export interface LanguagePatterns {
  /** The BCP 47 tag of the language (`fr`, `en`). */
  tag: string;
  /** Month names, January first: every spelling (full, abbreviated, unaccented), lower case. */
  months: readonly (readonly string[])[];
  /** Days written in words, in the order they are tried; the earliest in the text wins. */
  dates: readonly DatePattern[];
  /** « aujourd’hui », "today": resolved only from a stated day of publication. */
  relativeDays: readonly RelativeDay[];
  /**
   * The form of the meeting. The opening's words that state a medium (`phone`, `video`) win over
   * those of a call whose medium is unstated (`call`), which win over a meeting in person.
   */
  formats: readonly FormatWords[];
  /** Prepositions before a place (« à », "in"): a name after them is a place, not a person. */
  placeBefore: RegExp;
  /** « de », "of": the first of three capitalised words after them is a place (« of Fictionland Ilse Marchetti »). */
  ofBefore: RegExp;
  /** Prepositions before the place of a meeting, as an alternation (« à|au|aux », "in|at"). */
  placePrepositions: string;
  /** A role or title that makes a person the spokesperson who issues the text, not a participant. */
  spokespersonRole: RegExp;
  /** Words that start a role, as a regular expression's alternation (« ministre », "Foreign Minister"). */
  roleHeads: string;
  /** Articles a role may start with in the text, left out of the role (« le », "the"). */
  roleArticle: RegExp;
  /**
   * Words that end the part of a sentence before a name: a role before the name lies after
   * the last of them (« avec », "with", a verb).
   */
  clauseBoundary: RegExp;
  /** Words for a person that are not a name, before it (« son homologue biélorusse », "his counterpart"). */
  designation: RegExp;
  /**
   * Capitalised words that are never part of a person's name: sentence starts, titles and
   * honorifics, offices and bodies, parts of place names, months and days. Compared without
   * case or accents, and without a final dot.
   */
  notNames: ReadonlySet<string>;
  /** Of those, the titles and honorifics, after which a single word is a surname (« M. Aleïnik », "Secretary Blinken"). */
  titles: ReadonlySet<string>;
  /** A line that attributes a statement to a spokesperson, whose name is the group `name`. */
  spokesperson: readonly RegExp[];
  /** Words of the text for « the day of publication » in messages: "today". */
  todayWord: string;
}

/** A word as `notNames` and `titles` hold it: lower case, no accents, no final dot. */
export function wordKey(word: string): string {
  return unaccented(word).toLowerCase().replace(/[’ʼ]/g, "'").replace(/\.$/, '');
}

/** A set of `wordKey`s from words separated by spaces. */
export function wordSet(...lists: string[]): Set<string> {
  return new Set(
    lists.flatMap((list) =>
      list
        .split(/\s+/)
        .filter((w) => w !== '')
        .map(wordKey),
    ),
  );
}

/** The alternation of every month spelling, longest first, for a regular expression. */
export function monthAlternation(months: readonly (readonly string[])[]): string {
  return months
    .flat()
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
