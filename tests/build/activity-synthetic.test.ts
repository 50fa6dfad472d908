/**
 * The archive at a glance, built from a synthetic archive (`scripts/bench/generate.ts`) of twelve
 * years: too many months for one chart, so the archive's chart and the records' timelines
 * switch to quarters while a year keeps its months; a person meets more people than a page
 * lists, so the interlocutors get pages of their own; and every chart stays a few KB.
 * Expectations are computed here from the content files.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE_SIZE } from '#archive/pagination.ts';
import { expectPlanOfBuild } from '../support/addresses.ts';
import { build, removeBuild, type BuildResult } from '../support/build.ts';
import { expectedBars, expectedUnit, monthsOf, readChart } from '../support/chart.ts';
import { fileForPath, htmlFiles, page, text } from '../support/dist.ts';
import { readDocs, readNames, syntheticArchive } from '../support/synthetic.ts';
import { sharedWith } from '../support/together.ts';

const YEARS = 12;
const FIRST_YEAR = 2015;
const LAST_YEAR = FIRST_YEAR + YEARS - 1;
const contentDir = syntheticArchive({ documents: 400, people: 80, topics: 20, places: 5, years: YEARS });
const docs = readDocs(contentDir);
const names = readNames(contentDir);

/** Everyone who took part in a document with each person (see `sharedWith`). */
const interlocutors = new Map(
  [...names.keys()].map((id) => [
    id,
    sharedWith(
      docs.map((d) => ({ unit: d.id, date: d.date, ids: d.participants })),
      id,
      names,
    ),
  ]),
);
const [sociable, all] = [...interlocutors].sort((a, b) => b[1].length - a[1].length)[0]!;

let result: BuildResult;
beforeAll(() => {
  result = build({ contentDir, env: { SITE_URL: 'https://archive.test' } });
}, 600_000);
afterAll(() => {
  if (result) removeBuild(result.outDir);
});

test('the synthetic archive builds, over more years than a chart of months holds', () => {
  expect(result.status, result.output).toBe(0);
  expect(new Set(docs.map((d) => d.date.slice(0, 4))).size).toBe(YEARS);
  expect(expectedUnit(YEARS)).toBe('quarter');
});

test('the check plans every page, the interlocutors’ pages included (tests/support/addresses.ts)', () => {
  expectPlanOfBuild(contentDir, result.outDir);
});

describe('the grouping switch', () => {
  const chartOf = (path: string) => readChart(page(result.outDir, path).querySelector('main figure.chart')!);

  test('/chronologie/ draws quarters, equal to the table’s months added up', () => {
    const chart = chartOf('/chronologie/');
    expect(chart.unit).toBe('quarter');
    expect(chart.bars).toHaveLength(YEARS * 4);
    expect(chart.misplaced).toEqual([]);
    const table = new Map<string, number>();
    for (const row of page(result.outDir, '/chronologie/').querySelectorAll('tbody tr')) {
      const year = text(row.querySelector('th')!);
      row
        .querySelectorAll('td')
        .slice(0, 12)
        .forEach((cell, i) => table.set(`${year}-${String(i + 1).padStart(2, '0')}`, Number(text(cell))));
    }
    expect(chart.bars).toEqual(expectedBars(table, FIRST_YEAR, LAST_YEAR, 'quarter'));
    expect(chart.bars.reduce((a, b) => a + b, 0)).toBe(docs.length);
    // Twelve years: each one ticked, every one labelled on a wide screen.
    expect(chart.axis).toEqual(Array.from({ length: YEARS }, (_, i) => String(FIRST_YEAR + i)));
    expect(chart.caption).toMatch(
      /^Documents par trimestre, du 1er trimestre 2015 au 4e trimestre 2026\u00a0: 400 documents en tout/,
    );
  });

  test('a year’s page keeps its months', () => {
    const chart = chartOf(`/chronologie/${FIRST_YEAR + 4}/`);
    expect(chart.unit).toBe('month');
    expect(chart.bars).toEqual(
      expectedBars(monthsOf(docs.map((d) => d.date)), FIRST_YEAR + 4, FIRST_YEAR + 4, 'month'),
    );
  });

  test('a person’s timeline switches with the archive’s, to quarters over the archive’s years', () => {
    // The documents the person takes part in: the chart says so.
    const own = docs.filter((d) => d.participants.includes(sociable));
    const chart = chartOf(`/personnes/${sociable}/`);
    expect(chart.unit).toBe('quarter');
    expect(chart.caption).toMatch(/^Documents où la personne prend part, par trimestre/);
    expect(chart.bars).toEqual(expectedBars(monthsOf(own.map((d) => d.date)), FIRST_YEAR, LAST_YEAR, 'quarter'));
  });
});

describe('interlocutors past a page', () => {
  const list = `/personnes/${sociable}/interlocuteurs/`;
  const namesOn = (path: string, selector: string) =>
    page(result.outDir, path)
      .querySelectorAll(`${selector} ul.records > li > a`)
      .map((a) => text(a));

  test('the most sociable person meets more people than a page lists', () => {
    expect(all.length).toBeGreaterThan(PAGE_SIZE);
  });

  test('the person’s page shows the ten most frequent and links to them all', () => {
    const section = 'section[aria-labelledby="interlocuteurs"]';
    expect(namesOn(`/personnes/${sociable}/`, section)).toEqual(all.slice(0, 10).map((m) => m.label));
    const link = page(result.outDir, `/personnes/${sociable}/`).querySelector(`${section} a[href="${list}"]`);
    expect(link && text(link)).toContain(`(${all.length})`);
  });

  test('their list holds them all in order, PAGE_SIZE a page after the first, chained by rel="next"', () => {
    const seen: string[] = [];
    let path: string | undefined = list;
    let pages = 0;
    while (path) {
      const onPage = namesOn(path, 'main');
      // Page 1 holds the rest (pagination.ts): under twice PAGE_SIZE; every later page PAGE_SIZE.
      if (pages === 0) expect(onPage.length).toBeLessThan(2 * PAGE_SIZE);
      else expect(onPage.length).toBe(PAGE_SIZE);
      seen.push(...onPage);
      path = page(result.outDir, path).querySelector('head link[rel="next"]')?.getAttribute('href') ?? undefined;
      pages++;
    }
    expect(pages).toBe(Math.max(1, Math.floor(all.length / PAGE_SIZE)));
    expect(seen).toEqual(all.map((m) => m.label));
  });

  test('only people with more than ten interlocutors have such a list', () => {
    for (const id of names.keys()) {
      const has = fileForPath(result.outDir, `/personnes/${id}/interlocuteurs/`) !== undefined;
      expect(has, id).toBe(interlocutors.get(id)!.length > 10);
    }
  });
});

describe('weight', () => {
  test('every chart of the site stays under 4 KB of HTML, however many documents it counts', () => {
    let charts = 0;
    for (const file of htmlFiles(result.outDir)) {
      for (const figure of page(result.outDir, `/${file}`).querySelectorAll('figure.chart')) {
        charts++;
        expect(Buffer.byteLength(figure.toString()), file).toBeLessThanOrEqual(4096);
      }
    }
    expect(charts).toBeGreaterThan(100);
  });

  test.each([[`/personnes/${sociable}/`], ['/'], ['/chronologie/']])('%s stays under 100 KB of HTML', (path) => {
    expect(readFileSync(fileForPath(result.outDir, path)!).byteLength).toBeLessThanOrEqual(100 * 1024);
  });
});
