/**
 * Links written in a document's text, made safe and base-aware:
 *
 * - a link to the web (`http:`, `https:`) carries `rel="noopener noreferrer"`: the page it
 *   opens gets no handle on the archive and learns nothing of where the reader came from;
 * - a link to the site (`/comptes-rendus/x/`) is written from the site's root by the
 *   author and gets the base path (`/archive/comptes-rendus/x/`) when there is one.
 *
 * The validator (`src/content/validate/index.ts`) has already refused every other kind of target.
 */
import type { Element, Root, RootContent } from 'hast';
import { href as withBase } from '#archive/urls.ts';

export default function rehypeReadoutLinks(options: { base: string }) {
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element' && node.tagName === 'a') rewrite(node, options.base);
    if ('children' in node) node.children.forEach(visit);
  };
  return (tree: Root) => visit(tree);
}

function rewrite(link: Element, base: string): void {
  const target = link.properties['href'];
  if (typeof target !== 'string') return;
  if (/^https?:/i.test(target)) link.properties['rel'] = ['noopener', 'noreferrer'];
  else if (/^\/(?![/\\])/.test(target)) link.properties['href'] = withBase(target, base);
}
