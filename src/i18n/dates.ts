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
