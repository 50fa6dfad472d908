import { describe, expect, test } from 'vitest';
import { datedReadouts } from './entries.ts';
import { chronology, groupByMonth } from '#archive/chronology.ts';
import { routes } from '#archive/urls.ts';

describe('groupByMonth', () => {
  test.each([
    [[], [], 'no documents, no month'],
    [['2024-05-20'], [['2024-05', 1]], 'one document'],
    [
      ['2024-05-20', '2024-05-01', '2024-04-30', '2023-05-20'],
      [
        ['2024-05', 2],
        ['2024-04', 1],
        ['2023-05', 1],
      ],
      'the same month of two years stays apart',
    ],
    [
      ['2023-01-01', '2024-12-31', '2024-01-15'],
      [
        ['2024-12', 1],
        ['2024-01', 1],
        ['2023-01', 1],
      ],
      'newest first, whatever order the files came in',
    ],
  ])('%j gives %j (%s)', (dates, expected) => {
    const groups = groupByMonth(datedReadouts(...dates));
    expect(groups.map((g) => [`${g.year}-${String(g.month).padStart(2, '0')}`, g.readouts.length])).toEqual(expected);
  });
});

describe('chronology', () => {
  test('counts documents by year and by month, newest first, leaving out empty months', () => {
    const years = chronology(datedReadouts('2024-05-20', '2024-05-02', '2024-02-29', '2022-12-31', '2022-01-01'));
    expect(years.map((y) => [y.year, y.count, y.months.map((m) => [m.month, m.count])])).toEqual([
      [
        2024,
        3,
        [
          [5, 2],
          [2, 1],
        ],
      ],
      [
        2022,
        2,
        [
          [12, 1],
          [1, 1],
        ],
      ],
    ]);
  });

  test.each([
    // month counts of one year (newest first), page size, page where each month starts, why
    [[3, 4], 10, [1, 1], 'a short year fits on page 1'],
    [[10, 1], 10, [1, 1], 'a year shorter than two pages fits on page 1'],
    [[10, 10], 10, [1, 2], 'a month that starts right after page 1 starts page 2'],
    [[5, 7, 9], 4, [1, 2, 3], 'a month starts on the page of its first document (page 1 holds the rest: 5)'],
  ])('months of %j with pages of %i start on pages %j (%s)', (counts, size, expected) => {
    const dates = counts.flatMap((count, i) =>
      Array.from(
        { length: count },
        (_, d) => `2024-${String(12 - i).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`,
      ),
    );
    const [year] = chronology(datedReadouts(...dates), size);
    expect(year!.months.map((m) => m.page)).toEqual(expected);
    expect(year!.count).toBe(dates.length);
  });

  test('a year’s page has a stable URL', () => {
    expect(routes.chronologyYear(2024)).toBe('chronologie/2024/');
    expect(() => routes.chronologyYear(24)).toThrow(/Année/);
  });
});
