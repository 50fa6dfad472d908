import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data.ts';
import { citable, citationFile, citationMediaTypes } from '../../../lib/citation.ts';
import type { Readout } from '../../../lib/archive.ts';
import { absoluteUrl, citationFormats, routes, type CitationFormat } from '../../../lib/urls.ts';

/** The document's reference as CSL-JSON, BibTeX and RIS: `citation.json`, `citation.bib`, `citation.ris`. */
export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.readouts.flatMap((readout) =>
    citationFormats.map((format) => ({ params: { id: readout.id, format }, props: { readout, format } })),
  );
}) satisfies GetStaticPaths;

interface Props {
  readout: Readout;
  format: CitationFormat;
}

export const GET: APIRoute<Props> = async ({ props: { readout, format }, site }) => {
  const archive = await getArchive();
  const document = citable(readout, archive, absoluteUrl(routes.readout(readout.id), site!));
  return new Response(citationFile(document, format), {
    headers: { 'Content-Type': `${citationMediaTypes[format]}; charset=utf-8` },
  });
};
