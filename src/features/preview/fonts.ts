/**
 * The fonts of the preview images, and text shaped in them. fontkit shapes the text (kerning,
 * fallback from one font to the next per character) with the fonts kept in
 * `src/assets/fonts/` (`scripts/subset-fonts.py`); words are shaped once per build and reused.
 * The fonts' digest includes the code of this folder: changing how cards are drawn draws
 * every image again, with no version to bump.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type { Mask } from './glyphs.ts';

/**
 * The fonts, from `scripts/subset-fonts.py`. A character missing from a text's font is taken
 * from the next one that has it: these three, then the fonts of other scripts that the script
 * adds to the folder when `content/` writes them (`noto-sans-arabic-regular.woff2`…), by name.
 */
export const FONT_FILES = [
  'noto-serif-bold.woff2',
  'noto-sans-regular.woff2',
  'noto-sans-cjk-sc-regular.woff2',
] as const;

/** Every font of `dir`, in the order a character is looked for: the three above, then the others by name. */
export function fontFiles(dir: string): string[] {
  const others = readdirSync(dir)
    .filter((name) => name.endsWith('.woff2') && !(FONT_FILES as readonly string[]).includes(name))
    .sort();
  return [...FONT_FILES, ...others];
}
export const SERIF = 0;
export const SANS = 1;

/** A piece of text in one font: its glyphs and their offsets from the start, in font units. */
export interface Run {
  font: number;
  glyphs: { glyph: fontkit.Glyph; x: number; y: number }[];
  advance: number;
}

/** A word, shaped: one run per font it needs; `missing` lists the characters no font has. */
export interface Word {
  text: string;
  runs: Run[];
  missing: string[];
}

export interface Fonts {
  fonts: fontkit.Font[];
  digest: string;
  words: Map<string, Word>;
  masks: Map<string, Mask | null>;
  /** Whether some font has a glyph for a character, by code point. */
  covered: Map<number, boolean>;
}

const loaded = new Map<string, Fonts>();

/** The code that lays out and draws a card: every module of this folder. */
const DRAWING_CODE = fileURLToPath(new URL('.', import.meta.url));

/**
 * The fonts of `dir`, read once per build, with caches of shaped words and glyph masks, and
 * one digest of how images are drawn: the fonts' bytes and the drawing code's.
 */
export function fontsIn(dir: string): Fonts {
  let fonts = loaded.get(dir);
  if (!fonts) {
    const hash = createHash('sha256');
    for (const file of readdirSync(DRAWING_CODE)
      .filter((name) => name.endsWith('.ts'))
      .sort()) {
      hash.update(file).update(readFileSync(join(DRAWING_CODE, file)));
    }
    const list = fontFiles(dir).map((file) => {
      const data = readFileSync(join(dir, file));
      hash.update(file).update(data);
      const font = fontkit.create(data);
      if (!('layout' in font)) throw new Error(`${file} : une police seule attendue, pas une collection`);
      return font;
    });
    fonts = { fonts: list, digest: hash.digest('hex'), words: new Map(), masks: new Map(), covered: new Map() };
    loaded.set(dir, fonts);
  }
  return fonts;
}

/** The characters of `text` that no font has, spaces and controls aside, each once. */
export function uncovered(f: Fonts, text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/[\s\p{Cc}\p{Cf}]/u.test(char)) continue;
    let has = f.covered.get(code);
    if (has === undefined) {
      has = f.fonts.some((font) => font.hasGlyphForCodePoint(code));
      f.covered.set(code, has);
    }
    if (!has) missing.add(char);
  }
  return [...missing];
}

/** Shapes `text` (a word, without spaces) in `font`, falling back on the other fonts character by character. */
export function shape(f: Fonts, text: string, font: number): Word {
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
      // A joiner or a direction mark that no font draws changes nothing visible.
      if (!/\p{Cf}/u.test(char)) missing.push(char);
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
