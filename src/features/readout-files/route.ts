/**
 * The development server's copy of the files next to each document (source, references, JSON
 * record, preview image), rendered on request. `astro build` does not use this route: it writes
 * the same files for every document at once (`src/features/readout-files/integration.ts`).
 */
import type { APIRoute } from 'astro';
import { cacheDir, root } from 'astro:config/server';
import { fileURLToPath } from 'node:url';
import { getArchive, readoutSource } from '#data';
import { citationMediaTypes } from '#formats/citation.ts';
import { readoutFiles } from './files.ts';
import { PREVIEW_CACHE_SUBDIR, previewContent, previewSources } from '#features/preview/content.ts';
import { missingGlyphs } from '#features/preview/coverage.ts';
import { absoluteUrls, routes } from '#archive/urls.ts';
import { previewPng } from '#features/preview/cache.ts';

export const prerender = false;

const mediaTypes: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  bib: `${citationMediaTypes.bib}; charset=utf-8`,
  ris: `${citationMediaTypes.ris}; charset=utf-8`,
};

export const GET: APIRoute = async ({ params, url, site }) => {
  const archive = await getArchive();
  const readout = archive.readout.get(params['id'] ?? '');
  if (!readout) return new Response(null, { status: 404 });
  const route = url.pathname.slice(import.meta.env.BASE_URL.replace(/\/?$/, '/').length);
  if (route === routes.readoutPreview(readout.id)) {
    const fontsDir = fileURLToPath(new URL('src/assets/fonts/', root));
    for (const line of missingGlyphs([{ route, sources: previewSources(readout, archive) }], fontsDir))
      console.warn(line);
    const png = previewPng(previewContent(readout, archive), {
      fontsDir,
      cacheDir: fileURLToPath(new URL(`${PREVIEW_CACHE_SUBDIR}/`, cacheDir)),
    });
    return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
  }
  const file = readoutFiles(readout, archive, await readoutSource(readout.id), absoluteUrls(site!)).find(
    (f) => f.route === route,
  );
  if (!file) return new Response(null, { status: 404 });
  const type =
    route === routes.readoutCitation(readout.id, 'json')
      ? citationMediaTypes.json
      : mediaTypes[route.split('.').pop()!];
  return new Response(file.contents, { headers: { 'Content-Type': type ?? 'application/octet-stream' } });
};
