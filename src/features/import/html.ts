/**
 * A saved web page as the text a reader copies from it: the main text only (the element whose
 * paragraphs hold the most text, as readers' modes pick it), one block per paragraph with a
 * blank line between them, entities decoded, runs of white space in the markup read as one
 * space as a browser shows them (a no-break space stays), `<br>` as a line break. Menus, headers,
 * footers, forms, scripts and styles are left out. The page's `<h1>` is its headline. What
 * follows (furniture, headline, paragraphs) is the same as for copied text (`text.ts`).
 */
import { HTMLElement, parse, type Node, TextNode } from 'node-html-parser';
import { furnitureOf } from '#content/furniture.ts';

/** Elements that are never the text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'iframe',
  'svg',
  'figcaption',
  'head',
  'title',
]);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'address',
  'figure',
  'hr',
  'body',
  'center',
]);

const tagOf = (node: Node) => (node instanceof HTMLElement ? (node.rawTagName ?? '').toLowerCase() : '');

function isSkipped(element: HTMLElement): boolean {
  const tag = tagOf(element);
  // A site's header and footer are not the text; an article's own (its headline, its date) may hold it.
  if ((tag === 'header' || tag === 'footer') && element.closest('article, main')) return false;
  if (SKIPPED.has(tag)) return true;
  const hidden = element.getAttribute('hidden') !== undefined || element.getAttribute('aria-hidden') === 'true';
  return hidden || /display\s*:\s*none/i.test(element.getAttribute('style') ?? '');
}

/** The text of an element as a browser lays it out: blocks separated by blank lines. */
function blocksOf(root: HTMLElement): string[] {
  const blocks: string[] = [];
  let current = '';
  let breaks = 0;
  const flush = () => {
    const text = current.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '').replace(/ *\n */g, '\n');
    if (text !== '') blocks.push(text);
    current = '';
    breaks = 0;
  };
  const visit = (node: Node) => {
    if (node instanceof TextNode) {
      const text = node.text.replace(/[ \t\n\r\f]+/g, ' ');
      if (text.trim() !== '') breaks = 0;
      // One space between words, none at the start of a line.
      current += current === '' || current.endsWith('\n') || current.endsWith(' ') ? text.replace(/^ /, '') : text;
      return;
    }
    if (!(node instanceof HTMLElement) || isSkipped(node)) return;
    const tag = tagOf(node);
    if (tag === 'br') {
      // Two line breaks in a row end a paragraph, as they do on the page.
      if (++breaks >= 2) flush();
      else current = `${current.replace(/ $/, '')}\n`;
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    node.childNodes.forEach(visit);
    if (block) flush();
  };
  visit(root);
  flush();
  return blocks;
}

/** How much paragraph text an element holds directly: its own `<p>`s, and its text beside `<br>`s. */
function score(element: HTMLElement): number {
  const children = element.childNodes;
  const breaks = children.filter((c) => tagOf(c) === 'br').length;
  let total = 0;
  for (const child of children) {
    if (child instanceof HTMLElement && tagOf(child) === 'p' && !isSkipped(child)) total += child.text.trim().length;
    else if (child instanceof TextNode && breaks > 1) total += child.text.trim().length;
  }
  return total;
}

/** The element that holds the main text: the one with the most paragraph text of its own. */
function mainElement(document: HTMLElement): HTMLElement {
  let best: { element: HTMLElement; score: number } | undefined;
  const visit = (element: HTMLElement) => {
    if (isSkipped(element)) return;
    const s = score(element);
    if (s > 0 && (best === undefined || s > best.score)) best = { element, score: s };
    for (const child of element.childNodes) if (child instanceof HTMLElement) visit(child);
  };
  visit(document);
  return best?.element ?? document.querySelector('body') ?? document;
}

/** The main text of a saved page, as copied text, and its headline (`<h1>`) if it has one. */
export function htmlText(html: string): { text: string; headline?: string | undefined } {
  const document = parse(html, { comment: false, blockTextElements: { script: false, style: false, pre: true } });
  const main = mainElement(document);
  const h1 = main.querySelector('h1') ?? document.querySelector('main h1, article h1') ?? document.querySelector('h1');
  const headline = h1 ? blocksOf(h1).join(' ') : undefined;
  // The headline sits above the paragraphs, often outside their element: it is put back in
  // front of them, so that the text's reader takes it away as it does a copied headline.
  const blocks = blocksOf(main);
  // The date of posting, too, may sit outside the text's element.
  const posted = blocksOf(document).find((b) => furnitureOf(b) === 'date-time');
  if (posted && !blocks.includes(posted)) blocks.unshift(posted);
  if (headline && !blocks.includes(headline)) blocks.unshift(headline);
  return { text: `${blocks.join('\n\n')}\n`, headline: headline || undefined };
}
