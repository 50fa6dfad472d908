/**
 * How to cite a document. One description of it, `Citable`, gives everything: the French
 * reference to copy, the CSL-JSON, BibTeX (biblatex) and RIS files published next to its page,
 * and the `citation_*` meta tags that Zotero's browser connector reads. `docs/data.md` says
 * which field goes where, and what Zotero, BibLaTeX and EndNote take from each file.
 *
 * The files are written here rather than by a library: each is a handful of fields, and
 * citation-js (which wrote them before) broke words with braces at non-ASCII letters, escaped
 * nothing that LaTeX treats as special, wrote `month = {may 20}`, cut the RIS id at 20
 * characters and dropped the event, the place and the archive from RIS. The tests read every
 * file back with citation-js and validate the BibTeX with biber.
 *
 * To add a field: add it to `Citable` and to `citable()`, then a row to each writer below.
 * The agreement test (`tests/unit/formats/citation.test.ts`) lists every field of `Citable`
 * and does not compile until it says how each format carries the new one.
 */
import { t } from '#i18n/index.ts';
import { recordsOf, type Archive, type Readout } from '#archive/archive.ts';
import { calendarParts as day, type CalendarParts } from '#content/dates.ts';
import { isId } from '#content/ids.ts';
import { formatDate, formatSpan } from '#i18n/dates.ts';
import { primaryLanguage } from '#content/languages.ts';
import { formatInline, isCall, type ReadoutFormat } from '#archive/formats.ts';
import type { CitationFormat } from '#archive/urls.ts';

/** What a reference says about a document: facts only; each format derives the rest. */
export interface Citable {
  id: string;
  title: string;
  /** The calendar day of the meeting, `YYYY-MM-DD`: its first day, for talks over several days. */
  date: string;
  /** The last day of talks held over several days, `YYYY-MM-DD`. */
  dateEnd?: string | undefined;
  /** BCP 47 language of the text. */
  language: string;
  /** Who published the original; absent when the source is not known (never made up). */
  publisher?: string | undefined;
  event?: string | undefined;
  /** How the meeting was held: in person, on the telephone, by video link. */
  format: ReadoutFormat;
  /** The name of the place of the meeting; a call has none. */
  place?: string | undefined;
  /** The names of the people who took part, in the document's order. */
  participants: string[];
  /** The day the original was published, `YYYY-MM-DD`, when the source shows it. */
  published?: string | undefined;
  /** The day the source says it last changed its text, `YYYY-MM-DD`. */
  modified?: string | undefined;
  /** Who republished the text the archive copied, when not its publisher. */
  via?: string | undefined;
  /** The document's permanent URL. */
  permalink: string;
  /** The name of the archive that holds the copy. */
  archive: string;
  /**
   * The day someone consulted `permalink`, `YYYY-MM-DD`, when it is known. The site never
   * knows it (each reader consults the page on a day of their own), so `citable()` leaves it
   * out; `source.retrieved` is not it: that is the day the archive copied the original, at
   * another address.
   */
  accessed?: string | undefined;
}

/** The description of a readout that its references are made from. */
export function citable(readout: Readout, archive: Archive, permalink: string): Citable {
  const { data } = readout;
  const records = recordsOf(readout, archive);
  return {
    id: readout.id,
    title: data.title,
    date: data.date,
    dateEnd: data.dateEnd,
    language: data.language,
    publisher: data.source?.publisher,
    event: data.event,
    format: data.format,
    place: records.place?.data.name,
    participants: records.participants.map((p) => p.person.data.name),
    published: data.source?.published,
    modified: data.source?.modified,
    via: data.source?.via?.name,
    permalink,
    archive: t('site.name'),
  };
}

/**
 * The French reference to copy: publisher, « title », date (a call says so: « entretien
 * téléphonique du … »), the original's day of publication when the source shows it, archive,
 * permanent URL, and the day of consultation left for the reader. When the source is not known,
 * the reference is to the archive's copy: it starts with the title, as a reference to a work
 * without an author does, and ends by saying that the original source is not known, so that
 * nothing stands where an author or publisher would.
 */
export function formatCitation(c: Citable): string {
  const date = formatSpan(c.date, c.dateEnd);
  const fields = {
    title: c.title,
    date: isCall(c.format) ? t('citation.callDate', { format: formatInline(c.format), date }) : date,
    published: c.published === undefined ? '' : t('citation.published', { date: formatDate(c.published) }),
    archive: c.archive,
    url: c.permalink,
  };
  return c.publisher === undefined
    ? t('citation.textNoSource', fields)
    : t('citation.text', { ...fields, publisher: c.publisher });
}

