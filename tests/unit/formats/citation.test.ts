import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  bibText,
  bibTitle,
  citationFile,
  citationGenre,
  citationMeta,
  citationNote,
  cslItem,
  formatCitation,
  oneLine,
  risTags,
  type Citable,
} from '#formats/citation.ts';
import { paragraphId, paragraphUrl } from '#archive/paragraphs.ts';
import {
  biberProblems,
  bibPlain,
  citationJs,
  expectedReadings,
  expectedTypes,
  readBib,
  readings,
  readRis,
  types,
  type Described,
  type ReferenceFiles,
} from '../../support/references.ts';

const permalink = 'https://archive.example.org/archive/comptes-rendus/2024-05-20-wang-yi-sergei-aleinik/';

/** The seed's description: long title (over 70 characters), accents, no known source. */
const seed: Citable = {
  id: '2024-05-20-wang-yi-sergei-aleinik',
  title: 'Wang Yi rencontre Sergueï Aleïnik, ministre biélorusse des Affaires étrangères, à Astana',
  date: '2024-05-20',
  language: 'fr',
  event: 'Réunion du Conseil des ministres des Affaires étrangères de l’Organisation de coopération de Shanghai (OCS)',
  format: 'in-person',
  place: 'Astana',
  participants: ['Wang Yi', 'Sergueï Aleïnik'],
  permalink,
  archive: 'Archive des comptes rendus diplomatiques',
};
const published: Citable = { ...seed, date: '2023-01-01', publisher: 'Ministère des Affaires étrangères' };
/** Every optional field present. */
const sourced: Citable = {
  ...seed,
  publisher: 'Ministère des Affaires étrangères de la République populaire de Chine',
  published: '2024-05-21',
  accessed: '2024-06-03',
};
/** A call: no place, no event, one participant, a new year's day. */
const call: Citable = {
  ...seed,
  id: '2025-01-01-entretien-telephonique',
  title: 'Entretien téléphonique de Wang Yi',
  date: '2025-01-01',
  event: undefined,
  format: 'phone',
  place: undefined,
  participants: ['Wang Yi'],
};
/** Every character that one format or another treats as special, and line breaks of every kind. */
const hostile: Citable = {
  ...seed,
  id: '2024-02-29-x',
  date: '2024-02-29',
  title: 'A}, note = {injecté}, x = {\\input{/etc/passwd} 100 % #1 & $x$ a_b ~ ^ {B}\r\nER  - \nTY  - GEN\u2028fin',
  event: 'Sommet « G20 »\n2024',
  publisher: 'Éditions & Cie_100 %\u0085{}',
  place: 'Saint-Pétersbourg\t(Russie)',
  participants: ['Émile Zola', 'Jean-Pierre O’Neil'],
  archive: 'Archive\\relax',
};

/**
 * The description as every reading should give it back (`tests/support/references.ts`). Each
 * field of `Citable` is named here: one added to it does not compile until the readings know
 * where each format carries it.
 */
function described(c: Citable, fold: (text: string) => string = (text) => text): Described {
  const { id, title, date, dateEnd, language, publisher, event, format, place, participants, published, ...more } = c;
  const { modified, via, permalink, archive, accessed, ...rest } = more;
  rest satisfies Record<string, never>;
  return {
    id,
    title: fold(title),
    date,
    dateEnd,
    language,
    publisher: publisher && fold(publisher),
    event: event && fold(event),
    place: place && fold(place),
    published,
    modified,
    via: via && fold(via),
    permalink,
    archive: fold(archive),
    accessed,
    // The form of a call is in the kind of document; the participants are in the note only.
    genre: citationGenre(format),
    note: fold(citationNote({ participants, event, place, date, dateEnd, published, modified, via })),
  };
}

const filesOf = (c: Citable): ReferenceFiles => ({
  json: citationFile(c, 'json'),
  bib: citationFile(c, 'bib'),
  ris: citationFile(c, 'ris'),
  meta: Object.fromEntries(citationMeta(c).map((m) => [m.name, m.content])),
});

const dir = mkdtempSync(join(tmpdir(), 'citation-'));
/** biber's complaints about `c`'s BibTeX file. */
const biber = (c: Citable) => {
  const file = join(dir, `${c.id}.bib`);
  writeFileSync(file, citationFile(c, 'bib'));
  return biberProblems(file);
};

