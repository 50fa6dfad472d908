/**
 * French typography at render time, without touching a single character of the archived text.
 *
 * French sets a (narrow) no-break space inside « » and before : ; ? !. The archived documents
 * use ordinary spaces there, and must stay word for word as published. So instead of replacing
 * those spaces, this plugin wraps each guillemet or high punctuation mark together with its
 * neighbouring word in `<span class="nowrap">` (styled `white-space: nowrap`): the line can no
 * longer break at those spaces, and the text content of the page is unchanged.
 *
 *   « la Ceinture et la Route »  →  <span class="nowrap">« la</span> Ceinture et la <span class="nowrap">Route »</span>
 *   a-t-il dit : oui             →  a-t-il <span class="nowrap">dit :</span> oui
 *
 * An inline element inside a group (a link on « la Ceinture et la Route ») is not held whole:
 * only its words next to a held space are. The rest of it goes into a
 * `<span class="breakable">` that may wrap as usual. (Letting the whole element wrap, with
 * `white-space: normal`, is not enough: Chromium then breaks at the element's end, before
 * the held space, and sends » to the next line.)
 *
 *   « [la Ceinture et la Route](/x/) »  →  <span class="nowrap">« <a href="/x/">la<span class="breakable"> Ceinture et la </span>Route</a> »</span>
 *
 * Run it after every plugin that looks for words in the text (alias links, say): it splits
 * text nodes, so a phrase may no longer sit in one node afterwards.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';

/** The class given to the wrapping spans; the stylesheet sets `white-space: nowrap` on it. */
export const NOWRAP_CLASS = 'nowrap';
/** The class of the part of an inline element, inside a held group, that may wrap (`white-space: normal`). */
export const BREAKABLE_CLASS = 'breakable';

/** Marks that must stay on the line of the word before them. */
const CLOSING = /^[»›:;?!]/;
/** Marks that must stay on the line of the word after them. */
const OPENING = /[«‹]$/;
/** Any of the marks above, to leave untouched the nodes that hold none. */
const MARK = /[«‹»›:;?!]/;
/** Runs of breakable white space. No-break spaces (U+00A0, U+202F) already hold the line. */
const SPACE = /([ \t\r\n]+)/;

/** Elements whose text is not prose, or is already laid out: left as they are. */
const SKIP = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'textarea', 'title']);
/** Inline elements that may sit inside a group (`« <em>mot</em> »`). Any other element ends one. */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'i',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/** A piece of a parent's children: a word, a run of spaces, an inline element, or a barrier. */
type Atom =
  | { kind: 'word'; value: string }
  | { kind: 'space'; value: string }
  | { kind: 'inline'; node: ElementContent }
  | { kind: 'barrier'; node: ElementContent };

export default function rehypeFrenchTypography() {
  return (tree: Root) => {
    visit(tree);
  };
}

function visit(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type === 'element' && !SKIP.has(child.tagName) && !isNowrap(child)) visit(child);
  }
  if (parent.children.some((c) => c.type === 'text' && MARK.test(c.value))) {
    parent.children = protect(parent.children as ElementContent[]) as typeof parent.children;
  }
}

/** The children again, with every group that must not break wrapped in a span. */
export function protect(children: ElementContent[]): ElementContent[] {
  const atoms = children.flatMap(toAtoms);
  const glued = atoms.map((atom, i) => atom.kind === 'space' && mustHold(atoms[i - 1], atoms[i + 1]));
  const out: ElementContent[] = [];
  let group: Atom[] = [];
  let holds = false;
  const flush = () => {
    if (holds) {
      // An inline element is held on the side where a held space lies, and free elsewhere.
      const held = group.flatMap((atom, k) => (atom.kind === 'space' ? [k] : []));
      group.forEach((atom, k) => {
        if (atom.kind === 'inline' && atom.node.type === 'element') {
          holdEdges(atom.node, held[0]! < k, held.at(-1)! > k);
        }
      });
      out.push(nowrap(toNodes(group)));
    } else out.push(...toNodes(group));
    group = [];
    holds = false;
  };
  atoms.forEach((atom, i) => {
    if (atom.kind === 'barrier' || (atom.kind === 'space' && !glued[i])) {
      flush();
      out.push(...toNodes([atom]));
    } else {
      group.push(atom);
      holds ||= glued[i] === true;
    }
  });
  flush();
  return out;
}

