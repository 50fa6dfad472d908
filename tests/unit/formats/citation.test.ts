import { Cite } from '@citation-js/core';
import { describe, expect, test } from 'vitest';
import { citationFile, citationMeta, cslItem, formatCitation, type Citable } from '#formats/citation.ts';
import { paragraphId, paragraphUrl } from '#archive/paragraphs.ts';

const permalink = 'https://archive.example.org/archive/comptes-rendus/2024-05-20-wang-yi-sergei-aleinik/';

/** The seed's description: long title (over 70 characters), accents, no known source. */
const seed: Citable = {
  id: '2024-05-20-wang-yi-sergei-aleinik',
  title: 'Wang Yi rencontre Sergueï Aleïnik, ministre biélorusse des Affaires étrangères, à Astana',
  date: '2024-05-20',
  language: 'fr',
  event: 'Réunion du Conseil des ministres des Affaires étrangères de l’OCS',
  place: 'Astana',
  permalink,
  archive: 'Archive des comptes rendus diplomatiques',
};
const published: Citable = { ...seed, date: '2023-01-01', publisher: 'Ministère des Affaires étrangères' };

describe('formatCitation', () => {
  test.each([
    [
      seed,
      `Source non précisée, «\u00a0${seed.title}\u00a0», 20 mai 2024, Archive des comptes rendus diplomatiques, ${permalink} (consulté le …).`,
      'an unknown source is said to be unknown, never made up',
    ],
    [
      published,
      `Ministère des Affaires étrangères, «\u00a0${seed.title}\u00a0», 1er janvier 2023, Archive des comptes rendus diplomatiques, ${permalink} (consulté le …).`,
      'a known publisher comes first; the first of the month is « 1er »',
    ],
  ])('cites %#: %s (%s)', (citable, expected) => {
    expect(formatCitation(citable)).toBe(expected);
  });
});

describe('citationMeta', () => {
  const tags = (c: Citable) => Object.fromEntries(citationMeta(c).map((m) => [m.name, m.content]));

  test('gives Zotero the title, the date as YYYY/MM/DD, the language and the permanent URL', () => {
    expect(tags(seed)).toEqual({
      citation_title: seed.title,
      citation_date: '2024/05/20',
      citation_language: 'fr',
      citation_public_url: permalink,
      citation_abstract_html_url: permalink,
    });
  });

  test('names the publisher only when the source is known', () => {
    expect(tags(seed)).not.toHaveProperty('citation_publisher');
    expect(tags(published)).toHaveProperty('citation_publisher', 'Ministère des Affaires étrangères');
  });
});

describe('cslItem', () => {
  test.each([
    ['2024-05-20', [2024, 5, 20], 'the seed’s day'],
    ['2024-01-01', [2024, 1, 1], 'new year, where a time zone shift would show'],
    ['2024-12-31', [2024, 12, 31], 'new year’s eve'],
  ])('turns %s into the date parts %j (%s)', (date, parts) => {
    expect(cslItem({ ...seed, date }).issued).toEqual({ 'date-parts': [parts] });
  });

  test('has no publisher field when the source is unknown', () => {
    expect(cslItem(seed)).not.toHaveProperty('publisher');
    expect(cslItem(published).publisher).toBe(published.publisher);
  });
});

/** Reads a reference file back with citation-js, as a reference manager would. */
const parsed = (text: string) => new Cite(text).data as Record<string, unknown>[];

describe('citationFile', () => {
  test('writes CSL-JSON: an array holding the document’s item', () => {
    const items = JSON.parse(citationFile(seed, 'json')) as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: seed.id,
      type: 'document',
      title: seed.title,
      URL: permalink,
      language: 'fr',
      issued: { 'date-parts': [[2024, 5, 20]] },
      archive: seed.archive,
    });
  });

  test('writes BibTeX keyed by the document’s id, with its UTF-8 title and URL', () => {
    const bib = citationFile(published, 'bib');
    expect(bib.startsWith(`@misc{${seed.id},`)).toBe(true);
    expect(bib).toContain(`url = {${permalink}}`);
    expect(bib).not.toContain('\\');
  });

  test.each(['bib', 'ris'] as const)('writes %s that a reference manager reads back unchanged', (format) => {
    const [item] = parsed(citationFile(published, format));
    expect(item).toMatchObject({
      title: seed.title,
      URL: permalink,
      publisher: published.publisher,
    });
    expect((item?.['issued'] as { 'date-parts': number[][] })['date-parts'][0]?.[0]).toBe(2023);
  });

  test('writes RIS one tag per line, never cutting a long title or URL', () => {
    const long = { ...seed, permalink: `${permalink}${'x'.repeat(80)}/` };
    const ris = citationFile(long, 'ris');
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - GEN');
    expect(lines.at(-2)).toBe('ER  - ');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain(`TI  - ${seed.title}`);
    expect(lines).toContain(`UR  - ${long.permalink}`);
  });
});

describe('paragraph anchors', () => {
  test.each([
    [1, 'p1'],
    [2, 'p2'],
    [120, 'p120'],
  ])('paragraph %i is #%s', (n, id) => {
    expect(paragraphId(n)).toBe(id);
    expect(paragraphUrl(permalink, n)).toBe(`${permalink}#${id}`);
  });

  test('a paragraph URL replaces any anchor already in the address', () => {
    expect(paragraphUrl(`${permalink}#citer`, 3)).toBe(`${permalink}#p3`);
  });

  test.each([0, -1, 1.5, Number.NaN])('refuses %s as a paragraph number', (n) => {
    expect(() => paragraphId(n)).toThrow(/paragraphe/);
  });
});
