/**
 * Paragraph anchors: the n-th paragraph of a document's text is `#p<n>`, counting from 1 the
 * top-level paragraphs of the body in the order they are written. A published document's text
 * never changes, so neither do its anchors: `…/comptes-rendus/<id>/#p2` cites the second
 * paragraph for good. Changing this numbering would break every cited paragraph link.
 */

/** The `id` of the n-th paragraph (1-based): `p1`, `p2`, … */
export function paragraphId(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Numéro de paragraphe invalide : ${n}`);
  return `p${n}`;
}

/** The address that cites the n-th paragraph: the document's permanent URL and the anchor. */
export function paragraphUrl(permalink: string, n: number): string {
  return `${permalink.replace(/#.*$/, '')}#${paragraphId(n)}`;
}
