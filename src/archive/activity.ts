/**
 * Activity over time: how many documents fall in each period, as the charts draw it. Counts
 * are kept by month (`MonthCounts`); a chart groups them into months, quarters or years, the
 * finest unit whose periods stay wide enough to read (`MAX_BARS`). The archive's own counts
 * come from the chronology's table (`activityOfChronology`), so that the chart and the table
 * never disagree; those of each person, topic and place are counted in `buildArchive`'s single
 * pass over the documents (`countMonth`).
 */
import { t, tCount, type MessageKey } from '#i18n/index.ts';
import { formatMonth } from '#i18n/dates.ts';
import { calendarParts } from '#content/dates.ts';
import type { YearCount } from './chronology.ts';

/** A month as one number, `year × 12 + month − 1`: consecutive months are consecutive numbers. */
export type MonthIndex = number;

/** Documents per month; months without documents are absent. */
export type MonthCounts = Map<MonthIndex, number>;

export type Unit = 'month' | 'quarter' | 'year';

/**
 * The most bars a chart draws. Past it, months group into quarters, and quarters into years:
 * sixty bars on a 320 px screen are about 4 px wide each, the least that still reads as a bar.
 */
export const MAX_BARS = 60;

/** How many months a period of each unit holds. */
const MONTHS_IN: Record<Unit, number> = { month: 1, quarter: 3, year: 12 };

/** `2024-05-20` → the index of May 2024. */
export function monthIndex(date: string): MonthIndex {
  const { year, month } = calendarParts(date);
  return year * 12 + month - 1;
}

/** Adds a document of `date` to `counts`. */
export function countMonth(counts: MonthCounts, date: string): void {
  const month = monthIndex(date);
  counts.set(month, (counts.get(month) ?? 0) + 1);
}

/** The months from `first` to `last`, both included (`first` ≤ `last`). */
export interface MonthSpan {
  first: MonthIndex;
  last: MonthIndex;
}

/**
 * Whole years, from January of `first` to December of `last`: a chart's frame, so that its
 * periods line up with the calendar and a single month is drawn within its year.
 */
export function yearsSpan(first: number, last: number = first): MonthSpan {
  return { first: Math.min(first, last) * 12, last: Math.max(first, last) * 12 + 11 };
}

/** A month, a quarter or a year: `index` is 1–12 for a month, 1–4 for a quarter, 1 for a year. */
export interface Period {
  unit: Unit;
  year: number;
  index: number;
}

/** How many periods of `unit` a span covers, counting the partial ones at its ends. */
export function periodCount(span: MonthSpan, unit: Unit): number {
  const size = MONTHS_IN[unit];
  return Math.floor(span.last / size) - Math.floor(span.first / size) + 1;
}

/** The finest unit that draws the span in at most `MAX_BARS` bars (years whatever the span past that). */
export function unitFor(span: MonthSpan, maxBars: number = MAX_BARS): Unit {
  if (periodCount(span, 'month') <= maxBars) return 'month';
  if (periodCount(span, 'quarter') <= maxBars) return 'quarter';
  return 'year';
}

export interface Bar {
  period: Period;
  count: number;
}

export interface Activity {
  unit: Unit;
  /** Every period of the span, in time order, those without documents included. */
  bars: Bar[];
  /** Documents in all. */
  total: number;
  /** The highest count of a period (0 when there is no document). */
  peak: number;
  /** The periods that reach the peak, in time order. */
  peaks: Period[];
}

/** The period of `unit` that holds a month. */
function periodOf(month: MonthIndex, unit: Unit): Period {
  const year = Math.floor(month / 12);
  const inYear = month - year * 12;
  return { unit, year, index: Math.floor(inYear / MONTHS_IN[unit]) + 1 };
}

/**
 * The counts of `counts` over `span`, grouped by `unit` (by default the finest that fits in
 * `MAX_BARS`). Months outside the span are left out.
 */
