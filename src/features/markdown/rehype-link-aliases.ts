/**
 * Links the names in a document's text to the pages of their records: the first time a
 * person, topic or place is named in the document, its name becomes a link; later mentions
 * stay plain, so that a text meant to be read word for word does not read as edited (the page
 * styles these links as the archive's additions and says so). The link only wraps words that
 * are already there, so the text content of every paragraph is the archived text, character
 * for character.
 *
 *   <p>… Wang Yi a rencontré …</p>  →  <p>… <a href="/personnes/wang-yi/" class="record-link">Wang Yi</a> a rencontré …</p>
 *
 * The aliases come from `alias-table.ts` through the options, already carrying their links
 * (base path included); they are compiled once into one matcher and every text node is read
 * once. Text inside a link, code or preformatted block is left alone: no link inside a link.
 * Run it before any plugin that splits text nodes (French typography): a name is found only
 * within one text node.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { compileAliases, segmentText, type Alias, type AliasMatcher } from '#content/aliases.ts';

export interface Options {
  /** The alias table of the archive (`aliasTable`). */
  aliases: readonly Alias[];
}

/** The class of the links this plugin adds. */
export const RECORD_LINK_CLASS = 'record-link';

/** Elements whose text is never linked. */
const SKIP = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'textarea', 'button']);
export default function rehypeLinkAliases(options: Options) {
  const matcher = compileAliases(options.aliases);
  return (tree: Root) => {
    // One set for the whole text: each record is linked at its first mention in the document.
    visit(tree, matcher, new Set());
  };
}

function visit(parent: Root | Element, matcher: AliasMatcher, linked: Set<string>): void {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') children.push(...link(child, matcher, linked));
    else {
      if (child.type === 'element' && !SKIP.has(child.tagName)) {
        visit(child, matcher, linked);
      }
      children.push(child);
    }
  }
  parent.children = children as typeof parent.children;
}

function link(node: Text, matcher: AliasMatcher, linked: Set<string>): ElementContent[] {
  const segments = segmentText(node.value, matcher, linked);
  if (segments.every((s) => typeof s === 'string')) return [node];
  return segments.map((s) => (typeof s === 'string' ? { type: 'text', value: s } : anchor(s.text, s.alias)));
}

function anchor(text: string, alias: Alias): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: alias.href, className: [RECORD_LINK_CLASS] },
    children: [{ type: 'text', value: text }],
  };
}
