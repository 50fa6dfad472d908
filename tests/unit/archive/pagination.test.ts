import { describe, expect, test } from 'vitest';
import { PAGE_SIZE, pageCount, pageNumbers, pageOf, paginate, sectionsOf } from '#archive/pagination.ts';
import { personEntries } from '#archive/person-pages.ts';
import type { MentionOf, Participation } from '#archive/archive.ts';
import { routes } from '#archive/urls.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('paginate', () => {
  test.each([
    // items, size, expected page lengths, why
    [0, 10, [0], 'an empty list still has its page 1, so the list URL always exists'],
    [1, 10, [1], 'one item, one page'],
    [10, 10, [10], 'exactly one full page adds no empty page 2'],
    [11, 10, [11], 'one item more stays on page 1: no page of one item'],
    [19, 10, [19], 'page 1 holds up to twice the size less one'],
    [20, 10, [10, 10], 'twice the size opens page 2'],
    [25, 10, [15, 10], 'the first page holds the rest, every later page the size'],
    [6, 3, [3, 3], 'any size'],
    [8, 3, [5, 3], 'any size, with a rest'],
  ])('%i items by %i make pages of %j (%s)', (length, size, expected) => {
    const pages = paginate(range(length), size);
    expect(pages.map((p) => p.items.length)).toEqual(expected);
    expect(pages.map((p) => p.number)).toEqual(expected.map((_, i) => i + 1));
    expect(pages.every((p) => p.total === expected.length)).toBe(true);
    expect(pageCount(length, size)).toBe(expected.length);
  });

  test('keeps every item once, in order, and each page knows its offset', () => {
    const items = range(23);
    const pages = paginate(items, 5);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    for (const p of pages) expect(p.items[0]).toBe(p.offset);
  });

  // Lists come newest first: an item added at the top must leave every page after the first as
  // it was, so that a rebuild renders page 1 alone; only when page 1 would reach twice the size
  // does it split, and then each later page keeps its items under the next number.
  test.each([1, 9, 10, 11, 19, 20, 29, 47])('an item added at the top of %i moves no page but the first', (length) => {
    const size = 10;
    const before = paginate(range(length), size).map((p) => p.items);
    // The new item is -1, before every other.
    const after = paginate([-1, ...range(length)], size).map((p) => p.items);
    if (after.length === before.length) expect(after.slice(1)).toEqual(before.slice(1));
    else {
      expect(after.length).toBe(before.length + 1);
      expect(after.slice(2)).toEqual(before.slice(1));
      expect([...after[0]!, ...after[1]!]).toEqual([-1, ...before[0]!]);
    }
  });

  test('uses one page size for the whole site by default', () => {
    expect(PAGE_SIZE).toBeGreaterThan(1);
    expect(paginate(range(2 * PAGE_SIZE + 1)).map((p) => p.items.length)).toEqual([PAGE_SIZE + 1, PAGE_SIZE]);
  });

  test.each([0, -1, 2.5])('refuses the page size %d', (size) => {
    expect(() => pageCount(3, size)).toThrow(/Taille de page/);
  });
});

describe('pageOf', () => {
  test.each([
    [0, 25, 10, 1, 'the first item is on page 1'],
    [14, 25, 10, 1, 'page 1 holds the rest: 15 items here'],
    [15, 25, 10, 2, 'the next one starts page 2'],
    [24, 25, 10, 2, 'the last item is on the last page'],
    [9, 9, 10, 1, 'past the end of a short list: its only page'],
    [25, 25, 10, 2, 'past the end: the last page'],
  ])('item %i of %i with pages of %i is on page %i (%s)', (index, length, size, expected) => {
    expect(pageOf(index, length, size)).toBe(expected);
  });

  test('agrees with paginate for every item', () => {
    for (const length of [0, 1, 9, 10, 11, 20, 23, 57]) {
      const pages = paginate(range(length), 10);
      for (const p of pages) for (const item of p.items) expect(pageOf(item, length, 10)).toBe(p.number);
    }
  });
});

