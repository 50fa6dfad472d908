/**
 * Long lists split into pages. Page 1 keeps the list's own URL (a URL published before the list
 * grew must not move); page n ≥ 2 lives at `<list>/page/<n>/` (see `routes.page` in `urls.ts`),
 * never behind a query string. Each list is one route file, `…/[...page].astro`, whose
 * `getStaticPaths()` gives one entry per page (`pagePaths`).
 *
 * Lists come newest first, and pages are counted so that a document added at the top moves no
 * other page: every page but the first holds exactly `PAGE_SIZE` documents, counted from the
 * oldest end, and the first holds the rest, `PAGE_SIZE` to twice that less one (fewer only when
 * the whole list is shorter). A new document changes page 1 alone, until page 1 would hold twice
 * `PAGE_SIZE`: then its older half becomes page 2, and each later page keeps its documents under
 * the next number, once in `PAGE_SIZE` additions. A document inserted further down, or removed,
 * moves the pages from its own to the first. Counted from the top, as lists usually are, every
 * page after a new document would move by one place at each addition, and a rebuild would render
 * them all again (docs/performance.md, « A change at 10,000 »).
 */
import { pageParam } from './urls.ts';

/**
 * How many documents each page but the first shows in any list: the all-documents list, a
 * person's, a topic's, a place's, a year's.
 */
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

/** How many pages a list of `length` items takes: one per `size` items, the rest on page 1; an empty list still has its page 1. */
export function pageCount(length: number, size: number = PAGE_SIZE): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Taille de page invalide : ${size}`);
  return Math.max(1, Math.floor(length / size));
}

/** How many items the first page of a list of `length` items holds: `size` to `2 × size − 1`, or all when fewer than `size`. */
function firstPageLength(length: number, size: number): number {
  return length - (pageCount(length, size) - 1) * size;
}

/** The list cut into pages, in order; always at least one page. */
export function paginate<T>(items: readonly T[], size: number = PAGE_SIZE): Page<T>[] {
  const total = pageCount(items.length, size);
  const first = firstPageLength(items.length, size);
  return Array.from({ length: total }, (_, i) => {
    const offset = i === 0 ? 0 : first + (i - 1) * size;
    return { number: i + 1, total, items: items.slice(offset, i === 0 ? first : offset + size), offset };
  });
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

/**
 * The page (1-based) that shows the item at `index` (0-based) of a list of `length` items; an
 * index past the end is on the last page (where an empty second list would begin).
 */
export function pageOf(index: number, length: number, size: number = PAGE_SIZE): number {
  const first = firstPageLength(length, size);
  return index < first ? 1 : Math.min(pageCount(length, size), Math.floor((index - first) / size) + 2);
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
