import type { APIRoute } from 'astro';
import { getArchive } from '#data';
import { jsonResponse, peopleIndex } from '#formats/api.ts';
import { absoluteUrls } from '#archive/urls.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(peopleIndex(await getArchive(), absoluteUrls(site!)));
