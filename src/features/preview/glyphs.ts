/** Glyphs as alpha masks, drawn by resvg once per build for each size and quarter-pixel position. */
import { Resvg } from '@resvg/resvg-js';
import type * as fontkit from 'fontkit';
import type { Fonts } from './fonts.ts';

/** Glyphs are placed to the quarter pixel. */
export const PHASES = 4;

export interface Mask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** The alpha mask of a glyph at a size and quarter-pixel offset, drawn by resvg once per build. */
export function mask(f: Fonts, font: number, glyph: fontkit.Glyph, size: number, phase: number): Mask | null {
  const key = `${font}:${glyph.id}:${size}:${phase}`;
  const known = f.masks.get(key);
  if (known !== undefined) return known;
  const d = glyph.path.toSVG();
  let result: Mask | null = null;
  if (d) {
    const scale = size / f.fonts[font]!.unitsPerEm;
    const { minX, minY, maxX, maxY } = glyph.bbox;
    const left = Math.floor(minX * scale) - 1;
    const top = Math.ceil(maxY * scale) + 1;
    const width = Math.ceil(maxX * scale) - left + 2;
    const height = top - Math.floor(minY * scale) + 1;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<path transform="translate(${phase / PHASES - left} ${top}) scale(${scale} ${-scale})" d="${d}"/></svg>`;
    const pixels = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
    const alpha = new Uint8Array(width * height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = pixels[i * 4 + 3]!;
    result = { left, top, width, height, alpha };
  }
  f.masks.set(key, result);
  return result;
}
