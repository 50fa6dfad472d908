/**
 * The activity charts of a built page, read back from their SVG (`src/components/chart/ActivityChart.astro`),
 * and what they should show, computed here from dates alone.
 */
import type { HTMLElement } from 'node-html-parser';
import { text } from './dist.ts';

export interface ReadChart {
  /** `month`, `quarter` or `year`, as the SVG states it. */
  unit: string | undefined;
  /** Documents per period, in time order: the height of each period's bar, 0 where it has none. */
  bars: number[];
  /** The bars that do not stand on the baseline or overflow their period (should be none). */
  misplaced: string[];
  /** The number printed at the top of the scale. */
  peakLabel: string;
  /** The labels under the axis, one per stretch (a year, or a month of a one-year chart), '' where it has none. */
  axis: string[];
  /** The heading above the chart. */
  heading: string;
  /** The caption, which must also be the SVG's accessible name. */
  caption: string;
  labelledByCaption: boolean;
}

/** The chart of a `<figure class="chart">` (in its `<section class="activity">`, under its heading). */
export function readChart(figure: HTMLElement): ReadChart {
  const svg = figure.querySelector('svg');
  const caption = figure.querySelector('figcaption');
  if (!svg || !caption) throw new Error('A chart without its SVG or caption');
  const [, , width = 0, height = 0] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  const bars = Array.from({ length: width }, () => 0);
  const misplaced: string[] = [];
  for (const rect of svg.querySelectorAll('rect')) {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(rect.getAttribute(a)));
    const period = Math.floor(x!);
    if (y! + h! !== height || x! + w! > period + 1 || bars[period] === undefined || bars[period] !== 0) {
      misplaced.push(rect.toString());
    }
    bars[period] = h!;
  }
  return {
    unit: svg.getAttribute('data-unit'),
    bars,
    misplaced,
    peakLabel: text(figure.querySelector('.peak')!),
    axis: figure.querySelectorAll('.axis li').map((li) => text(li)),
    heading: text(figure.parentNode!.querySelector('h2, h3')!),
    caption: text(caption),
    labelledByCaption: svg.getAttribute('role') === 'img' && svg.getAttribute('aria-labelledby') === caption.id,
  };
}

/**
 * The unit a chart over whole years should use, as the issue states it: months, unless there
 * would be more than 60 bars; then quarters, unless more than 60 again; then years.
 */
export function expectedUnit(years: number): 'month' | 'quarter' | 'year' {
  return years * 12 <= 60 ? 'month' : years * 4 <= 60 ? 'quarter' : 'year';
}

/** Documents per period from January of `firstYear` to December of `lastYear`, for counts by `YYYY-MM`. */
export function expectedBars(
  months: Map<string, number>,
  firstYear: number,
  lastYear: number,
  unit = expectedUnit(lastYear - firstYear + 1),
): number[] {
  const perYear = unit === 'month' ? 12 : unit === 'quarter' ? 4 : 1;
  const bars = Array.from({ length: (lastYear - firstYear + 1) * perYear }, () => 0);
  for (const [month, count] of months) {
    const year = Number(month.slice(0, 4));
    const inYear = Math.floor(((Number(month.slice(5, 7)) - 1) * perYear) / 12);
    if (year < firstYear || year > lastYear) continue;
    bars[(year - firstYear) * perYear + inYear]! += count;
  }
  return bars;
}

/** How many periods hold documents: under `MIN_DRAWN_PERIODS` (3), a chart is a sentence. */
export const periodsWithDocuments = (bars: readonly number[]): number => bars.filter((n) => n > 0).length;

/** Counts by `YYYY-MM` of a list of dates. */
export function monthsOf(dates: readonly string[]): Map<string, number> {
  const months = new Map<string, number>();
  for (const date of dates) months.set(date.slice(0, 7), (months.get(date.slice(0, 7)) ?? 0) + 1);
  return months;
}