export function activity(counts: MonthCounts, span: MonthSpan, unit: Unit = unitFor(span)): Activity {
  const size = MONTHS_IN[unit];
  const start = Math.floor(span.first / size);
  const bars: Bar[] = Array.from({ length: periodCount(span, unit) }, (_, i) => ({
    period: periodOf((start + i) * size, unit),
    count: 0,
  }));
  let total = 0;
  for (const [month, count] of counts) {
    if (month < span.first || month > span.last) continue;
    bars[Math.floor(month / size) - start]!.count += count;
    total += count;
  }
  const peak = bars.reduce((max, bar) => Math.max(max, bar.count), 0);
  const peaks = peak === 0 ? [] : bars.filter((bar) => bar.count === peak).map((bar) => bar.period);
  return { unit, bars, total, peak, peaks };
}

/** The chronology's table (years and their months, newest first) as month counts. */
export function monthCountsOfChronology(years: readonly YearCount[]): MonthCounts {
  const counts: MonthCounts = new Map();
  for (const year of years) for (const m of year.months) counts.set(year.year * 12 + m.month - 1, m.count);
  return counts;
}

/** The years of the chronology's table (newest first), from the oldest to the newest; none for an empty archive. */
export function chronologySpan(years: readonly YearCount[]): MonthSpan | undefined {
  const newest = years[0];
  const oldest = years.at(-1);
  return newest && oldest ? yearsSpan(oldest.year, newest.year) : undefined;
}

/** The whole archive's activity, from the chronology's table, over the years it spans. */
export function activityOfChronology(years: readonly YearCount[]): Activity | undefined {
  const span = chronologySpan(years);
  return span && activity(monthCountsOfChronology(years), span);
}

/** A record's activity over the archive's span, so that every record's chart has the same frame; none without documents. */
export function recordActivity(counts: MonthCounts | undefined, span: MonthSpan | undefined): Activity | undefined {
  return counts && counts.size > 0 && span ? activity(counts, span) : undefined;
}

// In words.

const ordinal = (n: number) => (n === 1 ? t('date.firstDay') : t('date.ordinal', { n }));
const shortMonths = () => t('date.monthsShort').split(' ');

/** A period as a chart's axis writes it: « janv. 2024 », « T1 2024 », « 2024 ». */
export function periodLabel({ unit, year, index }: Period): string {
  if (unit === 'month') return `${shortMonths()[index - 1]} ${year}`;
  if (unit === 'quarter') return t('period.quarterShort', { n: index, year });
  return String(year);
}

/** A period written out: « mai 2024 », « 1er trimestre 2024 », « 2024 ». */
export function periodName({ unit, year, index }: Period): string {
  if (unit === 'month') return formatMonth(year, index);
  if (unit === 'quarter') return t('period.quarter', { n: ordinal(index), year });
  return String(year);
}

/** « en mai 2024 », « au 1er trimestre 2024 », « en 2024 ». */
export function periodPhrase(period: Period): string {
  return t(`period.in.${period.unit}`, { period: periodName(period) });
}

/** « de janvier 2015 à décembre 2024 », « d’avril à… », « du 1er trimestre 2015 au 4e trimestre 2024 »; one period: `periodPhrase`. */
export function spanPhrase(first: Period, last: Period): string {
  if (first.unit === last.unit && first.year === last.year && first.index === last.index) return periodPhrase(first);
  const from = periodName(first);
  const key: MessageKey =
    first.unit === 'month' && /^[aeiouyéèêâîô]/i.test(from) ? 'period.range.monthElided' : `period.range.${first.unit}`;
  return t(key, { from, to: periodName(last) });
}

/** What a chart counts: a record's documents, or a person's, taking part or only mentioned. */
export type Counted = 'readouts' | 'takingPart' | 'mentioned';

/**
 * What a chart shows, in one sentence: what it counts, its unit, its period, its total and its
 * peak. The text alternative of the chart, and its visible caption.
 */
