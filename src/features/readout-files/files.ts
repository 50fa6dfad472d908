/**
 * The files published next to each document, besides its page: its Markdown source, its
 * references (CSL-JSON, BibTeX, RIS) and its record in the JSON API. The preview image is
 * the sixth (`src/features/preview/`). One function says what they hold, for the build
 * (`src/features/readout-files/build.ts`, which writes them for every document at once) and
 * for the development server (`src/features/readout-files/route.ts`, which serves them one at a time).
 */
import { readoutRecord, toJson } from '#formats/api.ts';
import type { Archive, Readout } from '#archive/archive.ts';
import { citable, citationFile } from '#formats/citation.ts';
import { decodeUtf8, markdownBody, textFixity } from '#archive/fixity.ts';
import { citationFormats, routes, type Absolute } from '#archive/urls.ts';

export interface ReadoutFile {
  /** Where it is published, as a route (`comptes-rendus/<id>/citation.bib`). */
  route: string;
  contents: string | Uint8Array<ArrayBuffer>;
}

/** The files of `readout` but its preview; `source` is its file in `content/`, byte for byte. */
export function readoutFiles(
  readout: Readout,
  archive: Archive,
  source: Uint8Array<ArrayBuffer>,
  url: Absolute,
): ReadoutFile[] {
  const { id } = readout;
  const text = decodeUtf8(source);
  const reference = citable(readout, archive, url(routes.readout(id)));
  const record = readoutRecord(readout, archive, { markdown: markdownBody(text), sha256: textFixity(text) }, url);
  return [
    { route: routes.readoutSource(id), contents: source },
    ...citationFormats.map((format) => ({
      route: routes.readoutCitation(id, format),
      contents: citationFile(reference, format),
    })),
    { route: routes.apiReadout(id), contents: toJson(record) },
  ];
}

/** Where the files of a readout are published, its preview included. */
export function readoutFileRoutes(id: string): string[] {
  return [
    routes.readoutSource(id),
    ...citationFormats.map((format) => routes.readoutCitation(id, format)),
    routes.apiReadout(id),
    routes.readoutPreview(id),
  ];
}
