/** Calendar days (`src/content/dates.ts`) written in French, with the dictionary's month names. */
import { calendarParts } from '#content/dates.ts';
import { t } from './index.ts';

/** `2024-05-20` → « 20 mai 2024 »; the first of the month is written « 1er ». */
export function formatDate(value: string): string {
  const { year, month, day } = calendarParts(value);
  return `${day === 1 ? t('date.firstDay') : day} ${monthName(month)} ${year}`;
}

/** `2024-05` → « mai 2024 ». */
export function formatMonth(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}

export function monthName(month: number): string {
  const name = t('date.months').split(' ')[month - 1];
  if (!name) throw new Error(`Mois invalide : ${month}`);
  return name;
}

/**
 * The days of talks in French, in three pieces: the first day as far as it differs from the
 * last, the dash, the last day. One day is `formatDate` alone; several are « 20–21 mai 2024 »,
 * « 30 mai – 2 juin 2024 » or « 30 décembre 2024 – 2 janvier 2025 ». The dash keeps to the
 * day before it (a no-break space), so that no line starts with it.
 */
export function spanPieces(start: string, end: string = start): [first: string, dash: string, last: string] {
  const last = formatDate(end);
  if (end === start) return ['', '', last];
  const a = calendarParts(start);
  const b = calendarParts(end);
  const day = a.day === 1 ? t('date.firstDay') : String(a.day);
  if (a.year === b.year && a.month === b.month) return [day, '–', last];
  if (a.year === b.year) return [`${day} ${monthName(a.month)}`, '\u00a0– ', last];
  return [formatDate(start), '\u00a0– ', last];
}

/** The days of talks in French, as one text (`spanPieces`). */
export function formatSpan(start: string, end: string = start): string {
  return spanPieces(start, end).join('');
}
