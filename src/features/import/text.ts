/**
 * A copied page as the paragraphs of a readout. The paragraphs are the blocks between blank
 * lines, each kept byte for byte as in the input: only the line breaks become line feeds (they
 * are the file's, not the text's). What the page puts around the text goes, and is reported line
 * by line: its furniture (`#content/furniture.ts`), wherever it is, and the lines above the text
 * (breadcrumb, headline, repeated headline). The headline becomes the title; the date of posting,
 * the source's publication day.
 */
import { furnitureNames, furnitureOf } from '#content/furniture.ts';
import { isCalendarDate } from '#content/dates.ts';

/** A line of the input that is not the readout's text, and why. */
export interface Removed {
  /** Line of the input (1 = first). */
  line: number;
  text: string;
  why: string;
}

export interface PageText {
  /** The readout's text, paragraph by paragraph, each as the input has it. */
  paragraphs: string[];
  /** The page's headline, when it has one. */
  headline?: string | undefined;
  /** The day the page was posted, as its date-and-time line shows it. */
  posted?: { date: string; line: string } | undefined;
  removed: Removed[];
  /** Short lines after the text, kept since no rule says they are furniture: the archivist decides. */
  trailing: { line: number; text: string }[];
}

interface Line {
  n: number;
  text: string;
}

/** « Le 20 mai 2024 », « Le lundi 1er juillet 2024 »: how a readout opens. */
export const DATE_OPENING =
  /\b[Ll]e\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(1er|1ᵉʳ|\d{1,2})\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+(\d{4})\b/u;

/** A paragraph that reads as prose: it ends as a sentence does, or is too long for a headline. */
const isProse = (text: string) => /[.!?…»”]\s*$/u.test(text) || text.length > 200;

/** The ISO day of a date-and-time line (`2024-05-20 21:14`, `20/05/2024`), if it is a real day. */
export function postedDay(line: string): string | undefined {
  const iso = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(line);
  const french = /(\d{1,2})[/.](\d{1,2})[/.](\d{4})/.exec(line);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!y || !m || !d) return undefined;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(day) ? day : undefined;
}

const spaced = (text: string) => text.replace(/\s+/gu, ' ').trim();

/**
 * The readout in a copied page. `headline` is the page's headline when the input says which it
 * is (an HTML page's `<h1>`); otherwise the last line above the text, or one written twice there.
 */
export function pageText(source: string, headline?: string): PageText {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((text, i): Line => ({ n: i + 1, text }));
  const removed: Removed[] = [];
  let posted: PageText['posted'];

  // Blocks between blank lines, without their furniture lines.
  const blocks: Line[][] = [];
  let block: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
      continue;
    }
    const kind = furnitureOf(line.text);
    if (kind === undefined) {
      block.push(line);
      continue;
    }
    removed.push({ line: line.n, text: line.text.trim(), why: furnitureNames[kind] });
    if (kind === 'date-time' && posted === undefined) {
      const date = postedDay(line.text);
      if (date) posted = { date, line: line.text.trim() };
    }
  }
  if (block.length > 0) blocks.push(block);
  const textOf = (b: Line[]) => b.map((l) => l.text).join('\n');

  // The text starts at the paragraph of prose that gives the date, when only short lines come
  // before it (a headline may give the date too); otherwise at the first paragraph of prose.
  const short = (b: Line[]) => b.length === 1 && !isProse(b[0]!.text);
  let start = blocks.findIndex((b) => DATE_OPENING.test(textOf(b)) && !short(b));
  if (start < 0 || !blocks.slice(0, start).every(short)) start = blocks.findIndex((b) => !short(b));
  if (start < 0) start = 0;

  // Above the text: the headline (given, written twice, or the last line), and what else the page put there.
  const head = blocks.slice(0, start).map((b) => b[0]!);
  const seen = new Map<string, number>();
  for (const line of head) seen.set(spaced(line.text), (seen.get(spaced(line.text)) ?? 0) + 1);
  const title =
    (headline !== undefined && spaced(headline) !== '' ? spaced(headline) : undefined) ??
    [...seen].find(([, count]) => count > 1)?.[0] ??
    (head.length > 0 ? spaced(head.at(-1)!.text) : undefined);
  for (const line of head) {
    const isTitle = spaced(line.text) === title;
    removed.push({
      line: line.n,
      text: line.text.trim(),
      why: isTitle ? 'titre de la page' : 'ligne au-dessus du texte',
    });
  }

  // The text; a block that repeats the headline goes too.
  const kept = blocks.slice(start).filter((b) => {
    if (title === undefined || !short(b) || spaced(textOf(b)) !== title) return true;
    removed.push({ line: b[0]!.n, text: b[0]!.text.trim(), why: 'titre de la page' });
    return false;
  });
  let lastProse = kept.length - 1;
  while (lastProse > 0 && short(kept[lastProse]!)) lastProse--;
  removed.sort((a, b) => a.line - b.line);
  return {
    paragraphs: kept.map(textOf),
    headline: title,
    posted,
    removed,
    trailing: kept.slice(lastProse + 1).map((b) => ({ line: b[0]!.n, text: b[0]!.text.trim() })),
  };
}
