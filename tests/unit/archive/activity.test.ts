import { describe, expect, test } from 'vitest';
import {
  MAX_BARS,
  activity,
  activityCaption,
  activityOfChronology,
  activitySentence,
  axisParts,
  isDrawn,
  monthIndex,
  periodLabel,
  recordActivity,
  spanPhrase,
  unitFor,
  yearsSpan,
  type MonthCounts,
  type Period,
} from '#archive/activity.ts';
import { chronology } from '#archive/chronology.ts';
import { datedReadouts } from './entries.ts';

/** Month counts from `[YYYY-MM, count]` pairs. */
const counts = (...pairs: [string, number][]): MonthCounts =>
  new Map(pairs.map(([month, n]) => [monthIndex(`${month}-01`), n]));

describe('unitFor: the finest unit that keeps bars wide enough to read', () => {
  test.each([
    [2024, 2024, 'month', 'one year: its twelve months'],
    [2020, 2024, 'month', `five years: ${5 * 12} months, no more than MAX_BARS`],
    [2019, 2024, 'quarter', 'six years: 72 months are too many, 24 quarters are not'],
    [2010, 2024, 'quarter', `fifteen years: ${15 * 4} quarters`],
    [2009, 2024, 'year', 'sixteen years: 64 quarters are too many'],
    [1900, 2024, 'year', 'years, however many'],
  ])('%i to %i gives %s (%s)', (first, last, unit) => {
    expect(MAX_BARS).toBe(60);
    expect(unitFor(yearsSpan(first, last))).toBe(unit);
  });
});

describe('activity', () => {
  test('counts each month in its period, keeps the empty periods, and finds the peak', () => {
    const chart = activity(
      counts(['2019-01', 2], ['2019-03', 1], ['2019-04', 4], ['2024-12', 3]),
      yearsSpan(2019, 2024),
    );
    expect(chart.unit).toBe('quarter');
    expect(chart.bars).toHaveLength(24);
    expect(chart.bars.map((b) => b.count)).toEqual([3, 4, ...Array<number>(21).fill(0), 3]);
    expect(chart.bars[1]!.period).toEqual({ unit: 'quarter', year: 2019, index: 2 });
    expect(chart.bars.at(-1)!.period).toEqual({ unit: 'quarter', year: 2024, index: 4 });
    expect(chart.total).toBe(10);
    expect(chart.peak).toBe(4);
    expect(chart.peaks).toEqual([{ unit: 'quarter', year: 2019, index: 2 }]);
  });

  test('groups by year, and leaves out months outside the span', () => {
    const chart = activity(
      counts(['2018-06', 9], ['2019-02', 1], ['2019-11', 1], ['2020-01', 5]),
      yearsSpan(2019, 2020),
      'year',
    );
    expect(chart.bars).toEqual([
      { period: { unit: 'year', year: 2019, index: 1 }, count: 2 },
      { period: { unit: 'year', year: 2020, index: 1 }, count: 5 },
    ]);
    expect(chart.total).toBe(7);
  });

  test('lists every period that reaches the peak', () => {
    const chart = activity(counts(['2024-02', 2], ['2024-05', 2], ['2024-07', 1]), yearsSpan(2024));
    expect(chart.peaks.map((p) => p.index)).toEqual([2, 5]);
  });

  test('a record without documents has no chart', () => {
    expect(recordActivity(undefined, yearsSpan(2024))).toBeUndefined();
    expect(recordActivity(new Map(), yearsSpan(2024))).toBeUndefined();
    expect(recordActivity(counts(['2024-02', 1]), undefined)).toBeUndefined();
    expect(recordActivity(counts(['2024-02', 1]), yearsSpan(2020, 2024))?.total).toBe(1);
  });
});

describe('activityOfChronology: the archive’s chart reads the chronology’s table', () => {
  test('its bars add up, period by period, to the table’s months', () => {
    const docs = datedReadouts('2024-05-20', '2024-05-02', '2024-02-29', '2022-12-31', '2016-01-01', '2016-03-31');
    const years = chronology(docs);
    const chart = activityOfChronology(years)!;
    expect(chart.unit).toBe('quarter');
    expect(chart.bars[0]!.period).toEqual({ unit: 'quarter', year: 2016, index: 1 });
    expect(chart.bars).toHaveLength(9 * 4);
    const table = new Map(years.flatMap((y) => y.months.map((m) => [`${y.year}-${Math.ceil(m.month / 3)}`, 0])));
    for (const y of years)
      for (const m of y.months)
        table.set(
          `${y.year}-${Math.ceil(m.month / 3)}`,
          (table.get(`${y.year}-${Math.ceil(m.month / 3)}`) ?? 0) + m.count,
        );
    for (const bar of chart.bars) {
      expect(bar.count, `${bar.period.year} T${bar.period.index}`).toBe(
        table.get(`${bar.period.year}-${bar.period.index}`) ?? 0,
      );
    }
    expect(chart.total).toBe(docs.length);
  });

  test('an empty archive has no chart', () => {
    expect(activityOfChronology([])).toBeUndefined();
  });
});