/** The kind of document, in words: CSL `genre`, RIS `M3`, biblatex `type`. */
export const citationGenre = (format: ReadoutFormat): string => t(`citation.genre.${format}`);

/**
 * One line on the meeting: who took part, on what occasion, where. It is the file's note (CSL
 * `note`, RIS `N1`, biblatex `note`), and in BibTeX the only home of the event (see `bibtex`).
 */
export function citationNote(
  c: Pick<Citable, 'participants' | 'event' | 'place' | 'date' | 'dateEnd' | 'published' | 'modified' | 'via'>,
): string {
  const names = new Intl.ListFormat('fr', { type: 'conjunction' }).format(c.participants);
  const parts = [
    t(c.participants.length === 1 ? 'citation.note.participants.one' : 'citation.note.participants.other', { names }),
    ...(c.dateEnd === undefined ? [] : [t('citation.note.span', { span: formatSpan(c.date, c.dateEnd) })]),
    ...(c.event === undefined ? [] : [t('citation.note.event', { event: c.event })]),
    ...(c.place === undefined ? [] : [t('citation.note.place', { place: c.place })]),
    ...(c.published === undefined ? [] : [t('citation.note.published', { date: formatDate(c.published) })]),
    ...(c.modified === undefined ? [] : [t('citation.note.modified', { date: formatDate(c.modified) })]),
    ...(c.via === undefined ? [] : [t('citation.note.via', { name: c.via })]),
  ];
  // Each part is a sentence; one that already ends with a full stop gets no second one.
  return parts.map((part) => (/[.!?…]$/.test(part) ? part : `${part}.`)).join(' ');
}

/**
 * babel's name of a language, which biblatex reads in `langid` (hyphenation, and its own words
 * such as « et » or "and"), by BCP 47 tag: the whole tag first (`en-US`), then its language.
 * A language babel does not name gets no `langid`: its tag alone, in `language`.
 */
const babelLanguages: Record<string, string> = {
  ar: 'arabic',
  be: 'belarusian',
  bg: 'bulgarian',
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  de: 'ngerman',
  el: 'greek',
  en: 'english',
  'en-GB': 'british',
  'en-US': 'american',
  es: 'spanish',
  et: 'estonian',
  fa: 'persian',
  fi: 'finnish',
  fr: 'french',
  he: 'hebrew',
  hr: 'croatian',
  hu: 'magyar',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  ja: 'japanese',
  ka: 'georgian',
  kk: 'kazakh',
  ko: 'korean',
  lt: 'lithuanian',
  lv: 'latvian',
  mk: 'macedonian',
  mn: 'mongolian',
  nb: 'norsk',
  nl: 'dutch',
  nn: 'nynorsk',
  pl: 'polish',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sk: 'slovak',
  sl: 'slovenian',
  sq: 'albanian',
  sr: 'serbian',
  sv: 'swedish',
  th: 'thai',
  tr: 'turkish',
  uk: 'ukrainian',
  uz: 'uzbek',
  vi: 'vietnamese',
  zh: 'chinese',
};

/** babel's name of a language, for biblatex's `langid`; `undefined` when babel has none. */
export function babelLanguage(tag: string): string | undefined {
  return babelLanguages[tag] ?? babelLanguages[primaryLanguage(tag)];
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: CalendarParts) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
/** `2024/05/20/`: the RIS form of a day (year, month, day, and an empty part for other information). */
const risDay = (d: CalendarParts) => `${d.year}/${pad(d.month)}/${pad(d.day)}/`;
type DateParts = [number, number, number];
const dateParts = (d: CalendarParts) => ({ 'date-parts': [[d.year, d.month, d.day]] as [DateParts] });
/** A day, or a range of days (CSL's two lists of date parts). */
const spanParts = (start: CalendarParts, end: CalendarParts | undefined) =>
  end === undefined
    ? dateParts(start)
    : {
        'date-parts': [
          [start.year, start.month, start.day],
          [end.year, end.month, end.day],
        ] as [DateParts, DateParts],
      };

/** Rows of a format: a field and its value, `undefined` when the document has none. */
type Rows = [field: string, value: string | undefined][];
const present = (rows: Rows): [string, string][] =>
  rows.flatMap(([field, value]) => (value === undefined ? [] : [[field, value]]));

