/**
 * Draws a document's preview image (satori lays it out as SVG, resvg turns it into PNG) with
 * the fonts kept in `src/assets/fonts/`, and caches each PNG by `previewKey`: a hash of what
 * the image shows, of the fonts and of the layout version. A rebuild draws only the images of
 * documents whose title, date, place or participants changed; the others are read back.
 *
 * The cache lives in Astro's cache folder (`ASTRO_CACHE_DIR`, `node_modules/.astro` by
 * default), under `readout-archive/previews/`, never in the output. Deleting it is safe.
 * `src/integrations/preview-report.ts` counts, at the end of the build, what was drawn.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori, { type SatoriOptions } from 'satori';
import {
  PREVIEW_HEIGHT,
  PREVIEW_WIDTH,
  SANS,
  SERIF,
  previewKey,
  previewTree,
  type PreviewContent,
} from '../lib/preview-image.ts';

/** The fonts, from `scripts/subset-fonts.py`; satori falls back along this list for each character. */
const FONT_FILES: { file: string; name: string; weight: 400 | 700 }[] = [
  { file: 'noto-serif-bold.woff2', name: SERIF, weight: 700 },
  { file: 'noto-sans-regular.woff2', name: SANS, weight: 400 },
  { file: 'noto-sans-cjk-sc-regular.woff2', name: 'Noto Sans CJK SC', weight: 400 },
];

interface Fonts {
  options: SatoriOptions['fonts'];
  digest: string;
}

const loaded = new Map<string, Fonts>();

/** The fonts of `dir`, read once per build, and one digest of their bytes. */
function fontsIn(dir: string): Fonts {
  let fonts = loaded.get(dir);
  if (!fonts) {
    const hash = createHash('sha256');
    const options = FONT_FILES.map(({ file, name, weight }) => {
      const data = readFileSync(join(dir, file));
      hash.update(file).update(data);
      return { name, data, weight, style: 'normal' as const };
    });
    fonts = { options, digest: hash.digest('hex') };
    loaded.set(dir, fonts);
  }
  return fonts;
}

/** Draws the image; characters that no font has are returned, so that the build can say so. */
export async function drawPreview(
  content: PreviewContent,
  fontsDir: string,
): Promise<{ png: Buffer; missing: string[] }> {
  const missing: string[] = [];
  const svg = await satori(previewTree(content) as unknown as Parameters<typeof satori>[0], {
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    fonts: fontsIn(fontsDir).options,
    loadAdditionalAsset: async (_code, segment) => {
      missing.push(segment);
      return [];
    },
  });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  return { png, missing };
}

export interface PreviewOptions {
  /** Folder of the font files. */
  fontsDir: string;
  /** Folder of the cached images. */
  cacheDir: string;
  /** Where a missing glyph is reported; `console` by default. */
  log?: Pick<Console, 'warn'>;
  /** Names the image in log lines (its route). */
  label: string;
}

/** The PNG for `content`: from the cache when an identical image was drawn before, else drawn and cached. */
export async function previewPng(content: PreviewContent, options: PreviewOptions): Promise<Buffer> {
  const log = options.log ?? console;
  const key = previewKey(content, fontsIn(options.fontsDir).digest);
  const file = join(options.cacheDir, `${key}.png`);
  if (existsSync(file)) return readFileSync(file);

  const { png, missing } = await drawPreview(content, options.fontsDir);
  if (missing.length > 0) {
    log.warn(
      `aperçu ${options.label} : caractères sans glyphe dans les polices (« ${missing.join(' ')} ») : ` +
        'relancez scripts/subset-fonts.py (voir README)',
    );
  }
  mkdirSync(options.cacheDir, { recursive: true });
  // Written under another name then renamed, so that a build stopped midway leaves no half image.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}
