import type { APIRoute } from 'astro';
import { getArchive, readoutFixity } from '../../data.ts';
import { jsonResponse, readoutsIndex } from '../../lib/api.ts';
import { absoluteUrls } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const fixity = new Map(
    await Promise.all(archive.readouts.map(async (r) => [r.id, await readoutFixity(r.id)] as const)),
  );
  return jsonResponse(readoutsIndex(archive, fixity, absoluteUrls(site!)));
};
