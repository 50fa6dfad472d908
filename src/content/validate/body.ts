/**
 * The rules of a document's text: not empty, not past the limits of size and depth (checked on
 * the text before it is parsed), and text only: no raw HTML of any kind, no image, no link but
 * to the web (http, https), to an e-mail address or to an address the site publishes, no
 * heading, paragraph or link without visible words, no footnote that the page would leave out
 * (never called, or written twice).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root } from 'mdast';
import { MAX_BODY_CHARS, MAX_DEPTH } from '../limits.ts';
import type { Problem } from '../problem.ts';
import { codePoint } from '../text-file.ts';
import { tooDeep } from './depth.ts';
import { VISIBLE } from './text.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);
/**
 * What every piece of HTML, image, link with a target, link definition or heading contains
 * (see `checkBody`): a `<`, `![`, `](`, `]:`, a `#`, or a line of `=` or `-` under a paragraph;
 * and what an invisible paragraph is made of: a character reference (`&#8203;`) or a line of
 * blank characters other than spaces and tabs (U+200B, U+00A0), after its quote or list marks.
 */
const INVISIBLE = String.raw`(?:[\p{Cf}\u115f\u1160\u3164\uffa0\u2800]|[^\S\n \t])`;
const MAY_HOLD_MARKUP = new RegExp(
  String.raw`<|!\[|\]\(|\]:|#|&|^[ \t>*+-]*(?:=+|-{2,})[ \t]*$|^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*${INVISIBLE}(?:${INVISIBLE}|[ \t])*$`,
  'mu',
);
/** Link targets a document may carry: the web, e-mail, and the site itself (`/…`, `#…`). */
const ALLOWED_TARGET = /^(?:https?:\/\/[^\s/]|mailto:[^\s]|\/(?![/\\])|#)/i;

/**
 * What the site publishes, for the links of a text to the site (`/personnes/wang-yi/`,
 * `#p2`, `/comptes-rendus/<id>/#p3`): the check of the content (`src/features/guard/check.ts`)
 * gives the addresses the build will produce.
 */
export interface SiteLinks {
  /** Whether the site publishes `route` (`personnes/wang-yi/`, `''` for the home page); nothing when it cannot be known. */
  published(route: string): boolean | undefined;
  /** How many paragraphs the document published at `route` has; `null` when `route` is no document's page, nothing when not known. */
  paragraphsAt(route: string): number | null | undefined;
}

const lineOfIndex = (text: string, index: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * Why a text cannot be parsed safely, or nothing: longer than `MAX_BODY_CHARS`, or nested
 * deeper than `MAX_DEPTH`; with its line (of the text, from 1).
 */
export function bodyLimitProblem(body: string): { line: number; message: string } | undefined {
  if (body.length > MAX_BODY_CHARS) {
    const limit = MAX_BODY_CHARS.toLocaleString('fr-FR').replace(/\s/g, ' ');
    return {
      line: lineOfIndex(body, MAX_BODY_CHARS),
      message: `texte trop long (${body.length.toLocaleString('fr-FR').replace(/\s/g, ' ')} caractères), qui passe ${limit} caractères à cette ligne : attendu au plus ${limit} caractères`,
    };
  }
  const deep = tooDeep(body, MAX_DEPTH);
  if (deep === undefined) return undefined;
  const what =
    deep.kind === 'blocks'
      ? 'citations « > » et listes les unes dans les autres'
      : 'mises en valeur « * », « _ » ou « ~ » les unes dans les autres';
  return {
    line: deep.line,
    message: `imbrication trop profonde, plus de ${MAX_DEPTH} niveaux de ${what} : attendu au plus ${MAX_DEPTH} niveaux`,
  };
}

/** A text parsed as the site renders it (CommonMark and GFM), or nothing when it is past the limits. */
function parse(body: string): Root | undefined {
  return bodyLimitProblem(body) === undefined ? markdown.parse(body) : undefined;
}

/** The paragraphs a text has, numbered on its page (`#p1`, `#p2`…): its top-level paragraphs. */
function countParagraphs(tree: Root): number {
  return tree.children.filter((node) => node.type === 'paragraph').length;
}

/**
 * How many paragraphs the page of a text numbers (`src/features/markdown/rehype-paragraph-anchors.ts`),
 * or nothing when the text is past the limits and is not parsed.
 */
export function paragraphCount(body: string): number | undefined {
  const tree = parse(body);
  return tree && countParagraphs(tree);
}

/**
 * Problems of one document body: empty, past the limits, raw HTML of any kind, images, links to
 * schemes other than http(s), mailto and the site, links to the site that lead nowhere (given
 * `links`), headings, paragraphs and links without visible words. The text is parsed as the
 * site renders it (CommonMark and GFM), so code and autolinks are told from tags exactly.
 */
export function checkBody(file: string, body: string, firstLine = 1, links?: SiteLinks): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => {
    problems.push({ severity: 'error', file, field: `texte, ligne ${line + firstLine - 1}`, message });
  };
  const error = (node: Nodes, message: string) => at(node.position?.start.line ?? 1, message);
  if (!VISIBLE.test(body)) {
    problems.push({ severity: 'error', file, field: 'texte', message: 'attendu : le texte du document, non vide' });
    return problems;
  }
  const limit = bodyLimitProblem(body);
  if (limit !== undefined) {
    at(limit.line, limit.message);
    return problems;
  }
  // Raw HTML needs a `<`, an image `![`, a link `](` (its target follows at once), a
  // definition `]:` (which reference links and footnotes need) and a heading a `#` or an
  // underline: a text with none of them, and no invisible line, as most documents are, has
  // nothing to refuse, and is not parsed.
  if (!MAY_HOLD_MARKUP.test(body)) return problems;
  const tree = markdown.parse(body);
  const paragraphs = countParagraphs(tree);
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
    } else if (node.type === 'paragraph' && onlyText(node) && !VISIBLE.test(textOf(node))) {
      const first = [...textOf(node)].find((c) => /\S/u.test(c)) ?? textOf(node)[0] ?? ' ';
      return error(node, `paragraphe invisible (${codePoint(first)}…) : attendu des lettres, des chiffres ou des signes`);
    } else if (node.type === 'link' || node.type === 'definition') {
      const url = node.url.trim();
      if (!ALLOWED_TARGET.test(url)) {
        return error(
          node,
          `lien refusé vers « ${node.url.slice(0, 60)} » : attendu une adresse http(s)://, mailto: ou une adresse du site commençant par « / »`,
        );
      }
      const dead = deadLink(url, paragraphs, links);
      if (dead !== undefined) error(node, dead);
    }
    if ((node.type === 'link' || node.type === 'linkReference') && !VISIBLE.test(textOf(node))) {
      return error(node, 'lien sans texte visible : attendu des mots entre les crochets, « [mots](adresse) »');
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  footnoteProblems(tree, error, (node) => (node.position?.start.line ?? 1) + firstLine - 1);
  return problems;
}

/** `#p1` to `#p3`: the anchors of a page of `n` paragraphs, for messages. */
function paragraphRange(n: number): string {
  if (n === 0) return 'une adresse sans ancre (le document n’a pas de paragraphe)';
  return n === 1 ? 'l’ancre de son paragraphe, « #p1 »' : `l’ancre d’un de ses paragraphes, de « #p1 » à « #p${n} »`;
}

/** Whether `anchor` (without `#`) is one of `n` paragraphs' anchors. */
const isParagraph = (anchor: string, n: number) => /^p[1-9]\d*$/.test(anchor) && Number(anchor.slice(1)) <= n;

/**
 * Why a link of a text leads nowhere, or nothing: an anchor the page has not (`#p999`: the
 * anchors of a text are its paragraphs'), an address of the site that the build does not
 * produce (`/personnes/inexistant/`). Links to the web are not followed.
 */
function deadLink(url: string, paragraphs: number, links: SiteLinks | undefined): string | undefined {
  const noAnchor = (expected: string) =>
    `lien vers « ${url.slice(0, 80)} », une ancre que la page n’a pas : attendu ${expected}`;
  if (url.startsWith('#')) {
    return isParagraph(url.slice(1), paragraphs) ? undefined : noAnchor(paragraphRange(paragraphs));
  }
  if (!url.startsWith('/') || links === undefined) return undefined;
  const [, path = '', anchor] = /^([^?#]*)(?:\?[^#]*)?(?:#(.*))?$/s.exec(url) ?? [];
  const route = path.slice(1);
  if (links.published(route) === false) {
    const near = [`${route}/`, route.toLowerCase(), `${route.toLowerCase()}/`, route.replace(/index\.html$/, '')].find(
      (r) => r !== route && links.published(r) === true,
    );
    return `lien vers « ${url.slice(0, 80)} », une adresse que le site ne produit pas : attendu l’adresse d’une page ou d’un fichier du site${near === undefined ? '' : ` ; vouliez-vous dire « /${near} » ?`}`;
  }
  if (anchor === undefined) return undefined;
  const count = links.paragraphsAt(route);
  if (count === undefined || links.published(route) === undefined) return undefined;
  if (count === null) return noAnchor('une adresse sans ancre, ou l’ancre d’un paragraphe d’un document (« #p2 »)');
  return isParagraph(anchor, count) ? undefined : noAnchor(paragraphRange(count));
}

/**
 * Whether a node holds text only, emphasised or not: what else a paragraph may hold (a link, an
 * image, a note's call, code) is seen, or refused, by a rule of its own.
 */
function onlyText(node: Nodes): boolean {
  if (node.type === 'text' || node.type === 'break') return true;
  if (node.type === 'paragraph' || node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete') {
    return node.children.every(onlyText);
  }
  return false;
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
