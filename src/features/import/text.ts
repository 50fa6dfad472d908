/**
 * A copied page as the paragraphs of a readout. The paragraphs are the blocks between blank
 * lines, each kept byte for byte as in the input: only the line breaks become line feeds (they
 * are the file's, not the text's). What the page puts around the text goes, and is reported line
 * by line: its furniture (`#content/furniture.ts`), wherever it is, and the lines above the text
 * (breadcrumb, headline, repeated headline, the date line). The date of posting or the date line
 * gives the source's publication day, « Dernière modification » its day of modification, a
 * « Source : » line who published it. No line of the text is dropped: a line ending with « : »
 * right above it (« The below is attributable to Spokesperson … : ») is the text's own.
 */
import { furnitureNames, furnitureOf } from '#content/furniture.ts';
import { anyDay, dateLine, figuresDay, opensWithDay } from './days.ts';

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
  /** The page's headline, when it has one: reported, and never the document's title. */
  headline?: string | undefined;
  /** The day the page was posted, as its date-and-time line or its date line shows it. */
  posted?: { date: string; line: string } | undefined;
  /** The day the page says it last changed its text (« Dernière modification : … »). */
  modified?: { date: string; line: string } | undefined;
  /** The page's « Source : … » line: who it says published the text. */
  credit?: { name: string; line: string } | undefined;
  removed: Removed[];
  /** Short lines after the text, kept since no rule says they are furniture: the archivist decides. */
  trailing: { line: number; text: string }[];
}

interface Line {
  n: number;
  text: string;
}

/** A paragraph that reads as prose: it ends as a sentence does, or is too long for a headline. */
const isProse = (text: string) => /[.!?…»”]\s*$/u.test(text) || text.length > 200;
/** A line that introduces the text (« … attributable to Spokesperson X: »): the text's own. */
const introduces = (text: string) => /:\s*$/u.test(text) && text.length <= 300;

/** The ISO day of a date-and-time line (`2024-05-20 21:14`, `20/05/2024`), or of words (« 21 mai 2024 »). */
export function postedDay(line: string): string | undefined {
  return figuresDay(line) ?? anyDay(line);
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
  let modified: PageText['modified'];
  let credit: PageText['credit'];

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
    const text = line.text.trim();
    removed.push({ line: line.n, text, why: furnitureNames[kind] });
    const day = postedDay(text);
    if (kind === 'date-time' && posted === undefined && day) posted = { date: day, line: text };
    if (kind === 'modified' && modified === undefined && day) modified = { date: day, line: text };
    if (kind === 'source' && credit === undefined)
      credit = { name: text.replace(/^[^:]*:\s*/u, '').trim(), line: text };
  }
  if (block.length > 0) blocks.push(block);
  const textOf = (b: Line[]) => b.map((l) => l.text).join('\n');

  // A block whose first lines are a headline or a date line above an opening (« headline ⏎
  // 21 mai 2024 ⏎ Le 20 mai 2024, … »), copied without blank lines: those lines are split off.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    let k = 0;
    while (k < b.length - 1) {
      const text = b[k]!.text.trim();
      const next = b[k + 1]!.text.trim();
      const head =
        dateLine(text) !== undefined ||
        (!isProse(text) &&
          !introduces(text) &&
          !/[,;]$/u.test(text) &&
          (dateLine(next) !== undefined || opensWithDay(next)));
      if (!head) break;
      k++;
    }
    if (k > 0) {
      blocks.splice(i, 1, ...b.slice(0, k).map((l) => [l]), b.slice(k));
      i += k;
    }
  }

  // The text starts at the paragraph of prose that gives the date, when only short lines come
  // before it (a headline may give the date too); otherwise at the first paragraph of prose.
  const short = (b: Line[]) => b.length === 1 && !isProse(b[0]!.text);
  let start = blocks.findIndex((b) => anyDay(textOf(b)) !== undefined && !short(b));
  if (start < 0 || !blocks.slice(0, start).every(short)) start = blocks.findIndex((b) => !short(b));
  if (start < 0) start = 0;
  // A line that introduces the text is the text's.
  while (start > 0 && introduces(blocks[start - 1]![0]!.text) && dateLine(blocks[start - 1]![0]!.text) === undefined)
    start--;

  // Above the text: the date line, the headline (given, written twice, or the last line), and
  // what else the page put there.
  const head = blocks.slice(0, start).map((b) => b[0]!);
  const dated = head.filter((line) => dateLine(line.text) !== undefined);
  const words = head.filter((line) => !dated.includes(line));
  const seen = new Map<string, number>();
  for (const line of words) seen.set(spaced(line.text), (seen.get(spaced(line.text)) ?? 0) + 1);
  const title =
    (headline !== undefined && spaced(headline) !== '' ? spaced(headline) : undefined) ??
    [...seen].find(([, count]) => count > 1)?.[0] ??
    (words.length > 0 ? spaced(words.at(-1)!.text) : undefined);
  for (const line of head) {
    const day = dateLine(line.text);
    if (day !== undefined && posted === undefined) posted = { date: day, line: line.text.trim() };
    const why =
      day !== undefined
        ? 'date de la page'
        : spaced(line.text) === title
          ? 'titre de la page'
          : 'ligne au-dessus du texte';
    removed.push({ line: line.n, text: line.text.trim(), why });
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
    modified,
    credit,
    removed,
    trailing: kept.slice(lastProse + 1).map((b) => ({ line: b[0]!.n, text: b[0]!.text.trim() })),
  };
}
