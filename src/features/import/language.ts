/**
 * The language of a readout, detected and never assumed: franc (wooorm's trigram identifier, of
 * the same ecosystem as remark) reads the text, and its ISO 639-3 code becomes a BCP 47 tag
 * through CLDR's aliases (`fra` → `fr`, `cmn` → `zh`, as `Intl.getCanonicalLocales` gives them).
 * Names weigh heavily in a short text's trigrams and are no language's, so franc reads the
 * text without its capitalised words and digits. On a text too short for franc to tell, or
 * where it hesitates between close languages, the tables of the languages the importer knows
 * decide when their words are in the text (« Le 3 mars 2025 », « a reçu »), and the report
 * says so; otherwise the language is left to the archivist.
 */
import { francAll } from 'franc';
import { canonicalLanguage, languageName } from '#content/languages.ts';
import { languagePatterns, type LanguagePatterns } from './languages/index.ts';

export interface DetectedLanguage {
  /** The BCP 47 tag (`fr`, `en`, `it`), or `undefined` when it could not be told. */
  tag?: string | undefined;
  /** Its French name (« anglais »). */
  name?: string | undefined;
  /** The importer's table for it, when it has one. */
  patterns?: LanguagePatterns | undefined;
  /** How it was told, in French, for the report (« reconnue par franc (fra) »). */
  how: string;
  /** franc's guesses, best first (ISO 639-3 codes). */
  guesses: string[];
}

/** Near ties: franc scores its best guess 1; a guess above this is as likely, on a short text. */
const CLOSE = 0.85;
/** Below this many letters (names left out), franc is only a guess. */
const SHORT = 40;

/** A 639-3 code as a BCP 47 tag CLDR names in French, or `undefined`. */
export function tagOf(code: string): string | undefined {
  const tag = canonicalLanguage(code);
  return tag !== undefined && languageName(tag) !== undefined ? tag : undefined;
}

/** The words of a language's table that the text holds: its dates, relative days and forms. */
export function cuesOf(patterns: LanguagePatterns, text: string): string[] {
  return [...patterns.dates, ...patterns.relativeDays, ...patterns.formats]
    .map((p) => p.pattern.exec(text)?.[0])
    .filter((w): w is string => w !== undefined);
}

/** The text as franc reads it: no capitalised words (names), digits or punctuation. */
const sampleOf = (text: string) =>
  text
    .replace(/\p{Lu}[\p{L}\p{M}’'-]*/gu, ' ')
    .replace(/[\p{N}\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

/** The language of `text`. */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = sampleOf(text);
  const ranking = francAll(sample, { minLength: 10 }).filter(([code]) => code !== 'und');
  const guesses = ranking.slice(0, 4).map(([code]) => code);
  const known = (code: string) => {
    const tag = tagOf(code);
    return tag === undefined ? undefined : languagePatterns[tag];
  };
  const quote = (words: string[]) => words.map((w) => `« ${w} »`).join(', ');
  const result = (tag: string, how: string): DetectedLanguage => ({
    tag,
    name: languageName(tag),
    patterns: languagePatterns[tag],
    how,
    guesses,
  });

  const best = ranking[0];
  const bestTag = best && tagOf(best[0]);
  if (best && bestTag && known(best[0])) return result(bestTag, `reconnue par franc (${best[0]})`);

  // franc cannot tell, or its best guess is a language without a table: a close guess (on a text
  // too short for franc, any language) whose table's words are in the text decides.
  const short = sample.replace(/\s/g, '').length < SHORT;
  const candidates = best ? ranking.filter(([, score]) => short || score >= CLOSE).map(([code]) => code) : [];
  const pool = [...candidates, ...(short || !best ? Object.keys(languagePatterns) : [])];
  for (const code of pool) {
    const patterns = known(code) ?? languagePatterns[code];
    if (!patterns) continue;
    const cues = cuesOf(patterns, text);
    if (cues.length === 0) continue;
    const franc = !best || short ? 'texte trop court pour franc' : `franc hésite entre ${candidates.join(', ')}`;
    return result(patterns.tag, `${franc} ; ses tournures sont dans le texte (${quote(cues.slice(0, 3))})`);
  }
  if (best && bestTag) {
    const sure = short ? ', sans certitude : texte court' : '';
    return result(bestTag, `reconnue par franc (${best[0]})${sure}`);
  }
  return {
    how: best
      ? `franc propose « ${best[0]} », que CLDR ne nomme pas`
      : 'texte trop court pour que franc la reconnaisse',
    guesses,
  };
}