export function activityCaption(activity: Activity, counted: Counted = 'readouts'): string {
  const { unit, bars, total, peak, peaks } = activity;
  const first = bars[0]?.period;
  const last = bars.at(-1)?.period;
  if (!first || !last) throw new Error('Graphique sans période');
  return t('chart.caption', {
    per: t(`chart.per.${counted}.${unit}`),
    span: spanPhrase(first, last),
    total: tCount('readouts', total),
    peak:
      peaks.length === 1
        ? t('chart.peak.one', { count: peak, when: periodPhrase(peaks[0]!) })
        : t('chart.peak.many', { count: peak, times: peaks.length }),
  });
}

/**
 * The fewest periods with documents a chart is drawn for. One bar, or two, on an empty frame
 * say less than a sentence: « 1 document, en mai 2024. »
 */
export const MIN_DRAWN_PERIODS = 3;

/** The periods that hold documents, in time order. */
export function periodsWithDocuments(activity: Activity): Bar[] {
  return activity.bars.filter((bar) => bar.count > 0);
}

/** Whether a chart says more than a sentence: at least `MIN_DRAWN_PERIODS` periods with documents. */
export function isDrawn(activity: Activity): boolean {
  return periodsWithDocuments(activity).length >= MIN_DRAWN_PERIODS;
}

const countedNoun = {
  readouts: 'readouts',
  takingPart: 'readoutsTakingPart',
  mentioned: 'readoutsMentioning',
} as const;

/**
 * What a chart too sparse to draw says instead, each period with its documents: « 1 document,
 * en mai 2024. », « 3 documents où la personne prend part : 2 en mai 2024 et 1 en juillet 2024. »
 */
export function activitySentence(activity: Activity, counted: Counted = 'readouts'): string {
  const bars = periodsWithDocuments(activity);
  const total = tCount(countedNoun[counted], activity.total);
  if (bars.length === 1) return t('chart.sentence.one', { total, when: periodPhrase(bars[0]!.period) });
  const parts = bars.map((bar) => t('chart.sentence.part', { count: bar.count, when: periodPhrase(bar.period) }));
  return t('chart.sentence.many', { total, parts: new Intl.ListFormat('fr', { type: 'conjunction' }).format(parts) });
}

/**
 * A stretch of a chart's axis and its label: a year of months or quarters, a single year, or a
 * month when the chart is one year. Every stretch of a chart holds as many periods as the others,
 * so the axis is a row of equal parts under the bars. `narrow` labels are left out on a narrow
 * chart, `hidden` ones always (when there would be too many to read); the stretch keeps its tick.
 */
export interface AxisPart {
  label: string;
  /** The label is shown only where the chart is wide. */
  narrow: boolean;
  /** The label is never shown: the tick alone marks the stretch. */
  hidden: boolean;
}

/** At most this many labels under a narrow chart (a phone), and under a wide one. */
const LABELS = { narrow: 6, wide: 14 };

/** The smallest of 1, 2, 5, 10, 20, 50… that keeps `parts` labels under `max`. */
function labelStep(parts: number, max: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5]) if (Math.ceil(parts / (step * magnitude)) <= max) return step * magnitude;
  }
}

/**
 * The axis of a chart, enough to read any bar: each month of a one-year chart (every third one
 * on a narrow screen), else each year, labelled every year or, past `LABELS`, every 2, 5, 10…
 * years (round years: 2020, 2025).
 */
export function axisParts(activity: Activity): AxisPart[] {
  const { unit, bars } = activity;
  if (unit === 'month' && bars.length === 12) {
    return bars.map(({ period }) => ({
      label: shortMonths()[period.index - 1]!,
      narrow: (period.index - 1) % 3 !== 0,
      hidden: false,
    }));
  }
  const years = [...new Set(bars.map((bar) => bar.period.year))];
  const [narrow, wide] = [labelStep(years.length, LABELS.narrow), labelStep(years.length, LABELS.wide)];
  return years.map((year) => ({ label: String(year), narrow: year % narrow !== 0, hidden: year % wide !== 0 }));
}
