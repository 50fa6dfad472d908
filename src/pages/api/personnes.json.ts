import type { APIRoute } from 'astro';
import { getArchive } from '../../data.ts';
import { jsonResponse, peopleIndex } from '../../lib/api.ts';
import { absoluteUrls } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => jsonResponse(peopleIndex(await getArchive(), absoluteUrls(site!)));