describe('formatCitation', () => {
  test.each([
    [
      seed,
      `«\u00a0${seed.title}\u00a0», 20 mai 2024, Archive des comptes rendus diplomatiques, ${permalink} (consulté le …). Source d’origine non précisée.`,
      "an unknown source: the archive's copy is cited from its title, the source said to be unknown, never made the author",
    ],
    [
      published,
      `Ministère des Affaires étrangères, «\u00a0${seed.title}\u00a0», 1er janvier 2023, Archive des comptes rendus diplomatiques, ${permalink} (consulté le …).`,
      'a known publisher comes first; the first of the month is « 1er »',
    ],
    [
      { ...call, published: '2025-01-02' },
      `«\u00a0${call.title}\u00a0», entretien téléphonique du 1er janvier 2025, publié le 2 janvier 2025, Archive des comptes rendus diplomatiques, ${permalink} (consulté le …). Source d’origine non précisée.`,
      'a call says so, and the day of the original follows when the source shows it',
    ],
  ])('cites %#: %s (%s)', (citable, expected) => {
    expect(formatCitation(citable)).toBe(expected);
  });
});

describe('citationNote: the meeting in one line', () => {
  test.each([
    [
      seed,
      'Participants\u00a0: Wang Yi et Sergueï Aleïnik. Occasion\u00a0: Réunion du Conseil des ministres des Affaires étrangères de l’Organisation de coopération de Shanghai (OCS). Lieu\u00a0: Astana.',
      'participants, occasion, place',
    ],
    [call, 'Participant\u00a0: Wang Yi.', 'one participant, no occasion, no place (a call)'],
    [
      sourced,
      'Participants\u00a0: Wang Yi et Sergueï Aleïnik. Occasion\u00a0: Réunion du Conseil des ministres des Affaires étrangères de l’Organisation de coopération de Shanghai (OCS). Lieu\u00a0: Astana. Original publié le 21 mai 2024.',
      'the day the original was published, when the source shows it',
    ],
    [
      { ...seed, participants: ['A', 'B', 'C'], event: 'Sommet à Astana, etc.' },
      'Participants\u00a0: A, B et C. Occasion\u00a0: Sommet à Astana, etc. Lieu\u00a0: Astana.',
      'a list in French; no second full stop',
    ],
  ])('%#: %s (%s)', (citable, note) => {
    expect(citationNote(citable)).toBe(note);
  });
});