/**
 * An inline element inside a held group: its first word stays held when `left`, its last word
 * when `right`; what lies between (spaces included) goes into a breakable span. An element
 * without spaces of its own is held whole, and its edge elements are looked into in turn.
 */
function holdEdges(el: Element, left: boolean, right: boolean): void {
  // A group of its own is held whole already.
  if ((!left && !right) || isNowrap(el)) return;
  const atoms = el.children.flatMap(toAtoms);
  const spaces = atoms.flatMap((atom, k) => (atom.kind === 'space' ? [k] : []));
  const first = atoms[0];
  const last = atoms.at(-1);
  if (spaces.length > 0) {
    const start = left ? spaces[0]! : 0;
    const end = right ? spaces.at(-1)! : atoms.length - 1;
    el.children = [
      ...toNodes(atoms.slice(0, start)),
      breakable(toNodes(atoms.slice(start, end + 1))),
      ...toNodes(atoms.slice(end + 1)),
    ] as typeof el.children;
  }
  // The words at the held edges may sit in an element of their own (`<a><em>la</em> …</a>`).
  const edgeOf = (atom: Atom | undefined) =>
    atom?.kind === 'inline' && atom.node.type === 'element' ? atom.node : undefined;
  if (first === last) {
    const only = edgeOf(first);
    if (only && spaces.length === 0) holdEdges(only, left, right);
    return;
  }
  if (left && edgeOf(first)) holdEdges(edgeOf(first)!, true, false);
  if (right && edgeOf(last)) holdEdges(edgeOf(last)!, false, true);
}

function mustHold(before: Atom | undefined, after: Atom | undefined): boolean {
  if (!before || !after || before.kind === 'barrier' || after.kind === 'barrier') return false;
  return (before.kind === 'word' && OPENING.test(before.value)) || (after.kind === 'word' && CLOSING.test(after.value));
}

function toAtoms(node: ElementContent | RootContent): Atom[] {
  if (node.type === 'text') {
    return node.value
      .split(SPACE)
      .filter((part) => part !== '')
      .map((value) => ({ kind: SPACE.test(value) ? 'space' : 'word', value }));
  }
  if (node.type === 'element' && PHRASING.has(node.tagName)) return [{ kind: 'inline', node }];
  return [{ kind: 'barrier', node: node as ElementContent }];
}

/** Atoms back into nodes, adjacent text joined into one text node. */
function toNodes(atoms: Atom[]): ElementContent[] {
  const nodes: ElementContent[] = [];
  for (const atom of atoms) {
    if (atom.kind === 'word' || atom.kind === 'space') {
      const last = nodes.at(-1);
      if (last?.type === 'text') last.value += atom.value;
      else nodes.push({ type: 'text', value: atom.value } satisfies Text);
    } else nodes.push(atom.node);
  }
  return nodes;
}

function nowrap(children: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties: { className: [NOWRAP_CLASS] }, children };
}

function breakable(children: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties: { className: [BREAKABLE_CLASS] }, children };
}

function isNowrap(el: Element): boolean {
  const cls = el.properties['className'];
  return Array.isArray(cls) && cls.includes(NOWRAP_CLASS);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

function toHtml(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) =>
      node.type === 'text'
        ? escapeHtml(node.value)
        : node.type === 'element'
          ? `<span class="${[node.properties['className']].flat().join(' ')}">${toHtml(node.children)}</span>`
          : '',
    )
    .join('');
}

/**
 * A plain text of the interface (a title, a label, a role) as HTML, escaped, with the same
 * spans as a document's text: what `src/components/text/Typeset.astro` prints. Every character of
 * the text is kept.
 */
export function typesetHtml(text: string): string {
  return toHtml(MARK.test(text) ? protect([{ type: 'text', value: text }]) : [{ type: 'text', value: text }]);
}
