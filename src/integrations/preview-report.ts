/**
 * Says at the end of a build how many preview images were drawn and how many were read back
 * from the cache (`src/preview/render.ts`): a cached image is one whose file in the cache
 * folder was not written during this build. A rebuild after editing one document should say
 * « 1 dessiné ».
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREVIEW_CACHE_SUBDIR } from '../lib/preview-image.ts';

function pngs(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png'));
  } catch {
    return [];
  }
}

export default function previewReport(): AstroIntegration {
  let cacheDir = '';
  let start = 0;
  return {
    name: 'readout-archive:preview-report',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL(`${PREVIEW_CACHE_SUBDIR}/`, config.cacheDir));
      },
      'astro:build:start': () => {
        start = Date.now();
      },
      'astro:build:done': ({ dir, logger }) => {
        const images = pngs(fileURLToPath(dir)).filter((f) => f.endsWith('apercu.png')).length;
        const drawn = pngs(cacheDir).filter((f) => statSync(join(cacheDir, f)).mtimeMs >= start).length;
        logger.info(`aperçus : ${images} images, ${drawn} dessinée(s), ${images - drawn} reprise(s) du cache`);
      },
    },
  };
}
