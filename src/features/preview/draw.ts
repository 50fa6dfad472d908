/** Draws a card: its lines, glyph by glyph, placed to the quarter pixel, on the canvas. */
import { Canvas } from './canvas.ts';
import { PREVIEW_HEIGHT as HEIGHT, previewLayout as layout, type PreviewContent } from './content.ts';
import { fontsIn, type Fonts } from './fonts.ts';
import { mask, PHASES } from './glyphs.ts';
import { layoutCard, spaceWidth, type Line, type Style } from './layout.ts';
import { visualOrder } from './scripts.ts';

/** Draws the words of `line` from `x` on the baseline `y`; returns where the pen stops. */
function draw(canvas: Canvas, f: Fonts, line: Line, style: Style, x: number, y: number): number {
  const space = spaceWidth(f, style);
  let pen = x;
  // Words of a line written right to left (an Arabic or Hebrew name) are drawn from the right.
  visualOrder(line.words, (word) => word.text).forEach((word, n) => {
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
