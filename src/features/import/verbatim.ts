/**
 * A readout's text as Markdown that shows exactly its characters. The archive stores Markdown,
 * and a copied text is not: a line starting with `* ` would become a list, `# ` a heading,
 * `*mot*` italics, `&lt;` a `<`, `<script>` markup. Every character Markdown (CommonMark and
 * GFM, as the site renders them) could read as markup is escaped with a backslash, which the
 * page does not show; a line break inside a paragraph becomes a hard line break (a backslash
 * at the end of the line), so the page breaks the line where the source does. What a page
 * cannot show at all, control characters, is taken out and reported.
 */

/** Characters that are markup anywhere in a line: emphasis, code, links, HTML, strikethrough, tables, escapes. */
const INLINE = /[\\`*_[\]<~|]/g;
/** `&amp;`, `&#38;`: an entity Markdown would decode. */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
/** Characters that are markup at the start of a line: headings, quotes, lists, setext underlines. */
const LINE_START = /^([ \t]*)([#>+\-=])/;
/** `1. `, `2024) `: an ordered list's number at the start of a line. */
const ORDERED = /^([ \t]*\d+)([.)])/;

/**
 * An address in the text (`https://…`, `www.…`): GFM links it as it is written, so nothing in it
 * is escaped (an escape would show in the link's text and change its target).
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,:;!?'")\]]/giu;
/** `_` between two letters or digits (`a_b`) is never emphasis; elsewhere it may be. */
const INNER_UNDERSCORE = /(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])/u;

/** Escapes the markup characters of a piece of text that holds no address. */
function escapeText(text: string): string {
  return text
    .replace(INLINE, (c, offset: number) =>
      c === '_' && offset > 0 && INNER_UNDERSCORE.test(text.slice(offset - 1, offset + 2)) ? c : `\\${c}`,
    )
    .replace(ENTITY, '\\&');
}

/** One line of text as Markdown that renders to its characters. */
export function escapeLine(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(ADDRESS)) {
    out += escapeText(line.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  out += escapeText(line.slice(last));
  return out.replace(LINE_START, '$1\\$2').replace(ORDERED, '$1\\$2');
}

/**
 * A paragraph as Markdown: each line escaped, the lines joined by hard line breaks. Spaces at
 * the start of the paragraph go (four would make it code; a page shows none of them).
 */
export function paragraphMarkdown(paragraph: string): string {
  return paragraph
    .replace(/^[ \t]+/, '')
    .split('\n')
    .map(escapeLine)
    .join('\\\n');
}

/** Characters no file of the archive may hold: control characters but tab and line feed, noncharacters. */
const CONTROL = /(?![\t\n])[\p{Cc}\p{Noncharacter_Code_Point}]/gu;

/** `U+001B`. */
export const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text without its control characters, and those it had (each once, in order). */
export function withoutControls(text: string): { text: string; removed: string[] } {
  const removed = new Set<string>();
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROL, (c) => {
    removed.add(codePoint(c));
    return '';
  });
  return { text: clean, removed: [...removed] };
}

/**
 * Text as the terminal may print it (lines and tabs kept): control and invisible formatting characters (an escape
 * sequence, a direction override) shown as their code points, never sent to it.
 */
export function printable(line: string): string {
  return line.replace(/(?![\n\t])[\p{Cc}\p{Cf}]/gu, (c) => `‹${codePoint(c)}›`);
}
