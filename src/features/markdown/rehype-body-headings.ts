/**
 * Headings in a document's text are the document's own, and sit under the page's heading of
 * the text (`<h2 id="texte">`): the text's outline is kept, one level below it, so the page
 * keeps one `<h1>` (its title). A heading is an `<h3>` when no heading above it in the text
 * is of a higher level, an `<h4>` under one `<h3>`, and so on down to `<h6>`: `##` then `####`
 * give `<h3>` then `<h4>`, never a skipped level. Each
 * gets the id `intertitre-<n>` (n from 1, in the order written), which no id of the page uses:
 * without it, Astro would make an id from the heading's words, and `# p3` would take the
 * third paragraph's anchor, `## Source` the page's own « Source » section.
 *
 *   # Déclaration commune  →  <h3 id="intertitre-1">Déclaration commune</h3>
 *
 * The footnotes' own heading, which remark-rehype writes, is left as configured.
 */
import type { Element, Root, RootContent, ElementContent } from 'hast';

/** The level of the page's heading above the text: body headings start one below it. */
const TEXT_HEADING_LEVEL = 2;
const HEADING = /^h([1-6])$/;

/** The id of the n-th heading of a document's text (1-based). */
export function bodyHeadingId(n: number): string {
  return `intertitre-${n}`;
}

export default function rehypeBodyHeadings() {
  return (tree: Root) => {
    let n = 0;
    /** The levels, as written, of the headings that the next one may fall under. */
    const open: number[] = [];
    const visit = (nodes: (RootContent | ElementContent)[]) => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        if (isFootnotes(node)) continue;
        const written = HEADING.exec(node.tagName)?.[1];
        if (written !== undefined) {
          const level = Number(written);
          while (open.length > 0 && open.at(-1)! >= level) open.pop();
          open.push(level);
          n += 1;
          node.tagName = `h${Math.min(6, TEXT_HEADING_LEVEL + open.length)}`;
          node.properties['id'] = bodyHeadingId(n);
        }
        visit(node.children);
      }
    };
    visit(tree.children);
  };
}

/** The section remark-rehype appends for footnotes (`<section data-footnotes>`). */
function isFootnotes(node: Element): boolean {
  return node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined;
}
