/**
 * Gives every top-level paragraph of a document's body a stable anchor (`id="p1"`, `p2`, …; see
 * `src/archive/paragraphs.ts`) and a link to itself, so that a reader can cite one paragraph.
 *
 *   <p>Le 20 mai…</p>  →  <p id="p1">Le 20 mai…<a href="#p1" class="paragraph-link" aria-label="Lien vers le paragraphe 1"></a></p>
 *
 * The link holds no text: its visible mark (¶) comes from the stylesheet and its accessible
 * name from `aria-label`, so the paragraph's text content stays the archived text, word for
 * word. It is a real link, reachable with the keyboard, and needs no JavaScript.
 */
import type { Element, Root } from 'hast';
import { t } from '#i18n/index.ts';
import { paragraphId } from '#archive/paragraphs.ts';

/** The class of the self-links; the document page styles it. */
export const PARAGRAPH_LINK_CLASS = 'paragraph-link';

export default function rehypeParagraphAnchors() {
  return (tree: Root) => {
    let n = 0;
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      n += 1;
      const id = paragraphId(n);
      node.properties['id'] = id;
      node.children.push(selfLink(id, n));
    }
  };
}

function selfLink(id: string, n: number): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      href: `#${id}`,
      className: [PARAGRAPH_LINK_CLASS],
      ariaLabel: t('paragraph.link', { n }),
    },
    children: [],
  };
}
