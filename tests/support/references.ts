/**
 * Reading a document's references back, to compare them field by field with the description
 * they were made from (`Citable`, `src/formats/citation.ts`). Each format is read twice: by a
 * strict reader written here from the format's rules (RIS line shape, BibTeX's brace counting,
 * JSON), and by citation-js, as a reference manager would read it. biber validates the BibTeX
 * against biblatex's data model.
 */
import { spawnSync } from 'node:child_process';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { expect } from 'vitest';
import type { Citable } from '#formats/citation.ts';

/**
 * A document as a reference describes it, in the description's terms (`Citable`), every field a
 * string: the form of the meeting and its participants are read as the files give them, in the
 * kind of document (`genre`: CSL `genre`, RIS `M3`, biblatex `type`, which says the form of a
 * call) and in the note on the meeting.
 */
export type Described = Omit<Citable, 'format' | 'participants'> & { genre: string; note: string };

export type Field = keyof Described;

/** What one reading of one file finds: a field it lacks is absent. */
export type View = { [F in Field]?: string | undefined };

/** Every field, in the order the files give them. */
const every: readonly Field[] = Object.keys({
  id: 1,
  title: 1,
  date: 1,
  dateEnd: 1,
  language: 1,
  publisher: 1,
  event: 1,
  place: 1,
  published: 1,
  modified: 1,
  via: 1,
  permalink: 1,
  archive: 1,
  accessed: 1,
  genre: 1,
  note: 1,
} satisfies Record<Field, 1>) as Field[];
const allBut = (...left: Field[]) => every.filter((field) => !left.includes(field));

/**
 * Which fields each reading finds. A field a format does not carry is left out (docs/data.md
 * says why), so that a reading losing a field it carries fails, and one finding a field it
 * should not have fails too.
 */
export const carried = {
  // No format has a field for the day the source changed its text, nor for the site the text
  // was copied from: the note says both.
  csl: allBut('modified', 'via'),
  'csl → citation-js': allBut('modified', 'via'),
  // The event has no field of its own in a biblatex @misc: it is in the note.
  bib: allBut('event', 'modified', 'via'),
  // citation-js also drops `addendum` when there is a note.
  'bib → citation-js': allBut('event', 'archive', 'modified', 'via'),
  // RIS has no field for the day of an original, nor for the last day of talks (the note says both).
  ris: allBut('published', 'dateEnd', 'modified', 'via'),
  'ris → citation-js': allBut('published', 'dateEnd', 'modified', 'via'),
  // Highwire's tags have nothing for the kind, the event, the place, the archive or a note.
  meta: ['title', 'date', 'language', 'publisher', 'published', 'permalink'],
} satisfies Record<string, readonly Field[]>;

export type Reading = keyof typeof carried;