/**
 * A line break or another control character, with the spaces around it. No field of a reference
 * should hold one, but whatever the content's validation lets through, the BibTeX and RIS writers
 * fold each run to a single space: in RIS a line break ends the value (and the next line could
 * pass for a tag), in BibTeX a blank line starts a paragraph.
 */
const BREAK = /[\s\p{Cc}\u2028\u2029]*[\p{Cc}\u2028\u2029][\s\p{Cc}\u2028\u2029]*/gu;
export const oneLine = (text: string): string => text.replace(BREAK, ' ');

// ------------------------------------------------------------------------------- CSL-JSON

/** A CSL-JSON item, the shape reference managers exchange. */
export interface CslItem {
  id: string;
  'citation-key': string;
  /** « report »: a government's account of a meeting, with a genre that says which kind. */
  type: 'report';
  genre: string;
  title: string;
  /** The day of the meeting, or its first and last days. */
  issued: { 'date-parts': [DateParts] | [DateParts, DateParts] };
  language: string;
  publisher?: string;
  'event-title'?: string;
  'event-place'?: string;
  /** The day the original was published, where the archive's copy comes from. */
  'original-date'?: { 'date-parts': [[number, number, number]] };
  archive: string;
  URL: string;
  accessed?: { 'date-parts': [[number, number, number]] };
  note: string;
}

/** The CSL-JSON item of a document. A calendar day becomes date parts, never an instant. */
export function cslItem(c: Citable): CslItem {
  return {
    id: c.id,
    'citation-key': c.id,
    type: 'report',
    genre: citationGenre(c.format),
    title: c.title,
    issued: spanParts(day(c.date), c.dateEnd === undefined ? undefined : day(c.dateEnd)),
    language: c.language,
    ...(c.publisher !== undefined && { publisher: c.publisher }),
    ...(c.event !== undefined && { 'event-title': c.event }),
    ...(c.place !== undefined && { 'event-place': c.place }),
    ...(c.published !== undefined && { 'original-date': dateParts(day(c.published)) }),
    archive: c.archive,
    URL: c.permalink,
    ...(c.accessed !== undefined && { accessed: dateParts(day(c.accessed)) }),
    note: citationNote(c),
  };
}

// ------------------------------------------------------------------------------- BibTeX

/**
 * LaTeX's special characters, each written as a command that prints it. BibTeX and biber count
 * braces whether or not a backslash precedes them, so `\{` and `\}` would still open or close
 * the value: a `}` in a title could then end the field and start another. The commands below
 * keep every brace paired.
 */
