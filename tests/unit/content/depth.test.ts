/**
 * How deep a text nests, measured before it is parsed (`src/content/validate/depth.ts`): the
 * measure must not fall short of what Markdown's parser will nest, or a text nested thousands
 * deep would reach the parser and the page's code; and it must let real texts through.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes } from 'mdast';
import { describe, expect, test } from 'vitest';
import { lineDepth, tooDeep } from '#content/validate/depth.ts';
import { checkBody } from '#content/validate/body.ts';
import { MAX_DEPTH } from '#content/limits.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);

/** How deep the parsed text nests: quotes, list items, emphasis of every kind. */
function parsedDepth(node: Nodes): number {
  const own = ['blockquote', 'listItem', 'emphasis', 'strong', 'delete'].includes(node.type) ? 1 : 0;
  return own + ('children' in node ? Math.max(0, ...node.children.map(parsedDepth)) : 0);
}

describe('lineDepth', () => {
  // prettier-ignore
  test.each([
    ['plain text', 'Wang Yi a rencontré son homologue.', 0],
    ['a quote', '> Citation.', 1],
    ['three quotes, spaced or not', '> >> Citation.', 3],
    ['a list item', '- point', 1],
    ['an ordered item', '12. point', 1],
    ['an item nested by indentation', '      - point', 4],
    ['an item in a quote, indented (counted a level more than it may nest)', '>   - point', 3],
    ['items opened on one line', '- - + 1. point', 4],
    ['a thematic break, which is no list', '- - - - - - - - - - - - - - - - - - - -', 0],
    ['a thematic break of stars in a quote', '> * * *', 1],
    ['an indented line of code, with no marker', `${' '.repeat(80)}code`, 0],
    ['a dash that is not a marker', '-2 degrés', 0],
  ])('%s: %i', (_what, line, depth) => {
    expect(lineDepth(line)).toBe(depth);
  });
});

describe('tooDeep', () => {
  const quotes = (n: number) => `${'>'.repeat(n)} Citation.\n`;
  const lists = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- point`).join('\n');
  const emphasis = (n: number) => `${'*a _'.repeat(n / 2)}x${'_ a*'.repeat(n / 2)}\n`;
  const strong = (n: number) => `${'**a __'.repeat(n / 2)}x${'__ a**'.repeat(n / 2)}\n`;

  // prettier-ignore
  test.each([
    ['quotes', quotes],
    ['lists', lists],
    ['emphasis', emphasis],
    ['strong emphasis', strong],
  ])('lets %s nested to the limit through, refuses one level more, and never counts less than the parser nests', (_what, make) => {
    expect(tooDeep(make(MAX_DEPTH), MAX_DEPTH)).toBeUndefined();
    expect(tooDeep(make(MAX_DEPTH + 2), MAX_DEPTH)).toBeDefined();
    expect(parsedDepth(markdown.parse(make(MAX_DEPTH)))).toBeLessThanOrEqual(MAX_DEPTH);
  });

  // prettier-ignore
  test.each([
    ['emphasis side by side, many times', '*a* _b_ ~c~ **d** '.repeat(500)],
    ['stars left open', '*a '.repeat(2000)],
    ['escaped stars', '\\*'.repeat(2000)],
    ['a run of stars in a word', `a${'*'.repeat(40)}b`],
    ['a blank line between what opens and what closes', `${'*a '.repeat(40)}\n\n${'a* '.repeat(40)}`],
  ])('lets %s through', (_what, text) => {
    expect(tooDeep(text, MAX_DEPTH)).toBeUndefined();
  });

  // prettier-ignore
  test.each([
    ['2,000 nested quotes', quotes(2000), 1],
    ['100,000 nested quotes, on one line of 200 KB', quotes(100_000), 1],
    ['5,000 nested list items', lists(5000), MAX_DEPTH + 1],
    ['4,000 levels of emphasis', emphasis(4000), 1],
    ['a run of 1,000 stars around a word (500 levels of strong emphasis)', `${'*'.repeat(1000)}a${'*'.repeat(1000)}`, 1],
  ])('refuses %s, at its line', (_what, text, line) => {
    expect(tooDeep(text, MAX_DEPTH)?.line).toBe(line);
  });
});

describe('a text past the limits', () => {
  test('is refused once, at its line, and not parsed', () => {
    const text = `Premier paragraphe.\n\n${'>'.repeat(5000)} <b>x</b> [lien](javascript:x)\n`;
    expect(checkBody('x.md', text, 13).map((p) => `${p.field}: ${p.message}`)).toEqual([
      'texte, ligne 15: imbrication trop profonde, plus de 16 niveaux de citations « > » et listes les unes dans les autres : attendu au plus 16 niveaux',
    ]);
  });
});
