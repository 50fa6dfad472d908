/**
 * Long lists split into pages of one fixed size. Page 1 keeps the list's own URL (a URL
 * published before the list grew must not move); page n ≥ 2 lives at `<list>/page/<n>/`
 * (see `routes.page` in `urls.ts`), never behind a query string. Each list is one route file,
 * `…/[...page].astro`, whose `getStaticPaths()` gives one entry per page (`pagePaths`).
 */
import { pageParam } from './urls.ts';

/** How many documents one page of any list shows: the all-documents list, a person's, a topic's, a place's, a year's. */
export const PAGE_SIZE = 50;

export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1). */
  total: number;
  items: T[];
  /** Position in the whole list of the first item of this page (0-based). */
  offset: number;
}

/** Where a page stands in its list: what pagination links need. */
export interface PagePosition {
  /** Route of the list's first page (`comptes-rendus/`); later pages are derived from it. */
  list: string;
  /** 1-based. */
  current: number;
  total: number;
}

/** How many pages a list of `length` items takes; an empty list still has its page 1. */
export function pageCount(length: number, size: number = PAGE_SIZE): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Taille de page invalide : ${size}`);
  return Math.max(1, Math.ceil(length / size));
}

/** The list cut into pages, in order; always at least one page. */
export function paginate<T>(items: readonly T[], size: number = PAGE_SIZE): Page<T>[] {
  const total = pageCount(items.length, size);
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    items: items.slice(i * size, (i + 1) * size),
    offset: i * size,
  }));
}

/**
 * Every page of a list, with the `[...page]` parameter of its URL: what a list's
 * `getStaticPaths()` maps to its entries.
 */
export function pagePaths<T>(
  items: readonly T[],
  size: number = PAGE_SIZE,
): { page: Page<T>; param: string | undefined }[] {
  return paginate(items, size).map((page) => ({ page, param: pageParam(page.number) }));
}

/** The page (1-based) that shows the item at `index` (0-based). */
export function pageOf(index: number, size: number = PAGE_SIZE): number {
  return Math.floor(Math.max(0, index) / size) + 1;
}

/**
 * The page numbers a pagination bar shows: always the first and the last, the current one
 * and `around` on each side; `null` marks a gap. A gap never hides a single page: that page
 * is shown instead, since a number takes no more room than an ellipsis.
 */
export function pageNumbers(current: number, total: number, around = 2): (number | null)[] {
  const shown = new Set([1, total]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const previous = out.at(-1);
    if (typeof previous === 'number' && n - previous === 2) out.push(n - 1);
    else if (typeof previous === 'number' && n - previous > 2) out.push(null);
    out.push(n);
  }
  return out;
}

export interface Section<T> {
  key: string;
  items: T[];
  /** The section began on an earlier page: its heading says so. */
  continued: boolean;
}

/**
 * The items of one page grouped under headings (a year, a month), where `keyOf` gives each
 * item's heading and equal keys are consecutive in `all`.
 */
export function sectionsOf<T>(all: readonly T[], page: Page<T>, keyOf: (item: T) => string): Section<T>[] {
  const sections: Section<T>[] = [];
  const before = page.offset > 0 ? all[page.offset - 1] : undefined;
  for (const item of page.items) {
    const key = keyOf(item);
    const last = sections.at(-1);
    if (last?.key === key) last.items.push(item);
    else
      sections.push({
        key,
        items: [item],
        continued: sections.length === 0 && before !== undefined && keyOf(before) === key,
      });
  }
  return sections;
}
