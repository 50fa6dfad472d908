/**
 * French spacing read from the HTML alone, without a browser: a mark French sets off by a space
 * (» › : ; ? ! after a word, « ‹ before one) must keep to its word. The space between them is
 * held either by the text itself (a no-break space, U+00A0 or U+202F) or by the markup (both
 * inside `<span class="nowrap">`, which the style sheet sets `white-space: nowrap`, and the
 * space not inside a `<span class="breakable">`).
 *
 * The browser test (`tests/e2e/typography.test.ts`) shows, at a few widths, that the markup
 * holds as this reading says, and that no mark is glued to the word on its other side (which
 * needs the layout: whether two elements sit on one line is the style sheet's to say); this
 * reading covers every page of every build, at no cost.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';

const CLOSING = /[»›:;?!]/;
const OPENING = /[«‹]/;
const SPACE = /[ \t\n\r\f]/;
const HELD_SPACE = /[\u00a0\u202f]/;
const WORD = /[\p{L}\p{N}]/u;
/** Elements whose text is not prose or not shown. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'title', 'code', 'pre', 'svg', 'head']);
/** Elements laid out as blocks by the browser's defaults: a line never runs from one into another. */
const BLOCKS = new Set(
  'address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p section summary table tbody td tfoot th thead tr ul br'.split(
    ' ',
  ),
);

interface Char {
  c: string;
  /** The block it is laid out in: a neighbour is looked for within it only. */
  block: number;
  /** Whether a line may break at this character, were it a space (`white-space` of its element). */
  held: boolean;
}

function chars(root: HTMLElement): Char[] {
  const out: Char[] = [];
  let block = 0;
  const walk = (node: Node, held: boolean) => {
    if (node.nodeType === 3) {
      for (const c of node.text) out.push({ c, block, held });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (SKIP.has(tag) || el.hasAttribute('hidden')) return;
    const classes = (el.getAttribute('class') ?? '').split(/\s+/);
    const nowHeld = classes.includes('nowrap') ? true : classes.includes('breakable') ? false : held;
    const isBlock = BLOCKS.has(tag);
    if (isBlock) block++;
    for (const child of el.childNodes) walk(child, nowHeld);
    if (isBlock) block++;
  };
  walk(root, false);
  return out;
}

/** Where the HTML lets a French mark part from its word: an excerpt each. */
export function frenchSpacingProblems(html: string): { checked: number; problems: string[] } {
  const all = chars(parse(html, { comment: false }));
  const excerpt = (from: number, to: number) =>
    all
      .slice(Math.max(0, from - 25), to + 25)
      .map((x) => x.c)
      .join('')
      .replace(/\s+/g, ' ');
  const problems: string[] = [];
  let checked = 0;
  all.forEach((x, k) => {
    const closing = CLOSING.test(x.c);
    const opening = OPENING.test(x.c);
    if (!closing && !opening) return;
    const step = closing ? -1 : 1;
    // The run of spaces between the mark and its word, and the word's first character.
    let j = k + step;
    while (
      j >= 0 &&
      j < all.length &&
      all[j]!.block === x.block &&
      (SPACE.test(all[j]!.c) || HELD_SPACE.test(all[j]!.c))
    ) {
      j += step;
    }
    const gap = step < 0 ? all.slice(j + 1, k) : all.slice(k + 1, j);
    if (gap.length > 0 && all[j]?.block === x.block && WORD.test(all[j]!.c)) {
      checked++;
      const breakable = gap.some((g) => SPACE.test(g.c) && !g.held);
      if (breakable) problems.push(`« ${x.c} » may leave its word: …${excerpt(Math.min(j, k), Math.max(j, k))}…`);
    }
  });
  return { checked, problems };
}
