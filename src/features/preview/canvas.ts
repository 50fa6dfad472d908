/**
 * The image as a grid of palette indices: four colours, each at two levels of coverage over
 * the background (half and full), 9 colours in all, written as an indexed PNG of 4 bits per
 * pixel (`png.ts`): about 10 KB an image. Two levels are enough to smooth the edges of text of
 * this size: three made images 15 % heavier, and 63 twice as heavy, that a reader could not
 * tell apart at the size social sites show them (docs/performance.md).
 */
import { PREVIEW_HEIGHT as HEIGHT, PREVIEW_WIDTH as WIDTH, previewLayout as layout } from './content.ts';
import type { Mask } from './glyphs.ts';
import { encodeIndexedPng } from './png.ts';

/** Shades of coverage per colour: 4 colours × 2 levels + the background fit in a 16-colour palette. */
const LEVELS = 2;

type Rgb = readonly [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;

export const INK = ['text', 'muted', 'accent', 'border'] as const;
export type Ink = (typeof INK)[number];

/** Background first (index 0), then each colour at each level of coverage over it. */
const palette: Rgb[] = (() => {
  const bg = rgb(layout.colors.bg);
  const out: Rgb[] = [bg];
  for (const ink of INK) {
    const fg = rgb(layout.colors[ink]);
    for (let level = 1; level <= LEVELS; level++) {
      const a = level / LEVELS;
      out.push(bg.map((b, i) => Math.round(b + (fg[i]! - b) * a)) as unknown as Rgb);
    }
  }
  return out;
})();

/** Coverage (0–255) to level (0 to `LEVELS`); level 0 is the background. */
const LEVEL_OF = Uint8Array.from({ length: 256 }, (_, c) => Math.round((c * LEVELS) / 255));
/** Palette index to level of coverage. */
const LEVEL_AT = Uint8Array.from({ length: 256 }, (_, i) => (i === 0 ? 0 : ((i - 1) % LEVELS) + 1));

/**
 * The grid of the image: one palette index per pixel, which tells both its colour and how
 * much of the pixel is covered. Where glyphs overlap, the more covered one wins.
 */
export class Canvas {
  readonly pixels = new Uint8Array(WIDTH * HEIGHT);
  /** Where each row's ink ends (one past its last inked pixel): the rest of the row is background. */
  readonly rowEnds = new Int32Array(HEIGHT);

  rect(x: number, y: number, width: number, height: number, ink: Ink): void {
    const full = INK.indexOf(ink) * LEVELS + LEVELS;
    const end = Math.min(WIDTH, x + width);
    for (let row = Math.max(0, y); row < Math.min(HEIGHT, y + height); row++) {
      this.pixels.fill(full, row * WIDTH + Math.max(0, x), row * WIDTH + end);
      if (end > this.rowEnds[row]!) this.rowEnds[row] = end;
    }
  }

  blit(m: Mask, x: number, y: number, ink: Ink): void {
    const base = INK.indexOf(ink) * LEVELS;
    const pixels = this.pixels;
    for (let row = 0; row < m.height; row++) {
      const cy = y + row;
      if (cy < 0 || cy >= HEIGHT) continue;
      for (let col = 0; col < m.width; col++) {
        const cx = x + col;
        const level = LEVEL_OF[m.alpha[row * m.width + col]!]!;
        if (cx < 0 || cx >= WIDTH || level === 0) continue;
        const i = cy * WIDTH + cx;
        if (level > LEVEL_AT[pixels[i]!]!) pixels[i] = base + level;
      }
      const end = Math.min(WIDTH, x + m.width);
      if (end > this.rowEnds[cy]!) this.rowEnds[cy] = end;
    }
  }

  png(): Buffer {
    return encodeIndexedPng(WIDTH, HEIGHT, this.pixels, palette, this.rowEnds);
  }
}
