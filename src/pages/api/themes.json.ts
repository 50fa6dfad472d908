import type { APIRoute } from 'astro';
import { getArchive } from '#data';
import { jsonResponse, topicsIndex } from '#formats/api.ts';
import { absoluteUrls } from '#archive/urls.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(topicsIndex(await getArchive(), absoluteUrls(site!)));
