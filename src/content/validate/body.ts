/**
 * The rules of a document's text: not empty, and text only: no raw HTML of any kind, no
 * image, no link but to the web (http, https), to an e-mail address or to the site itself, no
 * heading or link without words (the page would show an empty heading, a link nobody can
 * read or click), no footnote that the page would leave out (never called, or written twice).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes } from 'mdast';
import type { Problem } from '../problem.ts';
import { VISIBLE } from './text.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);
/**
 * What every piece of HTML, image, link with a target, link definition or heading contains
 * (see `checkBody`): a `<`, `![`, `](`, `]:`, a `#`, or a line of `=` or `-` under a paragraph.
 */
const MAY_HOLD_MARKUP = /<|!\[|\]\(|\]:|#|^[ \t>*+-]*(?:=+|-{2,})[ \t]*$/m;
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
  // Raw HTML needs a `<`, an image `![`, a link `](` (its target follows at once), a
  // definition `]:` (which reference links and footnotes need) and a heading a `#` or an
  // underline: a text with none of them, as most documents are, has nothing to refuse, and is
  // not parsed.
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
    } else if (node.type === 'heading' && !VISIBLE.test(textOf(node))) {
      // One problem for the heading: what it holds has no words either.
      return error(node, 'intertitre vide : attendu du texte visible après les « # »');
    } else if (node.type === 'link' || node.type === 'definition') {
      if (!ALLOWED_TARGET.test(node.url.trim())) {
        return error(
          node,
          `lien refusé vers « ${node.url.slice(0, 60)} » : attendu une adresse http(s)://, mailto: ou une adresse du site commençant par « / »`,
        );
      }
    }
    if ((node.type === 'link' || node.type === 'linkReference') && !VISIBLE.test(textOf(node))) {
      return error(node, 'lien sans texte visible : attendu des mots entre les crochets, « [mots](adresse) »');
    }
    if ('children' in node) node.children.forEach(visit);
  };
  const tree = markdown.parse(body);
  visit(tree);
  footnoteProblems(tree, error, (node) => (node.position?.start.line ?? 1) + firstLine - 1);
  return problems;
}

/**
 * A footnote's text is published only where the text calls it (`[^1]`), once: a note never
 * called, or a second note under the same label, would be left out of the page in silence.
 */
function footnoteProblems(
  tree: Nodes,
  error: (node: Nodes, message: string) => void,
  lineOf: (node: Nodes) => number,
): void {
  const called = new Set<string>();
  const notes: Extract<Nodes, { type: 'footnoteDefinition' }>[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'footnoteReference') called.add(node.identifier);
    if (node.type === 'footnoteDefinition') notes.push(node);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  const first = new Map<string, Nodes>();
  for (const note of notes) {
    const earlier = first.get(note.identifier);
    if (earlier) {
      error(note, `note « [^${note.label ?? note.identifier}] » déjà écrite ligne ${lineOf(earlier)} : ce texte ne serait pas publié`);
    } else if (!called.has(note.identifier)) {
      error(note, `note « [^${note.label ?? note.identifier}] » jamais appelée dans le texte : son texte ne serait pas publié`);
    }
    first.set(note.identifier, earlier ?? note);
  }
}

/** The words of a node, as a reader sees them: its text and code, at any depth. */
function textOf(node: Nodes): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