describe('the seed’s files', () => {
  test('BibTeX: a biblatex @misc with date, year and month, the place, the meeting in the note, whole words braced', () => {
    expect(citationFile(seed, 'bib')).toBe(
      [
        '@misc{2024-05-20-wang-yi-sergei-aleinik,',
        '  title = {{Wang} {Yi} rencontre {Sergueï} {Aleïnik}, ministre biélorusse des {Affaires} étrangères, à {Astana}},',
        '  key = {Wang Yi rencontre Sergueï Aleïnik, ministre biélorusse des Affaires étrangères, à Astana},',
        '  type = {Compte rendu d’entretien},',
        '  date = {2024-05-20},',
        '  year = {2024},',
        '  month = may,',
        '  location = {Astana},',
        `  note = {${citationNote(seed)}},`,
        '  addendum = {Archive des comptes rendus diplomatiques},',
        '  langid = {french},',
        '  language = {french},',
        `  url = {${permalink}},`,
        '}',
        '',
      ].join('\n'),
    );
  });

  test('RIS: a report, its full id, DA as YYYY/MM/DD/, the place, the event, no publisher, CR LF', () => {
    expect(citationFile(seed, 'ris')).toBe(
      [
        'TY  - RPRT',
        'ID  - 2024-05-20-wang-yi-sergei-aleinik',
        `TI  - ${seed.title}`,
        'M3  - Compte rendu d’entretien',
        'DA  - 2024/05/20/',
        'PY  - 2024',
        'CY  - Astana',
        `T2  - ${seed.event}`,
        'LA  - fr',
        `UR  - ${permalink}`,
        'DB  - Archive des comptes rendus diplomatiques',
        `N1  - ${citationNote(seed)}`,
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  test('CSL-JSON: an array holding one report, indented by two spaces', () => {
    const json = citationFile(seed, 'json');
    expect(json).toBe(`${JSON.stringify([cslItem(seed)], null, 2)}\n`);
    expect(Object.keys(JSON.parse(json)[0])).toEqual([
      'id',
      'citation-key',
      'type',
      'genre',
      'title',
      'issued',
      'language',
      'event-title',
      'event-place',
      'archive',
      'URL',
      'note',
    ]);
  });
});

describe.each([
  ['the seed', seed],
  ['a document with its source and a day of consultation', sourced],
  ['a call with one participant and no occasion', call],
])('%s: every format says the same, field by field', (_, citable) => {
  const files = filesOf(citable);
  const expected = expectedReadings(described(citable));

  test.each(Object.keys(expected) as (keyof typeof expected)[])('%s', (reading) => {
    expect(readings(files)[reading]).toEqual(expected[reading]);
  });

  test('each file gives the type it should', () => {
    expect(types(files)).toEqual(expectedTypes);
  });

  test('biber validates the BibTeX against biblatex’s data model, without a warning', () => {
    expect(biber(citable)).toEqual([]);
  });
});

describe('BibTeX escapes what LaTeX and BibTeX treat as special', () => {
  test.each([
    ['{', '\\textbraceleft{}'],
    ['}', '\\textbraceright{}'],
    ['\\', '\\textbackslash{}'],
    ['%', '\\%'],
    ['#', '\\#'],
    ['&', '\\&'],
    ['$', '\\$'],
    ['_', '\\_'],
    ['~', '\\textasciitilde{}'],
    ['^', '\\textasciicircum{}'],
    ['a\r\nb\u2028c\u0085d\te', 'a b c d e'],
    ['\\{}', '\\textbackslash{}\\textbraceleft{}\\textbraceright{}'],
  ])('%j → %j', (text, escaped) => {
    expect(bibText(text)).toBe(escaped);
  });

  test('a title cannot close its field and open another, nor run a command', () => {
    const { fields } = readBib(citationFile(hostile, 'bib'));
    expect([...fields.keys()]).toEqual([
      'title',
      'key',
      'type',
      'date',
      'year',
      'month',
      'organization',
      'location',
      'note',
      'addendum',
      'langid',
      'language',
      'url',
    ]);
    expect(citationFile(hostile, 'bib')).not.toMatch(/\\input|\\relax/);
    expect(bibPlain(fields.get('title'))).toBe(oneLine(hostile.title));
    expect(citationJs(citationFile(hostile, 'bib'))['title']).toBe(oneLine(hostile.title).replace(/\s+/g, ' '));
  });

  test('biber reads the hostile entry without a warning', () => {
    expect(biber(hostile)).toEqual([]);
  });

  test('every reading of the hostile description finds what it holds, line breaks folded', () => {
    const expected = expectedReadings(described(hostile, oneLine));
    const read = readings(filesOf(hostile));
    // The files the browser and JSON carry need no folding: JSON escapes, and HTML attributes hold line breaks.
    const exact = expectedReadings(described(hostile));
    expect(read.csl).toEqual(exact.csl);
    expect(read.meta).toEqual(exact.meta);
    expect(read.bib).toEqual(expected.bib);
    expect(read['bib → citation-js']).toEqual(expected['bib → citation-js']);
    expect(read.ris).toEqual(expected.ris);
  });

  test.each([
    'Wang Yi rencontre Sergueï Aleïnik à l’OCS',
    'Jean-Pierre et les BRICS au G20',
    'Ōno, Đặng, Ñuñoa : l’Élysée reçoit XIIe',
    'AT&T_Mc}Donald {Ltd} ~Né',
  ])('braces in the title of %j wrap whole words only', (title) => {
    const braced = bibTitle(title);
    // groups that are not a command's empty argument: `\textbraceleft{}` is no word's braces.
    const groups = [...braced.matchAll(/(?<!\\[a-z]+)\{([^{}]*)\}/g)];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const around = (braced[group.index - 1] ?? ' ') + (braced[group.index + group[0].length] ?? ' ');
      expect(around, `${group[0]} in ${braced}`).not.toMatch(/[\p{L}\p{M}\p{N}]/u);
      expect(group[1]).toMatch(/\p{Lu}/u);
    }
    expect(bibPlain(braced)).toBe(title);
  });

  test('the key is the document’s id, and an id that could break the entry is refused', () => {
    expect(readBib(citationFile(seed, 'bib')).key).toBe(seed.id);
    expect(() => citationFile({ ...seed, id: 'a,b' }, 'bib')).toThrow(/Clé BibTeX invalide/);
    expect(() => citationFile({ ...seed, id: 'a}b' }, 'bib')).toThrow(/Clé BibTeX invalide/);
  });
});

describe('RIS keeps every value on its line', () => {
  test.each([
    ['\n', 'a line feed'],
    ['\r\n', 'CR LF'],
    ['\r', 'a carriage return'],
    ['\u2028', 'a line separator'],
    ['\u2029', 'a paragraph separator'],
    ['\u0085', 'a next line'],
    ['\u000b', 'a vertical tab'],
    ['\f', 'a form feed'],
  ])('%j (%s) becomes a space: no tag can be injected', (ch) => {
    const citable = { ...seed, title: `Titre${ch}ER  - ${ch}TY  - GEN`, event: `Sommet${ch}${ch}2024` };
    const ris = readRis(citationFile(citable, 'ris'));
    expect(ris.get('TI')).toEqual(['Titre ER  - TY  - GEN']);
    expect(ris.get('T2')).toEqual(['Sommet 2024']);
    expect(ris.get('TY')).toEqual(['RPRT']);
  });

  test('the hostile description gives one record whose tags are the expected ones', () => {
    expect(risTags(hostile).map(([tag]) => tag)).toEqual([
      'TY',
      'ID',
      'TI',
      'M3',
      'DA',
      'PY',
      'CY',
      'T2',
      'PB',
      'LA',
      'UR',
      'DB',
      'N1',
      'ER',
    ]);
    expect([...readRis(citationFile(hostile, 'ris')).keys()]).toEqual(
      risTags(hostile)
        .map(([tag]) => tag)
        .slice(0, -1),
    );
  });

  test('the id is whole, however long; the days are padded; PB and Y2 only when known', () => {
    const long = { ...sourced, id: `${seed.id}-et-la-suite-de-l-entretien` };
    const ris = readRis(citationFile(long, 'ris'));
    expect(ris.get('ID')).toEqual([long.id]);
    expect(ris.get('DA')).toEqual(['2024/05/20/']);
    expect(ris.get('PB')).toEqual([sourced.publisher]);
    expect(ris.get('Y2')).toEqual(['2024/06/03/']);
    const unknown = readRis(citationFile(call, 'ris'));
    expect(unknown.get('DA')).toEqual(['2025/01/01/']);
    expect(unknown.has('PB')).toBe(false);
    expect(unknown.has('Y2')).toBe(false);
    expect(unknown.has('T2')).toBe(false);
  });

  test('writes RIS one tag per line, never cutting a long title or URL', () => {
    const long = { ...seed, permalink: `${permalink}${'x'.repeat(80)}/` };
    const lines = citationFile(long, 'ris').split('\r\n');
    expect(lines).toContain(`TI  - ${seed.title}`);
    expect(lines).toContain(`UR  - ${long.permalink}`);
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

  test('names the publisher only when the source is known, and then as a report’s institution too', () => {
    expect(tags(seed)).not.toHaveProperty('citation_publisher');
    expect(tags(seed)).not.toHaveProperty('citation_technical_report_institution');
    expect(tags(published)).toMatchObject({
      citation_publisher: 'Ministère des Affaires étrangères',
      citation_technical_report_institution: 'Ministère des Affaires étrangères',
    });
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

  test('refuses a day that does not exist rather than shifting it', () => {
    expect(() => citationFile({ ...seed, date: '2024-02-30' }, 'json')).toThrow(/Date invalide/);
    expect(() => citationFile({ ...seed, date: '2023-02-29' }, 'bib')).toThrow(/Date invalide/);
    expect(() => citationFile({ ...seed, accessed: '2024-13-01' }, 'ris')).toThrow(/Date invalide/);
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