const latexSpecials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  $: '\\$',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** A text for a braced BibTeX value, on one line, LaTeX's specials escaped in a single pass. */
export const bibText = (text: string): string => oneLine(text).replace(/[\\{}%#&$_~^]/g, (ch) => latexSpecials[ch]!);

/**
 * A word: letters, marks and digits (any script), hyphenated parts included, not the name of a
 * command (`\textbackslash`). `\b` would not do: it knows only ASCII letters, and cut
 * « Sergueï » after « Sergue ».
 */
const WORD = /(?<![\\\p{L}\p{M}\p{N}])[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * A title for BibTeX: escaped, and each whole word holding a capital in braces (`{Sergueï}`,
 * `{OCS}`, `{Jean-Pierre}`), so that styles which change the case of titles keep names as
 * they are.
 */
export const bibTitle = (title: string): string =>
  bibText(title).replace(WORD, (word) => (/\p{Lu}/u.test(word) ? `{${word}}` : word));

/** A URL for `url = {…}`, a verbatim field: braces, backslashes and spaces percent-encoded. */
const bibUrl = (url: string) => url.replace(/[{}\\\s\p{Cc}]/gu, (ch) => encodeURIComponent(ch));

const bibMonths = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The biblatex entry, `@misc`: of the entry types that fit, the only one biber's data model
 * accepts without an author (`@report` requires author, type and institution; `@unpublished`,
 * the one other type with `eventtitle` and `venue`, requires an author; the proceedings types are
 * books). `@misc` has no `eventtitle` nor `venue`: the event is in `note`, the place in
 * `location`. Classic BibTeX reads it too: `year`, `month` as its macro (biber reads it as the
 * month's number), and `key` to sort an entry that has no author.
 */
function bibtex(c: Citable): string {
  if (!isId(c.id)) throw new Error(`Clé BibTeX invalide : « ${c.id} »`);
  const date = day(c.date);
  const braced = (text: string | undefined) => (text === undefined ? undefined : `{${text}}`);
  const babel = babelLanguage(c.language);
  const rows: Rows = [
    ['title', braced(bibTitle(c.title))],
    ['key', braced(bibText(c.title))],
    ['type', braced(bibText(citationGenre(c.format)))],
    ['date', braced(c.dateEnd === undefined ? isoDay(date) : `${isoDay(date)}/${isoDay(day(c.dateEnd))}`)],
    ['year', braced(String(date.year))],
    ['month', bibMonths[date.month - 1]],
    ['organization', braced(c.publisher === undefined ? undefined : bibText(c.publisher))],
    ['location', braced(c.place === undefined ? undefined : bibText(c.place))],
    ['origdate', braced(c.published === undefined ? undefined : isoDay(day(c.published)))],
    ['note', braced(bibText(citationNote(c)))],
    ['addendum', braced(bibText(c.archive))],
    ['langid', braced(babel)],
    ['language', braced(babel ?? bibText(c.language))],
    ['url', braced(bibUrl(c.permalink))],
    ['urldate', braced(c.accessed === undefined ? undefined : isoDay(day(c.accessed)))],
  ];
  return `@misc{${c.id},\n${present(rows)
    .map(([field, value]) => `  ${field} = ${value},\n`)
    .join('')}}\n`;
}

// ------------------------------------------------------------------------------- RIS

/**
 * The RIS tags, in the order written: type `RPRT` (which Zotero and EndNote import as a report;
 * `GEN` becomes a journal article in Zotero), then the fields, `ER` last.
 */
export function risTags(c: Citable): [tag: string, value: string][] {
  const date = day(c.date);
  const rows: Rows = [
    ['TY', 'RPRT'],
    ['ID', c.id],
    ['TI', c.title],
    ['M3', citationGenre(c.format)],
    ['DA', risDay(date)],
    ['PY', String(date.year)],
    ['CY', c.place],
    ['T2', c.event],
    ['PB', c.publisher],
    ['LA', c.language],
    ['UR', c.permalink],
    ['DB', c.archive],
    ['Y2', c.accessed === undefined ? undefined : risDay(day(c.accessed))],
    ['N1', citationNote(c)],
  ];
  const lines = present(rows).map(([tag, value]): [string, string] => [tag, oneLine(value).trim()]);
  return [...lines.filter(([, value]) => value !== ''), ['ER', '']];
}

/**
 * RIS text: one `TAG  - value` line per tag, never wrapped, CR LF as the specification asks,
 * UTF-8 without a byte order mark (citation-js refuses a file that starts with one). `ER  - `
 * keeps its space.
 */
const ris = (c: Citable) =>
  `${risTags(c)
    .map(([tag, value]) => `${tag}  - ${value}`)
    .join('\r\n')}\r\n`;

// ------------------------------------------------------------------------------- files and tags

/** The reference as a downloadable file: CSL-JSON (`json`), BibTeX (`bib`) or RIS (`ris`). */
export function citationFile(c: Citable, format: CitationFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify([cslItem(c)], null, 2)}\n`;
    case 'bib':
      return bibtex(c);
    case 'ris':
      return ris(c);
  }
}

/** Media types of the reference files, for the links that offer them. */
export const citationMediaTypes: Record<CitationFormat, string> = {
  json: 'application/vnd.citationstyles.csl+json',
  bib: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
};

/**
 * Highwire Press `citation_*` meta tags, read by Zotero and Google Scholar. Dates are
 * written `YYYY/MM/DD`, as they expect; the publisher only when the source is known, and then
 * also as the institution of a report, which makes Zotero save a report, as from the files
 * (without it, it guesses a journal article from `citation_title`).
 */
export function citationMeta(c: Citable): { name: string; content: string }[] {
  const rows: Rows = [
    ['citation_title', c.title],
    ['citation_date', risDay(day(c.date)).slice(0, -1)],
    ['citation_publication_date', c.published === undefined ? undefined : risDay(day(c.published)).slice(0, -1)],
    ['citation_language', c.language],
    ['citation_publisher', c.publisher],
    ['citation_technical_report_institution', c.publisher],
    ['citation_public_url', c.permalink],
    ['citation_abstract_html_url', c.permalink],
  ];
  return present(rows).map(([name, content]) => ({ name, content }));
}
