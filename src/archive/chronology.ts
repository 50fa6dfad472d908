/**
 * The archive by year and month: counts for the chronology's index, and a year's documents
 * grouped by month for its own pages. Documents come newest first (the archive's order),
 * and so do years and months; a year's months are counted in one pass.
 */
import { t } from '#i18n/index.ts';
import type { Readout } from './archive.ts';
import { formatMonth } from '#i18n/dates.ts';
import { calendarParts, monthKey, yearOf } from '#content/dates.ts';
import { PAGE_SIZE, pageOf, sectionsOf, type Page } from './pagination.ts';

export interface MonthCount {
  /** 1–12. */
  month: number;
  count: number;
  /** The page of the year's list where this month's documents begin. */
  page: number;
}

export interface YearCount {
  year: number;
  count: number;
  /** Only the months that have documents, newest first. */
  months: MonthCount[];
}

export interface MonthGroup {
  year: number;
  month: number;
  readouts: Readout[];
}

/** Documents grouped by year, then month, keeping the order given (newest first). */
export function groupByMonth(readouts: readonly Readout[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const readout of readouts) {
    const { year, month } = calendarParts(readout.listedOn);
    const last = groups.at(-1);
    if (last && last.year === year && last.month === month) last.readouts.push(readout);
    else groups.push({ year, month, readouts: [readout] });
  }
  return groups;
}

/** Every year that has documents, newest first, with its count and its months' counts. */
export function chronology(readouts: readonly Readout[], size: number = PAGE_SIZE): YearCount[] {
  const years: { year: number; months: MonthGroup[] }[] = [];
  for (const group of groupByMonth(readouts)) {
    const year = years.at(-1);
    if (year?.year === group.year) year.months.push(group);
    else years.push({ year: group.year, months: [group] });
  }
  return years.map(({ year, months }) => {
    // A month's page depends on the year's length: the first page holds the rest (pagination.ts).
    const count = months.reduce((n, m) => n + m.readouts.length, 0);
    let index = 0;
    return {
      year,
      count,
      months: months.map((m) => {
        const page = pageOf(index, count, size);
        index += m.readouts.length;
        return { month: m.month, count: m.readouts.length, page };
      }),
    };
  });
}

export interface ArchiveYear extends YearCount {
  /** The year's documents, newest first. */
  readouts: Readout[];
  /** The nearest years that have documents, if any. */
  newer: number | undefined;
  older: number | undefined;
}

/** Every year with its documents and its neighbours, for the year pages. */
export function archiveYears(readouts: readonly Readout[]): ArchiveYear[] {
  const years = chronology(readouts);
  let start = 0;
  return years.map((year, i) => ({
    ...year,
    // Documents come newest first, so a year's documents are one run of the list.
    readouts: readouts.slice(start, (start += year.count)),
    newer: years[i - 1]?.year,
    older: years[i + 1]?.year,
  }));
}

/** A heading and the documents under it, as `GroupedReadouts` shows them. */
export interface ReadoutSection {
  /** The heading's id, for links to it. */
  id: string;
  heading: string;
  readouts: Readout[];
}

const heading = (text: string, continued: boolean) => (continued ? t('pagination.continued', { heading: text }) : text);

/** One page of a list of documents (newest first), under a heading per year. */
export function yearSections(all: readonly Readout[], page: Page<Readout>): ReadoutSection[] {
  return sectionsOf(all, page, (r) => String(yearOf(r.listedOn))).map(({ key, items, continued }) => ({
    id: `annee-${key}`,
    heading: heading(key, continued),
    readouts: items,
  }));
}

/** One page of a year's documents (newest first), under a heading per month: `mois-05` is May. */
export function monthSections(all: readonly Readout[], page: Page<Readout>): ReadoutSection[] {
  return sectionsOf(all, page, (r) => monthKey(r.listedOn)).map(({ items, continued }) => {
    const { year, month } = calendarParts(items[0]!.listedOn);
    return { id: monthAnchor(month), heading: heading(formatMonth(year, month), continued), readouts: items };
  });
}

/** The id of a month's heading on its year's page. */
export function monthAnchor(month: number): string {
  return `mois-${String(month).padStart(2, '0')}`;
}