describe('pageNumbers', () => {
  test.each([
    [1, 1, [1], 'a single page'],
    [1, 3, [1, 2, 3], 'few pages: all shown'],
    [1, 10, [1, 2, 3, null, 10], 'at the start: a gap before the last page'],
    [10, 10, [1, null, 8, 9, 10], 'at the end: a gap after the first page'],
    [6, 12, [1, null, 4, 5, 6, 7, 8, null, 12], 'in the middle: gaps on both sides'],
    [4, 10, [1, 2, 3, 4, 5, 6, null, 10], 'a gap of one page shows that page instead'],
  ])('page %i of %i shows %j (%s)', (current, total, expected) => {
    expect(pageNumbers(current, total)).toEqual(expected);
  });
});

describe('routes.page', () => {
  test.each([
    [routes.readouts(), 1, 'comptes-rendus/', 'page 1 keeps the list’s published URL'],
    [routes.readouts(), 2, 'comptes-rendus/page/2/', 'later pages get a path, not a query string'],
    [routes.person('wang-yi'), 3, 'personnes/wang-yi/page/3/', 'a person’s list'],
    [routes.chronologyYear(2024), 12, 'chronologie/2024/page/12/', 'a year’s list'],
  ])('page of %s number %i is %s (%s)', (list, n, expected) => {
    expect(routes.page(list, n)).toBe(expected);
  });

  test.each([0, -2, 1.5])('refuses the page number %d', (n) => {
    expect(() => routes.page(routes.readouts(), n)).toThrow(/page/);
  });
});

describe('sectionsOf', () => {
  // Items are their own headings' keys: 'a', 'a', 'b'… in list order.
  const all = ['a', 'a', 'a', 'b', 'b', 'c'];
  test.each([
    [3, 1, [['a', 3, false]], 'page 1 starts with its first heading'],
    [
      3,
      2,
      [
        ['b', 2, false],
        ['c', 1, false],
      ],
      'a page that starts with a new heading',
    ],
    [
      2,
      2,
      [
        ['a', 1, true],
        ['b', 1, false],
      ],
      'a heading begun on the previous page is marked as continued',
    ],
    [
      6,
      1,
      [
        ['a', 3, false],
        ['b', 2, false],
        ['c', 1, false],
      ],
      'one page holds every heading',
    ],
  ])('pages of %i, page %i: %j (%s)', (size, n, expected) => {
    const page = paginate(all, size)[n - 1]!;
    expect(sectionsOf(all, page, (x) => x).map((s) => [s.key, s.items.length, s.continued])).toEqual(expected);
  });
});

describe('personEntries, paginated', () => {
  const participation = (id: string) => ({ readout: { id }, role: 'r' }) as unknown as Participation;
  const mention = (id: string) => ({ readout: { id } }) as unknown as MentionOf;

  test.each([
    [2, 1, 3, [['p1', 'p2', 'm1']], 'participations first, then mentions, on one page when they fit'],
    [3, 1, 3, [['p1', 'p2', 'p3', 'm1']], 'fewer than two pages: all on page 1'],
    [
      3,
      3,
      3,
      [
        ['p1', 'p2', 'p3'],
        ['m1', 'm2', 'm3'],
      ],
      'a full page of participations; mentions start the next',
    ],
    [
      4,
      3,
      3,
      [
        ['p1', 'p2', 'p3', 'p4'],
        ['m1', 'm2', 'm3'],
      ],
      'page 1 holds the rest',
    ],
    [0, 2, 3, [['m1', 'm2']], 'a person only mentioned'],
    [0, 0, 3, [[]], 'a person with no document still has page 1'],
  ])('%i participations and %i mentions by pages of %i: %j (%s)', (p, m, size, expected) => {
    const archive = {
      participationsOf: new Map([['x', Array.from({ length: p }, (_, i) => participation(`p${i + 1}`))]]),
      mentionsOf: new Map([['x', Array.from({ length: m }, (_, i) => mention(`m${i + 1}`))]]),
    };
    const pages = paginate(personEntries(archive, 'x'), size);
    const ids = pages.map((page) =>
      page.items.map((e) => ('participation' in e ? e.participation.readout.id : e.mention.readout.id)),
    );
    expect(ids).toEqual(expected);
  });
});
