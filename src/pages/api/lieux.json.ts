import type { APIRoute } from 'astro';
import { getArchive } from '#data';
import { jsonResponse, placesIndex } from '#formats/api.ts';
import { absoluteUrls } from '#archive/urls.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(placesIndex(await getArchive(), absoluteUrls(site!)));
