/**
 * Draws a document's preview image, and caches each PNG by `previewKey`: a hash of what the
 * image shows, of the fonts and of the code that draws it (`DRAWING_CODE`: changing the layout
 * draws every image again, with no version to bump). A rebuild draws only the images of
 * documents whose title, date, place or participants changed; the others are read back.
 *
 * Drawing is built for thousands of images per build (docs/PERFORMANCE.md):
 * - fontkit shapes the text (kerning, fallback from one font to the next per character) with
 *   the fonts kept in `src/assets/fonts/`; words are shaped once per build and reused;
 * - resvg draws each glyph once per size and quarter-pixel position, as an alpha mask;
 * - the image is a grid of palette indices (a few colours, each at 63 levels of coverage),
 *   written as an indexed PNG (`png.ts`): a quarter of the bytes of a full-colour image.
 *
 * The cache lives in Astro's cache folder (`ASTRO_CACHE_DIR`, `node_modules/.astro` by
 * default), under `readout-archive/previews/`, never in the output. Deleting it is safe.
 * `src/build/document-files.ts` draws the images of a build, counts what was drawn, and removes
 * from the cache the images that the build no longer uses.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import * as fontkit from 'fontkit';
import {
  PREVIEW_HEIGHT as HEIGHT,
  PREVIEW_WIDTH as WIDTH,
  previewKey,
  previewLayout as layout,
  type PreviewContent,
} from '../lib/preview-image.ts';
import { encodeIndexedPng } from './png.ts';

/** The fonts, from `scripts/subset-fonts.py`. A character missing from a text's font is taken from the next one that has it. */
const FONT_FILES = ['noto-serif-bold.woff2', 'noto-sans-regular.woff2', 'noto-sans-cjk-sc-regular.woff2'] as const;
const SERIF = 0;
const SANS = 1;

/** Shades of coverage per colour: 4 colours × 63 levels + the background fit in a 256-colour palette. */
const LEVELS = 63;
/** Glyphs are placed to the quarter pixel. */
const PHASES = 4;

