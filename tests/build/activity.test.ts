/**
 * The archive at a glance, on the archive built from `content/`: the charts of documents over
 * time (read back from their SVG), the home page's figures, a person's interlocutors and a
 * topic's related topics. Expectations are computed here from the content files, or from the
 * chronology's table where the chart must say what the table says.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { listedOnOf, mentionIds, readouts, records, unit } from '../support/content.ts';
import { page, text } from '../support/dist.ts';
import { expectedBars, expectedUnit, monthsOf, readChart } from '../support/chart.ts';
import { sharedWith } from '../support/together.ts';

let dist: string;
beforeAll(() => {
  dist = inject('distDir');
});

const docs = readouts();
const listedOn = listedOnOf(docs);
const dates = docs.map((d) => String(d.data.date));
const years = dates.map((d) => Number(d.slice(0, 4)));
const [firstYear, lastYear] = [Math.min(...years), Math.max(...years)];
const MONTHS = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');
/** « 20 mai 2024 », « 1er juillet 2024 ». */
const frenchDate = (date: string) => {
  const day = Number(date.slice(8, 10));
  return `${day === 1 ? '1er' : day} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
};
const documents = (n: number) => `${n} document${n > 1 ? 's' : ''}`;
const figureOf = (html: HTMLElement) => {
  const figure = html.querySelector('main figure.chart');
  expect(figure, 'the page has a chart').not.toBeNull();
  return readChart(figure!);
};

test('the archive has dated documents to chart (a chart of nothing proves nothing)', () => {
  expect(docs.length).toBeGreaterThan(0);
});

/** The chronology's table: documents by `YYYY-MM`, from its cells. */
function tableMonths(): Map<string, number> {
  const months = new Map<string, number>();
  for (const row of page(dist, '/chronologie/').querySelectorAll('tbody tr')) {
    const year = text(row.querySelector('th')!);
    row
      .querySelectorAll('td')
      .slice(0, 12)
      .forEach((cell, i) => {
        if (Number(text(cell)) > 0) months.set(`${year}-${String(i + 1).padStart(2, '0')}`, Number(text(cell)));
      });
  }
  return months;
}

describe('/chronologie/', () => {
  test('draws bars equal to the table’s numbers, by the unit its span calls for', () => {
    const chart = figureOf(page(dist, '/chronologie/'));
    const table = tableMonths();
    expect([...table.values()].reduce((a, b) => a + b, 0)).toBe(docs.length);
    expect(chart.unit).toBe(expectedUnit(lastYear - firstYear + 1));
    expect(chart.misplaced).toEqual([]);
    expect(chart.bars).toEqual(expectedBars(table, firstYear, lastYear));
  });

  test('says what it shows: its period, its total and its peak, as the SVG’s accessible name', () => {
    const chart = figureOf(page(dist, '/chronologie/'));
    const peak = Math.max(...chart.bars);
    expect(chart.labelledByCaption).toBe(true);
    expect(chart.caption).toContain(`${firstYear}`);
    expect(chart.caption).toContain(`${lastYear}\u00a0: ${documents(docs.length)} en tout`);
    expect(chart.caption).toContain(`au plus ${peak}`);
    expect(chart.peakLabel).toBe(String(peak));
  });
});

describe.each([...new Set(years)].sort())('/chronologie/%i/', (year) => {
  test('draws the year’s twelve months, equal to its row of the table', () => {
    const chart = figureOf(page(dist, `/chronologie/${year}/`));
    expect(chart.unit).toBe('month');
    expect(chart.misplaced).toEqual([]);
    expect(chart.bars).toEqual(expectedBars(tableMonths(), year, year, 'month'));
    expect([chart.first, chart.last]).toEqual([`janv. ${year}`, `déc. ${year}`]);
  });
});

describe('the home page', () => {
  test('gives the archive in figures: documents, people, topics, places, meetings, first and last date', () => {
    const html = page(dist, '/');
    const figures = html
      .querySelectorAll('main dl.figures > div')
      .map((d) => [text(d.querySelector('dt')!), text(d.querySelector('dd')!)]);
    const sorted = [...dates].sort();
    expect(figures).toEqual([
      ['Comptes rendus', String(docs.length)],
      ['Personnes', String(records('people').length)],
      ['Thèmes', String(records('topics').length)],
      ['Lieux', String(records('places').length)],
      ['Entretiens et leurs comptes rendus', String(new Set(docs.flatMap((d) => d.data.meeting ?? [])).size)],
      ['Premier document', frenchDate(sorted[0]!)],
      ['Dernier document', frenchDate(sorted.at(-1)!)],
    ]);
  });

  test('shows the same activity chart as the chronology, and links to it', () => {
    const html = page(dist, '/');
    expect(figureOf(html)).toEqual(figureOf(page(dist, '/chronologie/')));
    expect(html.querySelector('main a[href="/chronologie/"]')).not.toBeNull();
  });
});

/** Each record's documents, from the content files: a person's are those they take part in or are mentioned by. */
const recordDocs = {
  personnes: (id: string) =>
    docs.filter((d) => d.data.participants.some((p) => p.person === id) || mentionIds(d).includes(id)),
  themes: (id: string) => docs.filter((d) => d.data.topics.includes(id)),
  lieux: (id: string) => docs.filter((d) => d.data.place === id),
};
const recordPages = [
  ...records('people').map((r) => ['personnes', r.id] as const),
  ...records('topics').map((r) => ['themes', r.id] as const),
  ...records('places').map((r) => ['lieux', r.id] as const),
];

describe.each(recordPages)('/%s/%s/', (kind, id) => {
  test('draws a timeline of the record’s documents over the archive’s years', () => {
    const own = recordDocs[kind](id);
    const figure = page(dist, `/${kind}/${id}/`).querySelector('main figure.chart');
    if (own.length === 0) {
      expect(figure).toBeNull();
      return;
    }
    const chart = readChart(figure!);
    expect(chart.misplaced).toEqual([]);
    expect(chart.bars).toEqual(expectedBars(monthsOf(own.map((d) => String(d.data.date))), firstYear, lastYear));
    expect(chart.caption).toContain(`${documents(own.length)} en tout`);
    expect(chart.labelledByCaption).toBe(true);
  });
});

const people = new Map(records('people').map((r) => [r.id, String(r.data['name'])]));
/** Who took part in documents with `person` (see `sharedWith`). */
const interlocutors = (person: string) =>
  sharedWith(
    docs.map((d) => ({ unit: unit(d), date: listedOn(d), ids: d.data.participants.map((p) => p.person) })),
    person,
    people,
  );

/** The « Interlocuteurs » of a person's page: name, count and date, as the page writes them. */
function shownInterlocutors(person: string) {
  const section = page(dist, `/personnes/${person}/`).querySelector('section[aria-labelledby="interlocuteurs"]');
  expect(section, 'the person’s page has its interlocutors').not.toBeNull();
  return section!.querySelectorAll('li').map((li) => ({
    name: text(li.querySelector('a')!),
    href: li.querySelector('a')!.getAttribute('href'),
    detail: text(li.querySelector('.detail')!),
  }));
}

describe('interlocutors', () => {
  test.each(records('people').map((r) => [r.id]))(
    '/personnes/%s/ lists them, most frequent first, each linked',
    (person) => {
      expect(shownInterlocutors(person)).toEqual(
        interlocutors(person)
          .slice(0, 10)
          .map((m) => ({
            name: m.label,
            href: `/personnes/${m.id}/`,
            detail: `${documents(m.count)} en commun, le ${m.count > 1 ? 'dernier le ' : ''}${frenchDate(m.last)}`,
          })),
      );
    },
  );

  test('Wang Yi and Sergueï Aleïnik, who meet in the seed document, are each other’s interlocutors', () => {
    const both = docs.filter((d) =>
      ['wang-yi', 'sergei-aleinik'].every((p) => d.data.participants.some((x) => x.person === p)),
    );
    expect(both.map((d) => d.id)).toContain('2024-05-20-wang-yi-sergei-aleinik');
    const detail = `${documents(both.length)} en commun`;
    expect(shownInterlocutors('wang-yi').find((m) => m.name === 'Sergueï Aleïnik')?.detail).toContain(detail);
    expect(shownInterlocutors('sergei-aleinik').find((m) => m.name === 'Wang Yi')?.detail).toContain(detail);
  });
});

describe('related topics', () => {
  const labels = new Map(records('topics').map((r) => [r.id, String(r.data['label'])]));
  /** The topics of the same documents as `topic` (see `sharedWith`), with their count. */
  const together = (topic: string) =>
    sharedWith(
      docs.map((d) => ({ unit: unit(d), date: listedOn(d), ids: d.data.topics })),
      topic,
      labels,
    ).map(({ label, count }) => ({ label, count }));

  test('the archive has topics that come up together', () => {
    expect(records('topics').some((t) => together(t.id).length > 0)).toBe(true);
  });

  test.each(records('topics').map((r) => [r.id]))('/themes/%s/ lists the topics most often with it', (topic) => {
    const section = page(dist, `/themes/${topic}/`).querySelector('section[aria-labelledby="themes-associes"]');
    expect(section).not.toBeNull();
    const shown = section!.querySelectorAll('li').map((li) => ({
      label: text(li.querySelector('a')!),
      count: Number(/^(\d+) documents? en commun$/.exec(text(li.querySelector('.detail')!))?.[1]),
    }));
    expect(shown).toEqual(together(topic).slice(0, 10));
  });
});
