/**
 * The card's layout: each text broken into lines that fit (a cut marked with « … »), and every
 * line placed. Top: the kicker, the title and the date and place; bottom: a rule and the
 * site's name; between them, centred, the participants. `wrapText` and `previewLines` give the
 * layout as text and boxes, so that tests can check that nothing overlaps or overflows.
 */
import {
  PREVIEW_HEIGHT as HEIGHT,
  PREVIEW_WIDTH as WIDTH,
  previewLayout as layout,
  type PreviewContent,
} from './content.ts';
import type { Ink } from './canvas.ts';
import { fontsIn, SANS, SERIF, shape, type Fonts, type Word } from './fonts.ts';

/** A line of text with its style, as the layout places it. */
export interface Style {
  font: number;
  size: number;
  ink: Ink;
  /** Extra space after each glyph, in pixels. */
  letterSpacing?: number;
}

/** A line: words shaped in a style, and its width in pixels. */
export interface Line {
  words: Word[];
  width: number;
}

export function wordWidth(f: Fonts, word: Word, style: Style): number {
  let units = 0;
  let glyphs = 0;
  for (const run of word.runs) {
    units += (run.advance * style.size) / f.fonts[run.font]!.unitsPerEm;
    glyphs += run.glyphs.length;
  }
  return units + glyphs * (style.letterSpacing ?? 0);
}

export function spaceWidth(f: Fonts, style: Style): number {
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
export interface LineBox {
  height: number;
  baseline: number;
}

/** A line placed on the card: its baseline's left end, and its line box. */
export interface Placed {
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
export function layoutCard(
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
