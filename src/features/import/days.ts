/**
 * Days written in words, read with a language's table: « Le 20 mai 2024 », "On May 20, 2024",
 * "20 May 2024", « les 11 et 12 mars 2025 »; a line that is only a day (a page's date line,
 * "May 21, 2024"); and « aujourd’hui », "today", which only a stated day of publication
 * resolves. A day that does not exist (« le 31 février ») is the source's typo: none is made up.
 */
import { isCalendarDate } from '#content/dates.ts';
import { languagePatterns, type LanguagePatterns } from './languages/index.ts';
import { unaccented } from '#content/letters.ts';

/** A day found in the text: its ISO value, the last day of talks over several days, the words. */
export interface DayInText {
  value: string;
  end?: string | undefined;
  words: string;
  index: number;
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The month (1–12) a word names in a language, or 0. */
function monthNumber(patterns: LanguagePatterns, word: string): number {
  const key = unaccented(word.toLowerCase());
  return patterns.months.findIndex((spellings) => spellings.some((s) => unaccented(s) === key)) + 1;
}

/** The earliest day the text writes in words, in a language. */
export function findDay(text: string, patterns: LanguagePatterns): DayInText | undefined {
  let best: DayInText | undefined;
  for (const { pattern } of patterns.dates) {
    const match = pattern.exec(text);
    const groups = match?.groups;
    if (!match || !groups || (best && best.index <= match.index)) continue;
    const month = monthNumber(patterns, groups.month!);
    const day = /^\d+$/.test(groups.day!) ? Number(groups.day) : 1; // « 1er »
    const value = iso(Number(groups.year), month, day);
    if (month === 0 || !isCalendarDate(value)) continue;
    const last = groups.dayEnd === undefined ? undefined : iso(Number(groups.year), month, Number(groups.dayEnd));
    const end = last !== undefined && isCalendarDate(last) && last > value ? last : undefined;
    best = { value, end, words: match[0].trim(), index: match.index };
  }
  return best;
}

/** Days in figures: `2024-05-21`, `21/05/2024`, `21.05.2024`. */
export function figuresDay(text: string): string | undefined {
  const ymd = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(text);
  const dmy = /(\d{1,2})[/.](\d{1,2})[/.](\d{4})/.exec(text);
  const [y, m, d] = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return undefined;
  const day = iso(Number(y), Number(m), Number(d));
  return isCalendarDate(day) ? day : undefined;
}

/** The day a text gives in any language the importer knows, or in figures. */
export function anyDay(text: string): string | undefined {
  for (const patterns of Object.values(languagePatterns)) {
    const found = findDay(text, patterns);
    if (found) return found.value;
  }
  return figuresDay(text);
}

/** « Publié le », "Published:": the label a page may put before its date. */
const DATE_LABEL =
  /^(?:publié|mis en ligne|date de publication|date|published|posted|release date)(?:\s+(?:le|on))?\s*:?\s*/iu;

/** A line that is a day and nothing else (« 21 mai 2024 », "Tuesday, May 21, 2024", "MAY 21, 2024", "Published: May 21, 2024"). */
export function dateLine(line: string): string | undefined {
  const text = line.trim().replace(/[.,]$/, '').replace(DATE_LABEL, '');
  for (const patterns of Object.values(languagePatterns)) {
    const found = findDay(text, patterns);
    if (found && found.index === 0 && found.words.length >= text.length - 1) return found.value;
  }
  return undefined;
}

/** Whether a line opens with a day, as a readout's first sentence does (« Le 20 mai 2024, », "On May 20, 2024,"). */
export function opensWithDay(line: string): boolean {
  return Object.values(languagePatterns).some((patterns) => findDay(line, patterns)?.index === 0);
}

/** `2024-05-21` plus `days`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The words saying the meeting was on the day of publication, or days before, and how many days before. */
export function findRelativeDay(
  text: string,
  patterns: LanguagePatterns,
): { words: string; offset: number } | undefined {
  let best: { words: string; offset: number; index: number } | undefined;
  for (const { pattern, offset } of patterns.relativeDays) {
    const match = pattern.exec(text);
    if (match && (best === undefined || match.index < best.index))
      best = { words: match[0], offset, index: match.index };
  }
  return best && { words: best.words, offset: best.offset };
}