describe('in words', () => {
  const month = (year: number, index: number): Period => ({ unit: 'month', year, index });
  const quarter = (year: number, index: number): Period => ({ unit: 'quarter', year, index });

  test.each([
    [month(2024, 1), 'janv. 2024'],
    [quarter(2024, 3), 'T3 2024'],
    [{ unit: 'year', year: 2024, index: 1 } as Period, '2024'],
  ])('the axis writes %j as %s', (period, label) => {
    expect(periodLabel(period)).toBe(label);
  });

  test.each([
    [month(2015, 1), month(2024, 12), 'de janvier 2015 à décembre 2024'],
    [month(2015, 4), month(2016, 8), 'd’avril 2015 à août 2016'],
    [month(2015, 10), month(2015, 12), 'd’octobre 2015 à décembre 2015'],
    [quarter(2015, 1), quarter(2024, 4), 'du 1er trimestre 2015 au 4e trimestre 2024'],
    [quarter(2024, 2), quarter(2024, 2), 'au 2e trimestre 2024'],
    [month(2024, 5), month(2024, 5), 'en mai 2024'],
  ])('%j to %j reads « %s »', (first, last, phrase) => {
    expect(spanPhrase(first, last)).toBe(phrase);
  });

  test('the caption states unit, period, total and peak, with French spacing', () => {
    expect(activityCaption(activity(counts(['2024-05', 2], ['2024-07', 1]), yearsSpan(2024)))).toBe(
      'Documents par mois, de janvier 2024 à décembre 2024\u00a0: 3 documents en tout\u202f; au plus 2, en mai 2024.',
    );
    expect(activityCaption(activity(counts(['2024-05', 1], ['2024-07', 1]), yearsSpan(2010, 2024)))).toBe(
      'Documents par trimestre, du 1er trimestre 2010 au 4e trimestre 2024\u00a0: 2 documents en tout\u202f; au plus 1, atteint 2\u00a0fois.',
    );
  });
});

describe('a chart says something or is not drawn', () => {
  test.each([
    [[['2024-05', 1]], false, 'one period: one bar on an empty frame'],
    [
      [
        ['2024-05', 1],
        ['2024-07', 3],
      ],
      false,
      'two periods',
    ],
    [
      [
        ['2024-05', 1],
        ['2024-07', 3],
        ['2024-09', 1],
      ],
      true,
      'three periods: drawn',
    ],
  ] as [[string, number][], boolean, string][])('%j is drawn: %s (%s)', (pairs, drawn) => {
    expect(isDrawn(activity(counts(...pairs), yearsSpan(2024)))).toBe(drawn);
  });

  test.each([
    [[['2024-05', 1]], 'readouts', '1 document, en mai 2024.'],
    [
      [
        ['2024-05', 2],
        ['2024-07', 1],
      ],
      'takingPart',
      '3 documents où la personne prend part\u00a0: 2 en mai 2024 et 1 en juillet 2024.',
    ],
    [[['2024-05', 1]], 'mentioned', '1 document qui mentionne la personne, en mai 2024.'],
  ] as [[string, number][], 'readouts' | 'takingPart' | 'mentioned', string][])(
    'too few periods: %j counted as %s reads « %s »',
    (pairs, counted, sentence) => {
      expect(activitySentence(activity(counts(...pairs), yearsSpan(2024)), counted)).toBe(sentence);
    },
  );

  test('the caption says what it counts', () => {
    const chart = activity(counts(['2024-05', 2], ['2024-07', 1], ['2024-09', 1]), yearsSpan(2024));
    expect(activityCaption(chart, 'takingPart')).toMatch(/^Documents où la personne prend part, par mois, /);
    expect(activityCaption(chart, 'mentioned')).toMatch(/^Documents qui mentionnent la personne, par mois, /);
  });
});

describe('axisParts: enough of the axis to read any bar', () => {
  test('a one-year chart labels its twelve months, every third one on a narrow chart', () => {
    const parts = axisParts(activity(counts(['2024-05', 1]), yearsSpan(2024)));
    expect(parts.map((p) => p.label)).toEqual(
      'janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.'.split(' '),
    );
    expect(parts.filter((p) => !p.narrow).map((p) => p.label)).toEqual(['janv.', 'avr.', 'juil.', 'oct.']);
    expect(parts.some((p) => p.hidden)).toBe(false);
  });

  test.each([
    [2020, 2024, 5, ['2020', '2021', '2022', '2023', '2024'], 'five years of months: every year'],
    [
      2013,
      2024,
      12,
      ['2014', '2016', '2018', '2020', '2022', '2024'],
      'twelve years of quarters: every other year on a phone',
    ],
    [1990, 2024, 35, ['1990', '2000', '2010', '2020'], 'thirty-five years: every tenth on a phone'],
  ])('%i–%i: one part a year (%i), labelled %j on a narrow chart (%s)', (first, last, parts, narrow) => {
    const axis = axisParts(activity(counts(['2024-05', 1]), yearsSpan(first, last)));
    expect(axis).toHaveLength(parts);
    expect(axis.filter((p) => !p.narrow && !p.hidden).map((p) => p.label)).toEqual(narrow);
    expect(axis.filter((p) => !p.hidden).length).toBeLessThanOrEqual(14);
  });
});
