/**
 * A strict, minimal XML reader for the feeds: it refuses what is not well-formed (unbalanced
 * tags, a bare `&` or `<`, text outside the root) and returns a tree to read. No DTD, no
 * namespaces resolution: element names are kept as written (`atom:link`).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(ENTITY, (whole, name?: string, dec?: string, hex?: string) => {
    if (name) return NAMED[name]!;
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    throw new Error(`XML mal formé : « ${whole} » isolé`);
  });
}

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml\s[^?]*\?>/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const m of body.matchAll(TOKEN)) {
    const [, cdata, closing, name, attrs, selfClosing, text, stray] = m;
    const parent = stack.at(-1);
    if (stray) throw new Error(`XML mal formé : « < » isolé à ${m.index}`);
    if (text !== undefined || cdata !== undefined) {
      const value = cdata ?? decode(text!);
      if (parent) parent.text += value;
      else if (value.trim()) throw new Error('XML mal formé : texte hors de l’élément racine');
      continue;
    }
    if (!name) continue; // a comment
    if (closing) {
      if (stack.pop()?.name !== name) throw new Error(`XML mal formé : </${name}> ne ferme rien`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? '').matchAll(ATTRIBUTE)) attributes[a[1]!] = decode(a[2] ?? a[3] ?? '');
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (parent) parent.children.push(element);
    else if (root) throw new Error('XML mal formé : plusieurs éléments racines');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`XML mal formé : <${stack.at(-1)!.name}> jamais fermé`);
  if (!root) throw new Error('XML vide');
  return root;
}

/** The children of `el` named `name`. */
export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

/** The one child of `el` named `name`; throws when there is none or several. */
export function only(el: XmlElement, name: string): XmlElement {
  const found = childrenNamed(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> a ${found.length} <${name}>, attendu 1`);
  return found[0]!;
}
