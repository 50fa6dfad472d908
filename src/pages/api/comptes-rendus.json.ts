import type { APIRoute } from 'astro';
import { getArchive, readoutFixity } from '#data';
import { jsonResponse, readoutsIndex } from '#formats/api.ts';
import { absoluteUrls } from '#archive/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const fixity = new Map(
    await Promise.all(archive.readouts.map(async (r) => [r.id, await readoutFixity(r.id)] as const)),
  );
  return jsonResponse(readoutsIndex(archive, fixity, absoluteUrls(site!)));
};