type Rgb = readonly [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;

const INK = ['text', 'muted', 'accent', 'border'] as const;
type Ink = (typeof INK)[number];

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

/** Coverage (0–255) to palette level (0–63); level 0 is the background. */
const LEVEL_OF = Uint8Array.from({ length: 256 }, (_, c) => Math.round((c * LEVELS) / 255));
/** Palette index to level of coverage. */
const LEVEL_AT = Uint8Array.from({ length: 256 }, (_, i) => (i === 0 ? 0 : ((i - 1) % LEVELS) + 1));

interface Mask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** A piece of text in one font: its glyphs and their offsets from the start, in font units. */
interface Run {
  font: number;
  glyphs: { glyph: fontkit.Glyph; x: number; y: number }[];
  advance: number;
}

/** A word, shaped: one run per font it needs; `missing` lists the characters no font has. */
interface Word {
  text: string;
  runs: Run[];
  missing: string[];
}

interface Fonts {
  fonts: fontkit.Font[];
  digest: string;
  words: Map<string, Word>;
  masks: Map<string, Mask | null>;
}

const loaded = new Map<string, Fonts>();

/** The code that lays out and draws a card: a change to it draws every image again. */
const DRAWING_CODE = ['./render.ts', './png.ts', '../lib/preview-image.ts'];

/**
 * The fonts of `dir`, read once per build, with caches of shaped words and glyph masks, and
 * one digest of how images are drawn: the fonts' bytes and the drawing code's.
 */
function fontsIn(dir: string): Fonts {
  let fonts = loaded.get(dir);
  if (!fonts) {
    const hash = createHash('sha256');
    for (const file of DRAWING_CODE) hash.update(file).update(readFileSync(new URL(file, import.meta.url)));
    const list = FONT_FILES.map((file) => {
      const data = readFileSync(join(dir, file));
      hash.update(file).update(data);
      const font = fontkit.create(data);
      if (!('layout' in font)) throw new Error(`${file} : une police seule attendue, pas une collection`);
      return font;
    });
    fonts = { fonts: list, digest: hash.digest('hex'), words: new Map(), masks: new Map() };
    loaded.set(dir, fonts);
  }
  return fonts;
}

/** Shapes `text` (a word, without spaces) in `font`, falling back on the other fonts character by character. */
function shape(f: Fonts, text: string, font: number): Word {
  const key = `${font}\u0000${text}`;
  let word = f.words.get(key);
  if (word) return word;
  const order = [font, ...f.fonts.keys()].filter((i, n, all) => all.indexOf(i) === n);
  const pieces: { font: number; text: string }[] = [];
  const missing: string[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const chosen = order.find((i) => f.fonts[i]!.hasGlyphForCodePoint(code));
    if (chosen === undefined) {
      missing.push(char);
      continue;
    }
    const last = pieces.at(-1);
    if (last?.font === chosen) last.text += char;
    else pieces.push({ font: chosen, text: char });
  }
  const runs = pieces.map(({ font: i, text: piece }): Run => {
    const shaped = f.fonts[i]!.layout(piece);
    let x = 0;
    const glyphs = shaped.glyphs.map((glyph, n) => {
      const p = shaped.positions[n]!;
      const placed = { glyph, x: x + p.xOffset, y: p.yOffset };
      x += p.xAdvance;
      return placed;
    });
    return { font: i, glyphs, advance: x };
  });
  word = { text, runs, missing };
  f.words.set(key, word);
  return word;
}

/** The alpha mask of a glyph at a size and quarter-pixel offset, drawn by resvg once per build. */
function mask(f: Fonts, font: number, glyph: fontkit.Glyph, size: number, phase: number): Mask | null {
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

/** A line of text with its style, as the layout places it. */
interface Style {
  font: number;
  size: number;
  ink: Ink;
  /** Extra space after each glyph, in pixels. */
  letterSpacing?: number;
}

/**
 * The grid of the image: one palette index per pixel, which tells both its colour and how
 * much of the pixel is covered. Where glyphs overlap, the more covered one wins.
 */
class Canvas {
  readonly pixels = new Uint8Array(WIDTH * HEIGHT);

  rect(x: number, y: number, width: number, height: number, ink: Ink): void {
    const full = INK.indexOf(ink) * LEVELS + LEVELS;
    for (let row = Math.max(0, y); row < Math.min(HEIGHT, y + height); row++) {
      this.pixels.fill(full, row * WIDTH + Math.max(0, x), row * WIDTH + Math.min(WIDTH, x + width));
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
    }
  }

  png(): Buffer {
    return encodeIndexedPng(WIDTH, HEIGHT, this.pixels, palette);
  }
}

/** A line: words shaped in a style, and its width in pixels. */
interface Line {
  words: Word[];
  width: number;
}

function wordWidth(f: Fonts, word: Word, style: Style): number {
  let units = 0;
  let glyphs = 0;
  for (const run of word.runs) {
    units += (run.advance * style.size) / f.fonts[run.font]!.unitsPerEm;
    glyphs += run.glyphs.length;
  }
  return units + glyphs * (style.letterSpacing ?? 0);
}

function spaceWidth(f: Fonts, style: Style): number {
  return wordWidth(f, shape(f, ' ', style.font), style);
}

function lineOf(f: Fonts, words: Word[], style: Style): Line {
  const width = words.reduce((sum, w) => sum + wordWidth(f, w, style), 0) + (words.length - 1) * spaceWidth(f, style);
  return { words, width };
}

/** Where a line may break: ASCII spaces, tabs and line breaks; no-break spaces hold their words together. */
const BREAK = /[\t\n\v\f\r ]+/;

/**
 * Breaks `text` into lines at most `maxWidth` wide, at most `maxLines` of them. What does not
 * fit is cut, and the cut is marked with « … »: after the last word that fits on the last
 * line, or inside a word too wide for a line of its own.
 */
function wrap(f: Fonts, text: string, style: Style, maxWidth: number, maxLines: number): Line[] {
  const lines: Word[][] = [];
  let current: Word[] = [];
  for (const piece of text.split(BREAK).filter((w) => w !== '')) {
    const word = shape(f, piece, style.font);
    if (current.length > 0 && lineOf(f, [...current, word], style).width > maxWidth) {
      lines.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) lines.push(current);
  // A word wider than a line is alone on its line (the loop above sees to it): cut it.
  const fitted = lines.map((l) => (lineOf(f, l, style).width > maxWidth ? [cut(f, l[0]!, style, maxWidth)] : l));
  if (fitted.length <= maxLines) return fitted.map((l) => lineOf(f, l, style));
  // Too many lines: keep what fits of the last allowed one, and end it with an ellipsis.
  const kept = fitted.slice(0, maxLines);
  const last = kept.at(-1)!;
  const ellipsis = shape(f, '…', style.font);
  const tail = (words: Word[]) => lineOf(f, [...words.slice(0, -1), concat(words.at(-1)!, ellipsis)], style);
  while (last.length > 1 && tail(last).width > maxWidth) last.pop();
  const end = tail(last).width <= maxWidth ? tail(last) : lineOf(f, [cut(f, last[0]!, style, maxWidth, true)], style);
  return [...kept.slice(0, -1).map((l) => lineOf(f, l, style)), end];
}

/** The longest start of `word` that fits in `maxWidth` with « … » after it (`always`: even when the whole word fits). */
function cut(f: Fonts, word: Word, style: Style, maxWidth: number, always = false): Word {
  const chars = [...word.text.replace(/…$/, '')];
  const fits = (n: number) => wordWidth(f, shape(f, `${chars.slice(0, n).join('')}…`, style.font), style) <= maxWidth;
  if (!always && wordWidth(f, word, style) <= maxWidth) return word;
  let low = 0;
  let high = chars.length - (always ? 0 : 1);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return shape(f, `${chars.slice(0, low).join('')}…`, style.font);
}

/** Two shaped words written as one, without a space. */
function concat(a: Word, b: Word): Word {
  return { text: a.text + b.text, runs: [...a.runs, ...b.runs], missing: [...a.missing, ...b.missing] };
}

/** Draws the words of `line` from `x` on the baseline `y`; returns where the pen stops. */
function draw(canvas: Canvas, f: Fonts, line: Line, style: Style, x: number, y: number): number {
  const space = spaceWidth(f, style);
  let pen = x;
  line.words.forEach((word, n) => {
    if (n > 0) pen += space;
    for (const run of word.runs) {
      const scale = style.size / f.fonts[run.font]!.unitsPerEm;
      for (const g of run.glyphs) {
        const gx = pen + g.x * scale;
        const whole = Math.floor(gx);
        let phase = Math.round((gx - whole) * PHASES);
        const px = phase === PHASES ? whole + 1 : whole;
        if (phase === PHASES) phase = 0;
        const m = mask(f, run.font, g.glyph, style.size, phase);
        if (m) canvas.blit(m, px + m.left, Math.round(y - g.y * scale) - m.top, style.ink);
        pen += style.letterSpacing ?? 0;
      }
      pen += run.advance * scale;
    }
  });
  return pen;
}

/** The height of a line box in CSS's `line-height: normal` for `font`, and where its baseline sits. */
function metrics(f: Fonts, style: Style, lineHeight?: number): LineBox {
  const font = f.fonts[style.font]!;
  const ascent = (font.ascent * style.size) / font.unitsPerEm;
  const content = ((font.ascent - font.descent + font.lineGap) * style.size) / font.unitsPerEm;
  const height = lineHeight === undefined ? content : lineHeight * style.size;
  return { height, baseline: (height - content) / 2 + ascent };
}

const styles = {
  kicker: { font: SANS, size: 24, ink: 'accent', letterSpacing: 2 },
  title: { font: SERIF, size: 52, ink: 'text' },
  when: { font: SANS, size: 30, ink: 'muted' },
  person: { font: SANS, size: 30, ink: 'text' },
  original: { font: SANS, size: 30, ink: 'muted' },
  footer: { font: SANS, size: 22, ink: 'muted' },
} as const satisfies Record<string, Style>;

/** The lines a style breaks `text` into, as text with their widths in pixels (for tests). */
export function wrapText(
  text: string,
  style: keyof typeof styles,
  maxWidth: number,
  maxLines: number,
  fontsDir: string,
): { text: string; width: number }[] {
  return wrap(fontsIn(fontsDir), text, styles[style], maxWidth, maxLines).map((line) => ({
    text: line.words.map((w) => w.text).join(' '),
    width: line.width,
  }));
}

/** A line box: its height, and where the baseline sits from its top. */
interface LineBox {
  height: number;
  baseline: number;
}

/** A line placed on the card: its baseline's left end, and its line box. */
interface Placed {
  line: Line;
  style: Style;
  x: number;
  y: number;
  box: LineBox;
}

/** Space kept at least between the blocks of the card. */
const GAP = 12;

/**
 * Places everything on the card. Top: the kicker, the title and the date and place; bottom: a
 * rule and the site's name; between them, centred, the participants and how many more. The
 * title takes three lines at most, fewer when the participants need the room.
 */
function layoutCard(
  f: Fonts,
  content: PreviewContent,
): { placed: Placed[]; rule: { x: number; y: number; width: number } } {
  const { padding, border } = layout;
  const left = border + padding.left;
  const width = WIDTH - left - padding.right;
  const { kicker, title, when, person, original, footer } = styles;
  const placed: Placed[] = [];

  /** One line of `text` whose line box starts at `top`, cut where it would pass the right margin. */
  const single = (text: string, style: Style, x: number, top: number, box: LineBox): Line => {
    const line = wrap(f, text, style, left + width - x, 1)[0] ?? { words: [], width: 0 };
    placed.push({ line, style, x, y: top + box.baseline, box });
    return line;
  };

  // Bottom first: it does not move.
  const footerBox = metrics(f, footer);
  const footerTop = HEIGHT - padding.bottom - footerBox.height;
  single(content.siteName, footer, left, footerTop, footerBox);
  const ruleTop = Math.round(footerTop - 16 - 2);

  const row = metrics(f, person);
  const rows = content.participants.length + (content.more ? 1 : 0);
  const rowsHeight = rows * row.height + Math.max(0, rows - 1) * 6;
  const kickerBox = metrics(f, kicker);
  const titleBox = metrics(f, title, 1.18);
  const whenBox = metrics(f, when);
  const topHeight = (titleLines: number) => kickerBox.height + 20 + titleLines * titleBox.height + 24 + whenBox.height;
  let titleLines = 3;
  while (titleLines > 1 && padding.top + topHeight(titleLines) + rowsHeight + 2 * GAP > ruleTop) titleLines--;

  let y = padding.top;
  const block = (lines: Line[], style: Style, box: LineBox) => {
    for (const line of lines) {
      placed.push({ line, style, x: left, y: y + box.baseline, box });
      y += box.height;
    }
  };
  block(wrap(f, content.kicker.toLocaleUpperCase('fr'), kicker, width, 1), kicker, kickerBox);
  y += 20;
  block(wrap(f, content.title, title, width, titleLines), title, titleBox);
  y += 24;
  block(wrap(f, content.when, when, width, 1), when, whenBox);

  y += Math.max(GAP, (ruleTop - y - rowsHeight) / 2);
  for (const p of content.participants) {
    const name = single(p.name, person, left, y, row);
    // The name in its own script, after it on the same line, where there is room for it.
    const x = left + name.width + 18;
    if (p.original && left + width - x >= 2 * original.size) single(p.original.text, original, x, y, row);
    y += row.height + 6;
  }
  if (content.more) single(content.more, when, left, y, row);
  return { placed, rule: { x: left, y: ruleTop, width } };
}

/** Each line of the card as text, with its line box (for tests). */
export function previewLines(
  content: PreviewContent,
  fontsDir: string,
): { text: string; size: number; left: number; right: number; top: number; bottom: number }[] {
  const f = fontsIn(fontsDir);
  return layoutCard(f, content).placed.map(({ line, style, x, y, box }) => ({
    text: line.words.map((w) => w.text).join(' '),
    size: style.size,
    left: x,
    right: x + line.width,
    top: y - box.baseline,
    bottom: y - box.baseline + box.height,
  }));
}

/** Draws the image; characters that no font has are returned, so that the build can say so. */
export function drawPreview(content: PreviewContent, fontsDir: string): { png: Buffer; missing: string[] } {
  const f = fontsIn(fontsDir);
  const canvas = new Canvas();
  canvas.rect(0, 0, layout.border, HEIGHT, 'accent');
  const { placed, rule } = layoutCard(f, content);
  canvas.rect(rule.x, rule.y, rule.width, 2, 'border');
  const missing: string[] = [];
  for (const { line, style, x, y } of placed) {
    draw(canvas, f, line, style, x, Math.round(y));
    for (const word of line.words) missing.push(...word.missing);
  }
  return { png: canvas.png(), missing: [...new Set(missing)] };
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

/**
 * The cached file of the image of `content`, drawn first when no identical image was drawn
 * before; `drawn` says which. The file is the cache's own: copy it or link to it, never write to it.
 */
export function previewFile(content: PreviewContent, options: PreviewOptions): { file: string; drawn: boolean } {
  const log = options.log ?? console;
  const key = previewKey(content, fontsIn(options.fontsDir).digest);
  const file = join(options.cacheDir, `${key}.png`);
  if (existsSync(file)) return { file, drawn: false };

  const { png, missing } = drawPreview(content, options.fontsDir);
  if (missing.length > 0) {
    log.warn(
      `aperçu ${options.label} : caractères sans glyphe dans les polices (« ${missing.join(' ')} ») : ` +
        'relancez scripts/subset-fonts.py (voir README)',
    );
  }
  mkdirSync(options.cacheDir, { recursive: true });
  // Written under another name then renamed, so that a build stopped midway leaves no half image.
  const partial = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return { file, drawn: true };
}

/** The PNG for `content`: from the cache when an identical image was drawn before, else drawn and cached. */
export function previewPng(content: PreviewContent, options: PreviewOptions): Buffer {
  return readFileSync(previewFile(content, options).file);
}