/** A day from CSL date parts, `YYYY-MM-DD`: the first (`which` 0) or, in a range, the last (1). */
function fromParts(date: unknown, which: 0 | 1 = 0): string | undefined {
  if (date === undefined) return undefined;
  const all = (date as { 'date-parts': number[][] })['date-parts'];
  expect(all.length, 'a day, or a range of two days').toBeLessThanOrEqual(2);
  const parts = all[which];
  if (parts === undefined) return undefined;
  expect(parts, 'a date of year, month and day').toHaveLength(3);
  return parts.map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

/** A day written `YYYY/MM/DD/` (RIS) or `YYYY/MM/DD` (Highwire), as `YYYY-MM-DD`. */
function fromSlashes(date: string | undefined, trailingSlash: boolean): string | undefined {
  if (date === undefined) return undefined;
  const match = (trailingSlash ? /^(\d{4})\/(\d{2})\/(\d{2})\/$/ : /^(\d{4})\/(\d{2})\/(\d{2})$/).exec(date);
  expect(match, `a day written YYYY/MM/DD${trailingSlash ? '/' : ''}: ${date}`).not.toBeNull();
  return match!.slice(1).join('-');
}

/** The one item citation-js reads from a file, as CSL-JSON. */
export function citationJs(text: string): Record<string, unknown> {
  const items = new Cite(text).data as Record<string, unknown>[];
  expect(items, 'one item read').toHaveLength(1);
  return items[0]!;
}

/**
 * A strict RIS reader: UTF-8 text without a byte order mark, CR LF line ends only, `TY` first
 * and `ER  - ` last, every line `TAG  - value` with a two-character tag and a value that is
 * not empty. The values of each tag, in order.
 */
export function readRis(text: string): Map<string, string[]> {
  expect(text.startsWith('\ufeff'), 'no byte order mark').toBe(false);
  expect(text.endsWith('\r\n'), 'ends with CR LF').toBe(true);
  expect(text, 'every line ends with CR LF, and nothing else breaks a line').not.toMatch(
    /[^\r]\n|\r(?!\n)|[\u2028\u2029\u0085]/,
  );
  const lines = text.slice(0, -2).split('\r\n');
  expect(lines[0], 'the type comes first').toMatch(/^TY {2}- /);
  expect(lines.at(-1), 'ER ends the record').toBe('ER  - ');
  expect(
    lines.filter((line) => line.startsWith('ER ')),
    'one record',
  ).toHaveLength(1);
  const tags = new Map<string, string[]>();
  for (const line of lines.slice(0, -1)) {
    const match = /^([A-Z][A-Z0-9]) {2}- (\S.*)$/.exec(line);
    expect(match, `a line TAG  - value: ${JSON.stringify(line)}`).not.toBeNull();
    const [, tag, value] = match as unknown as [string, string, string];
    tags.set(tag, [...(tags.get(tag) ?? []), value]);
  }
  return tags;
}

/**
 * A strict reader of the BibTeX this archive writes: one `@misc` entry, one field a line,
 * each value in braces (where BibTeX counts every brace, escaped or not, so each must be
 * paired) or a month macro. The values as written.
 */
export function readBib(text: string): { type: string; key: string; fields: Map<string, string> } {
  const lines = text.split('\n');
  expect(lines.at(-1), 'ends with a line feed').toBe('');
  const head = /^@([a-z]+)\{([^\s,{}]+),$/.exec(lines[0]!);
  expect(head, `an entry's head: ${lines[0]}`).not.toBeNull();
  expect(lines.at(-2), 'the entry closes on its own line').toBe('}');
  const fields = new Map<string, string>();
  for (const line of lines.slice(1, -2)) {
    const match = /^ {2}([a-z]+) = (\{.*\}|[a-z]{3}),$/.exec(line);
    expect(match, `a line field = {value},: ${line}`).not.toBeNull();
    const [, name, value] = match as unknown as [string, string, string];
    if (value.startsWith('{')) {
      // The depth of each character inside the value's braces: never below 1 before the end.
      let depth = 0;
      const depths = [...value].map((ch) => (depth += ch === '{' ? 1 : ch === '}' ? -1 : 0));
      expect(Math.min(...depths.slice(0, -1)), `braces of ${name} closed only at the end: ${value}`).toBe(1);
      expect(depth, `braces of ${name} paired`).toBe(0);
    }
    expect(fields.has(name), `${name} once`).toBe(false);
    fields.set(name, value.startsWith('{') ? value.slice(1, -1) : value);
  }
  return { type: head![1]!, key: head![2]!, fields };
}

const latexCommands: Record<string, string> = {
  textbackslash: '\\',
  textbraceleft: '{',
  textbraceright: '}',
  textasciitilde: '~',
  textasciicircum: '^',
};

/** The text a BibTeX value prints: commands and escapes turned back into their characters, braces gone. */
export function bibPlain(value: string | undefined): string | undefined {
  return value?.replace(/\\([a-z]+)\{\}|\\([%#&$_])|[{}]/g, (whole, command?: string, escaped?: string) => {
    if (command !== undefined) {
      const ch = latexCommands[command];
      expect(ch, `a known command: ${whole}`).toBeDefined();
      return ch!;
    }
    return escaped ?? '';
  });
}

/** babel's names of the languages of the test archives, back to BCP 47 (a reader's own table). */
const bcp47: Record<string, string> = {
  french: 'fr',
  english: 'en',
  american: 'en-US',
  british: 'en-GB',
  russian: 'ru',
  chinese: 'zh',
  italian: 'it',
  kazakh: 'kk',
  belarusian: 'be',
  ngerman: 'de',
  spanish: 'es',
};

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The fields of a reading, without those it does not have. */
function defined(view: View): View {
  return Object.fromEntries(Object.entries(view).filter(([, value]) => value !== undefined));
}

/** The text of a CSL variable, when it is one. */
const str = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));

function fromCsl(item: Record<string, unknown>): View {
  return {
    id: str(item['id']),
    title: str(item['title']),
    date: fromParts(item['issued']),
    dateEnd: fromParts(item['issued'], 1),
    language: str(item['language']),
    publisher: str(item['publisher']),
    event: str(item['event-title']),
    place: str(item['event-place']),
    published: fromParts(item['original-date']),
    permalink: str(item['URL']),
    archive: str(item['archive']),
    accessed: fromParts(item['accessed']),
    genre: str(item['genre']),
    note: str(item['note']),
  };
}

/** The files of one document's reference, and the `citation_*` meta tags of its page. */
export interface ReferenceFiles {
  json: string;
  bib: string;
  ris: string;
  meta: Record<string, string>;
}

/** Every reading of every file, each in the description's terms. */
export function readings(files: ReferenceFiles): Record<Reading, View> {
  const [csl] = JSON.parse(files.json) as Record<string, unknown>[];
  const cslRead = citationJs(files.json);

  const bib = readBib(files.bib);
  const field = (name: string) => bib.fields.get(name);
  const year = field('year');
  const month = field('month');
  // A day, or the first and last days of talks: `2024-05-20/2024-05-21`.
  const [date, dateEnd, ...more] = field('date')?.split('/') ?? [];
  expect(more, 'a day or a range of two days').toEqual([]);
  expect(year, 'year as the date says').toBe(date?.slice(0, 4));
  expect(month && String(months.indexOf(month) + 1).padStart(2, '0'), 'month as the date says').toBe(date?.slice(5, 7));
  // babel's name of the language when it has one, as langid and language; otherwise the tag, in language.
  const langid = field('langid');
  if (langid !== undefined) {
    expect(bcp47[langid], `langid ${langid}: a babel language`).toBeDefined();
    expect(field('language'), 'language as langid').toBe(langid);
  }
  const bibLanguage = langid === undefined ? field('language') : bcp47[langid];
  expect(bibPlain(field('key')), 'key: the title, for sorting').toBe(bibPlain(field('title')));
  const bibRead = citationJs(files.bib);

  const ris = readRis(files.ris);
  for (const [tag, values] of ris) expect(values, `${tag} once`).toHaveLength(1);
  const tag = (name: string) => ris.get(name)?.[0];
  expect(tag('PY'), 'PY: the year of DA').toBe(tag('DA')?.slice(0, 4));
  const risRead = citationJs(files.ris);

  return {
    csl: defined(fromCsl(csl!)),
    'csl → citation-js': defined(fromCsl(cslRead)),
    bib: defined({
      id: bib.key,
      title: bibPlain(field('title')),
      date,
      dateEnd,
      language: bibLanguage,
      publisher: bibPlain(field('organization')),
      place: bibPlain(field('location')),
      published: field('origdate'),
      permalink: field('url'),
      archive: bibPlain(field('addendum')),
      accessed: field('urldate'),
      genre: bibPlain(field('type')),
      note: bibPlain(field('note')),
    }),
    // citation-js keeps biblatex's language name (`french`); `location` becomes the publisher's place.
    'bib → citation-js': defined({
      ...fromCsl(bibRead),
      language: bcp47[str(bibRead['language'])!] ?? str(bibRead['language']),
      dateEnd: fromParts(bibRead['issued'], 1),
      place: str(bibRead['publisher-place']),
    }),
    ris: defined({
      id: tag('ID'),
      title: tag('TI'),
      date: fromSlashes(tag('DA'), true),
      language: tag('LA'),
      publisher: tag('PB'),
      event: tag('T2'),
      place: tag('CY'),
      permalink: tag('UR'),
      archive: tag('DB'),
      accessed: fromSlashes(tag('Y2'), true),
      genre: tag('M3'),
      note: tag('N1'),
    }),
    // citation-js reads a report's T2 as its collection, CY as the publisher's place, DB as its source.
    'ris → citation-js': defined({
      ...fromCsl(risRead),
      event: str(risRead['collection-title']),
      place: str(risRead['publisher-place']),
      archive: str(risRead['source']),
    }),
    meta: defined({
      title: files.meta['citation_title'],
      date: fromSlashes(files.meta['citation_date'], false),
      language: files.meta['citation_language'],
      publisher: files.meta['citation_publisher'],
      published: fromSlashes(files.meta['citation_publication_date'], false),
      permalink: files.meta['citation_public_url'],
    }),
  };
}

/** The type each file gives the document, and what citation-js makes of it. */
export const expectedTypes = {
  csl: 'report',
  bib: 'misc',
  'bib → citation-js': 'document',
  ris: 'RPRT',
  'ris → citation-js': 'report',
};

export function types(files: Omit<ReferenceFiles, 'meta'>): Record<string, unknown> {
  return {
    csl: (JSON.parse(files.json) as Record<string, unknown>[])[0]!['type'],
    bib: readBib(files.bib).type,
    'bib → citation-js': citationJs(files.bib)['type'],
    ris: readRis(files.ris).get('TY')?.[0],
    'ris → citation-js': citationJs(files.ris)['type'],
  };
}

/**
 * What every reading should find: the description, less the fields each format does not carry.
 * citation-js reads BibTeX's text as TeX would: a run of spaces, no-break ones included, is
 * one space.
 */
export function expectedReadings(described: Described): Record<Reading, View> {
  const asTeX = (value: string | undefined) => value?.replace(/\s+/g, ' ');
  return Object.fromEntries(
    Object.entries(carried).map(([reading, fields]) => [
      reading,
      defined(
        Object.fromEntries(
          fields.map((f: Field) => [f, reading === 'bib → citation-js' ? asTeX(described[f]) : described[f]]),
        ),
      ),
    ]),
  ) as Record<Reading, View>;
}

/**
 * biber's validation of a `.bib` against biblatex's default data model, writing nothing. biber
 * exits with 0 even when it warns (an unknown field, a month that is not a number), so a clean
 * file is one with status 0 and no `WARN` or `ERROR` line; `-q` would hide the warnings.
 */
export function biberProblems(file: string): string[] {
  const run = spawnSync(
    'biber',
    ['--nolog', '--output-file', '/dev/null', '--tool', '--validate-datamodel', '--dieondatamodel', file],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (run.error)
    throw new Error(`biber did not run (bash scripts/ensure-system-tools.sh installs it): ${run.error.message}`);
  const output = `${run.stdout}${run.stderr}`;
  const problems = output.split('\n').filter((line) => /^(WARN|ERROR) - /.test(line));
  if (run.status !== 0 && problems.length === 0) problems.push(`biber exited with ${run.status}:\n${output}`);
  return problems;
}
