import type { APIRoute } from 'astro';
import { getArchive } from '#data';
import { jsonResponse, meetingsIndex } from '#formats/api.ts';
import { absoluteUrls } from '#archive/urls.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(meetingsIndex(await getArchive(), absoluteUrls(site!)));
