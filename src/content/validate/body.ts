/**
 * The rules of a document's text: not empty, and text only: no raw HTML of any kind, no
 * image, no link but to the web (http, https), to an e-mail address or to the site itself.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes } from 'mdast';
import type { Problem } from '../problem.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);
/** What every piece of HTML, image, link with a target or link definition contains (see `checkBody`). */
const MAY_HOLD_MARKUP = /<|!\[|\]\(|\]:/;
/** Link targets a document may carry: the web, e-mail, and the site itself (`/…`, `#…`). */
const ALLOWED_TARGET = /^(?:https?:\/\/[^\s/]|mailto:[^\s]|\/(?![/\\])|#)/i;

/**
 * Problems of one document body: empty, raw HTML of any kind, images, links to schemes
 * other than http(s), mailto and the site. The text is parsed as the site renders it
 * (CommonMark and GFM), so code and autolinks are told from tags exactly.
 */
export function checkBody(file: string, body: string, firstLine = 1): Problem[] {
  const problems: Problem[] = [];
  const error = (node: Nodes, message: string) => {
    const line = (node.position?.start.line ?? 1) + firstLine - 1;
    problems.push({ severity: 'error', file, field: `texte, ligne ${line}`, message });
  };
  if (body.trim() === '') {
    problems.push({ severity: 'error', file, field: 'texte', message: 'attendu : le texte du document, non vide' });
    return problems;
  }
  // Raw HTML needs a `<`, an image `![`, a link `](` (its target follows at once) or a
  // definition `]:` (which reference links need): a text with none of them, as most documents
  // are, has nothing to refuse, and is not parsed.
  if (!MAY_HOLD_MARKUP.test(body)) return problems;
  const htmlLines = new Set<number>();
  const visit = (node: Nodes) => {
    if (node.type === 'html') {
      // One problem per line: `<b>` and `</b>` are one piece of HTML.
      const line = node.position?.start.line ?? 0;
      const excerpt = node.value.replace(/\s+/g, ' ').slice(0, 60);
      if (!htmlLines.has(line)) {
        error(node, `HTML interdit (« ${excerpt} ») : un document est du texte, sans balise ni commentaire HTML`);
      }
      htmlLines.add(line);
    } else if (node.type === 'image' || node.type === 'imageReference') {
      error(node, 'image interdite : un document est du texte');
    } else if (node.type === 'link' || node.type === 'definition') {
      if (!ALLOWED_TARGET.test(node.url.trim())) {
        error(
          node,
          `lien refusé vers « ${node.url.slice(0, 60)} » : attendu une adresse http(s)://, mailto: ou une adresse du site commençant par « / »`,
        );
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(markdown.parse(body));
  return problems;
}
