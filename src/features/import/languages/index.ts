/**
 * The languages whose readouts the importer reads, by BCP 47 tag. To teach it another, write
 * its table (`patterns.ts` says what it holds, `fr.ts` and `en.ts` are examples) and add it here.
 */
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { LanguagePatterns } from './patterns.ts';

export type { LanguagePatterns } from './patterns.ts';

export const languagePatterns: Readonly<Record<string, LanguagePatterns>> = { fr, en };

/** The patterns of a language tag (`fr`, `en-GB` → `en`), if the importer knows them. */
export function patternsOf(tag: string | undefined): LanguagePatterns | undefined {
  if (tag === undefined) return undefined;
  return languagePatterns[tag] ?? languagePatterns[tag.split('-')[0]!.toLowerCase()];
}
