import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheDir, root } from 'astro:config/server';
import { fileURLToPath } from 'node:url';
import { getArchive } from '../../../data.ts';
import type { Readout } from '../../../lib/archive.ts';
import { PREVIEW_CACHE_SUBDIR, previewContent } from '../../../lib/preview-image.ts';
import { routes } from '../../../lib/urls.ts';
import { previewPng } from '../../../preview/render.ts';

/** The document's preview image, drawn once and then read from the cache until what it shows changes. */
export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.readouts.map((readout) => ({ params: { id: readout.id }, props: { readout } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ readout: Readout }> = async ({ props }) => {
  const { readout } = props;
  const png = previewPng(previewContent(readout, await getArchive()), {
    fontsDir: fileURLToPath(new URL('src/assets/fonts/', root)),
    cacheDir: fileURLToPath(new URL(`${PREVIEW_CACHE_SUBDIR}/`, cacheDir)),
    label: routes.readoutPreview(readout.id),
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
