import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, readoutSource } from '../../../data.ts';

/** The document's Markdown file, byte for byte as stored in `content/`. */
export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.readouts.map((readout) => ({ params: { id: readout.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await readoutSource(params.id!), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
