import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, readoutFixity, readoutSource } from '../../../data.ts';
import { jsonResponse, readoutRecord } from '../../../lib/api.ts';
import type { Readout } from '../../../lib/archive.ts';
import { decodeUtf8, markdownBody } from '../../../lib/fixity.ts';
import { absoluteUrls } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.readouts.map((readout) => ({ params: { id: readout.id }, props: { readout } }));
}) satisfies GetStaticPaths;

interface Props {
  readout: Readout;
}

export const GET: APIRoute<Props> = async ({ props: { readout }, site }) => {
  const archive = await getArchive();
  const markdown = markdownBody(decodeUtf8(await readoutSource(readout.id)));
  const text = { markdown, sha256: await readoutFixity(readout.id) };
  return jsonResponse(readoutRecord(readout, archive, text, absoluteUrls(site!)));
};
