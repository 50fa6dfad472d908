/**
 * Calendar dates are handled as `YYYY-MM-DD` strings and never as instants, so a page
 * shows the same day whatever time zone builds it. This module reads them; `src/i18n/dates.ts`
 * writes them in French.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

/** The year, month (1–12) and day of an ISO day, or `undefined` when it is not a real date. */
export function parseCalendarDate(value: string): CalendarParts | undefined {
  const match = ISO_DAY.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Whether the text is a real calendar day written `YYYY-MM-DD` (`2024-02-30` is not). */
export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== undefined;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * The days the archive accepts, `YYYY-MM-DD`: from 1900, and at most one year after the day
 * the check runs. Diplomatic readouts of the archive's kind are recent; a year before 1900 is a
 * typo (`0024` for `2024`), and YAML 1.1 parsers, Astro's among them, read years 0000 to 0099
 * as 1900 to 1999. A meeting is never more than a year ahead: the year allows a document dated
 * in another time zone, or a planned meeting, and catches `2204` for `2024`.
 */
export function dateRange(today: Date = new Date()): { first: string; last: string } {
  const last = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  return { first: FIRST_DAY, last: last.toISOString().slice(0, 10) };
}

/** The first day the archive accepts. */
export const FIRST_DAY = '1900-01-01';

/** The parts of a day that must be real: throws otherwise, naming it. */
export function calendarParts(value: string): CalendarParts {
  const parsed = parseCalendarDate(value);
  if (!parsed) throw new Error(`Date invalide : « ${value} » (attendu AAAA-MM-JJ)`);
  return parsed;
}

/** The year of an ISO day. */
export function yearOf(value: string): number {
  return calendarParts(value).year;
}

/** The month of an ISO day, 1–12. */
export function monthOf(value: string): number {
  return calendarParts(value).month;
}

/** `2024-05-20` → `2024-05`: the month an ISO day falls in, as text that sorts by time. */
export function monthKey(value: string): string {
  const { year, month } = calendarParts(value);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of an ISO day, counted on the calendar (no time zone is involved). */
function dayNumber(value: string): number {
  const { year, month, day } = calendarParts(value);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** How many days from `first` to `last` (`2024-05-20` to `2024-05-21`: 1). */
export function daysBetween(first: string, last: string): number {
  return dayNumber(last) - dayNumber(first);
}

/** The days of talks: from `start` to `end`, both included (`end` is `start` for one day). */
export interface DaySpan {
  start: string;
  end: string;
}

/** The span of a document's talks, from its `date` and `dateEnd`. */
export function spanOf(data: { date: string; dateEnd?: string | undefined }): DaySpan {
  return { start: data.date, end: data.dateEnd ?? data.date };
}

/** Whether two spans share at least one day. */
export function spansOverlap(a: DaySpan, b: DaySpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}
