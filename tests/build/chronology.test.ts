/**
 * The chronology of the archive built from `content/`: the table of counts by year and month,
 * and each year's page listing its documents under their month. Expected counts are computed
 * here from the content files, not from the site's code.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { archiveOrder, listedOnOf, readouts } from '../support/content.ts';
import { page, text } from '../support/dist.ts';

let dist: string;
beforeAll(() => {
  dist = inject('distDir');
});

const docs = readouts();
/** Each document is counted and listed under its meeting's first day (the accounts of one meeting together). */
const listedOn = listedOnOf(docs);
const MONTHS = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');
const count = (year: string, month?: string) =>
  docs.filter((d) => listedOn(d).startsWith(month ? `${year}-${month}` : year)).length;
const years = [...new Set(docs.map((d) => listedOn(d).slice(0, 4)))].sort().reverse();

test('the archive has dated documents to lay out (a chronology of nothing proves nothing)', () => {
  expect(years.length).toBeGreaterThan(0);
});

describe('/chronologie/', () => {
  test('has a row per year, newest first, linking to the year’s page', () => {
    const rows = page(dist, '/chronologie/').querySelectorAll('tbody tr');
    expect(rows.map((r) => text(r.querySelector('th')!))).toEqual(years);
    for (const row of rows) {
      const year = text(row.querySelector('th')!);
      expect(row.querySelector('th a')?.getAttribute('href')).toBe(`/chronologie/${year}/`);
    }
  });

  test('gives the count of each month and of the year, each month linking to its documents', () => {
    for (const row of page(dist, '/chronologie/').querySelectorAll('tbody tr')) {
      const year = text(row.querySelector('th')!);
      const cells = row.querySelectorAll('td');
      expect(cells).toHaveLength(13);
      MONTHS.forEach((name, i) => {
        const month = String(i + 1).padStart(2, '0');
        const cell = cells[i]!;
        expect(text(cell), `${name} ${year}`).toBe(String(count(year, month)));
        const link = cell.querySelector('a');
        if (count(year, month) === 0) expect(link).toBeNull();
        else {
          expect(link?.getAttribute('href')).toMatch(new RegExp(`^/chronologie/${year}/(page/\\d+/)?#mois-${month}$`));
          expect(link?.getAttribute('aria-label')).toContain(`${name} ${year}`);
        }
      });
      expect(text(cells[12]!)).toBe(String(count(year)));
    }
  });

  test('is linked from the navigation of every page', () => {
    expect(
      page(dist, '/')
        .querySelectorAll('header nav a')
        .map((a) => a.getAttribute('href')),
    ).toContain('/chronologie/');
  });
});

describe.each(years)('/chronologie/%s/', (year) => {
  test('lists the year’s documents, newest first, under the heading of their month', () => {
    const html = page(dist, `/chronologie/${year}/`);
    const expected = archiveOrder(docs).filter((d) => listedOn(d).startsWith(year));
    expect(expected.length).toBeGreaterThan(0);
    const listed = html
      .querySelectorAll('main section a')
      .map((a) => a.getAttribute('href'))
      .filter((h) => h?.startsWith('/comptes-rendus/'));
    expect(listed).toEqual(expected.map((d) => `/comptes-rendus/${d.id}/`).slice(0, listed.length));
    for (const doc of expected.slice(0, listed.length)) {
      const month = listedOn(doc).slice(5, 7);
      const section = html.querySelector(`section[aria-labelledby="mois-${month}"]`);
      expect(text(section!.querySelector('h2')!)).toBe(`${MONTHS[Number(month) - 1]} ${year}`);
      expect(section!.querySelector(`a[href="/comptes-rendus/${doc.id}/"]`)).not.toBeNull();
    }
  });

  test('says how many documents the year holds and leads back to the chronology', () => {
    const html = page(dist, `/chronologie/${year}/`);
    const n = count(year);
    expect(text(html.querySelector('main')!)).toContain(`${n} document${n > 1 ? 's' : ''} en ${year}`);
    expect(html.querySelector('nav[aria-label="Fil d’Ariane"] a[href="/chronologie/"]')).not.toBeNull();
  });
});
