/**
 * How to cite a document: a French reference to copy, the same reference as CSL-JSON, BibTeX
 * and RIS files (written by citation-js, which Zotero, Mendeley and reference managers read),
 * and the `citation_*` meta tags that Zotero's browser connector picks up from the page.
 * Everything comes from one description of the document, `Citable`; nothing here reads files.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { t } from '#i18n/index.ts';
import { need, type Archive, type Readout } from '#archive/archive.ts';
import { parseCalendarDate } from '#content/dates.ts';
import { formatDate } from '#i18n/dates.ts';
import type { CitationFormat } from '#archive/urls.ts';

// The document's id is the BibTeX key, hyphens included (citation-js would otherwise make up
// `2024Wang`), and accented letters stay UTF-8 rather than `{\' e}`.
const bibtexConfig = plugins.config.get('@bibtex');
bibtexConfig.format.checkLabel = false;
bibtexConfig.format.asciiOnly = false;

/** What a reference says about a document. */
export interface Citable {
  id: string;
  title: string;
  /** The calendar day of the meeting, `YYYY-MM-DD`. */
  date: string;
  /** BCP 47 language of the text. */
  language: string;
  /** Who published the original; absent when the source is not known (never made up). */
  publisher?: string | undefined;
  event?: string | undefined;
  /** The name of the place of the meeting; a call has none. */
  place?: string | undefined;
  /** The document's permanent URL. */
  permalink: string;
  /** The name of the archive that holds the copy. */
  archive: string;
}

/** The description of a readout that its references are made from. */
export function citable(readout: Readout, archive: Archive, permalink: string): Citable {
  const { data } = readout;
  return {
    id: readout.id,
    title: data.title,
    date: data.date,
    language: data.language,
    publisher: data.source?.publisher,
    event: data.event,
    place: data.place === undefined ? undefined : need(archive.place, data.place, 'Lieu').data.name,
    permalink,
    archive: t('site.name'),
  };
}

/**
 * The French reference to copy: publisher (or « Source non précisée »), « title », date,
 * archive, permanent URL, and the day of consultation left for the reader to write.
 */
export function formatCitation(c: Citable): string {
  return t('citation.text', {
    publisher: c.publisher ?? t('citation.noPublisher'),
    title: c.title,
    date: formatDate(c.date),
    archive: c.archive,
    url: c.permalink,
  });
}

/** A CSL-JSON item, the shape reference managers exchange. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'document';
  title: string;
  issued: { 'date-parts': [[number, number, number]] };
  language: string;
  publisher?: string;
  'event-title'?: string;
  'event-place'?: string;
  archive: string;
  URL: string;
}

/** The CSL-JSON item of a document. A calendar day becomes date parts, never an instant. */
export function cslItem(c: Citable): CslItem {
  const day = parseCalendarDate(c.date);
  if (!day) throw new Error(`Date invalide : « ${c.date} »`);
  return {
    id: c.id,
    'citation-key': c.id,
    type: 'document',
    title: c.title,
    issued: { 'date-parts': [[day.year, day.month, day.day]] },
    language: c.language,
    ...(c.publisher !== undefined && { publisher: c.publisher }),
    ...(c.event !== undefined && { 'event-title': c.event }),
    ...(c.place !== undefined && { 'event-place': c.place }),
    archive: c.archive,
    URL: c.permalink,
  };
}

/** The reference as a downloadable file: CSL-JSON (`json`), BibTeX (`bib`) or RIS (`ris`). */
export function citationFile(c: Citable, format: CitationFormat): string {
  const cite = new Cite([cslItem(c)]);
  switch (format) {
    case 'json':
      return `${cite.format('data', { format: 'text' })}\n`;
    case 'bib':
      return `${cite.format('bibtex', { format: 'text' }).trim()}\n`;
    case 'ris':
      return risText(cite.format('ris', { format: 'object', spec: 'new' }));
  }
}

/**
 * RIS lines from citation-js's tags. Written here because citation-js's own text output cuts
 * every value at 70 characters, in the middle of words and URLs, which importers then misread.
 * One `TAG  - value` per line, CR LF as the RIS specification asks.
 */
function risText(entries: Record<string, unknown>[]): string {
  const lines: string[] = [];
  for (const { TY, ...tags } of entries) {
    lines.push(`TY  - ${String(TY)}`);
    for (const [tag, value] of Object.entries(tags)) {
      for (const v of [value].flat()) lines.push(`${tag}  - ${String(v).trim()}`);
    }
    lines.push('ER  - ');
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Media types of the reference files, for the links that offer them. */
export const citationMediaTypes: Record<CitationFormat, string> = {
  json: 'application/vnd.citationstyles.csl+json',
  bib: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
};

/**
 * Highwire Press `citation_*` meta tags, read by Zotero and Google Scholar. Dates are
 * written `YYYY/MM/DD`, as they expect; the publisher only when the source is known.
 */
export function citationMeta(c: Citable): { name: string; content: string }[] {
  const tags: [string, string | undefined][] = [
    ['citation_title', c.title],
    ['citation_date', c.date.replaceAll('-', '/')],
    ['citation_language', c.language],
    ['citation_publisher', c.publisher],
    ['citation_public_url', c.permalink],
    ['citation_abstract_html_url', c.permalink],
  ];
  return tags.flatMap(([name, content]) => (content === undefined ? [] : [{ name, content }]));
}
