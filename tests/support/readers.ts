/**
 * Real readers of what the build publishes, each throwing with a reason when a file is not what
 * its format promises: XML 1.0 (saxes, which checks every character and token), BibTeX (the
 * parser behind Better BibTeX for Zotero, which reads LaTeX as TeX would) and RIS (its
 * specification is lines of `TAG  - value`, which this reads strictly). The checks hold for any
 * correct writer: they ask for one well-formed record whose title keeps the document's words,
 * never for one writer's spelling.
 */
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { SaxesParser } from 'saxes';

/** Throws unless `xml` is well-formed XML 1.0. */
export function readXml(xml: string): void {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw new Error(`XML mal formé : ${error.message}`);
}

/**
 * The letters and digits of a text, in order: what no escaping may take away. Lower case: case
 * is a matter of style in BibTeX, whose readers may change it.
 */
const words = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Whether every letter and digit of `expected` is found in `found`, in order (escapes may add some). */
function keepsWords(found: string, expected: string): boolean {
  const have = [...words(found)];
  let i = 0;
  for (const char of words(expected)) {
    while (i < have.length && have[i] !== char) i++;
    if (i === have.length) return false;
    i++;
  }
  return true;
}

/**
 * Throws unless `bib` is one BibTeX entry, read without error, whose braces balance as BibTeX
 * counts them (every brace, escaped or not) and close with the entry, and whose title keeps the
 * words of `title` (a value that ends a field early loses some).
 */
export function readBibtexEntry(bib: string, title: string): void {
  let depth = 0;
  let closedAt = -1;
  for (let i = 0; i < bib.length && closedAt < 0; i++) {
    if (bib[i] === '{') depth++;
    else if (bib[i] === '}' && --depth === 0) closedAt = i;
    if (depth < 0) throw new Error(`BibTeX : « } » sans « { » à la position ${i}`);
  }
  if (closedAt < 0) throw new Error('BibTeX : l’entrée ne se ferme pas');
  if (bib.slice(closedAt + 1).trim() !== '') throw new Error('BibTeX : du texte suit l’entrée');
  const { entries, errors } = parseBibtex(bib);
  if (errors.length > 0) throw new Error(`BibTeX illisible : ${JSON.stringify(errors[0])}`);
  if (entries.length !== 1) throw new Error(`BibTeX : ${entries.length} entrées, attendu 1`);
  const read = String(entries[0]!.fields['title'] ?? '');
  if (!keepsWords(read, title)) throw new Error(`BibTeX : le titre lu « ${read} » perd des mots de « ${title} »`);
}

/** A line of RIS: a tag of two characters, two spaces, a hyphen, a space, then the value. */
const RIS_LINE = /^([A-Z][A-Z0-9])  - (.*)$/;

/**
 * Throws unless `ris` is one RIS record: lines of a tag and its value (a line without a tag
 * continues the value above, as reference managers read it), `TY` first, `ER` last and only
 * there, and a title (`TI` or `T1`) that keeps the words of `title`.
 */
export function readRisRecord(ris: string, title: string): void {
  const lines = ris.replace(/\r?\n$/, '').split(/\r?\n/);
  const tags: { tag: string; value: string }[] = [];
  lines.forEach((line, i) => {
    const match = RIS_LINE.exec(line) ?? (line === 'ER  -' ? ['', 'ER', ''] : null);
    if (match) tags.push({ tag: match[1]!, value: match[2]! });
    else if (tags.length > 0 && line.trim() !== '') tags.at(-1)!.value += ` ${line}`;
    else throw new Error(`RIS : ligne ${i + 1} sans étiquette : « ${line} »`);
  });
  if (tags[0]?.tag !== 'TY') throw new Error('RIS : attendu TY en première ligne');
  if (tags.at(-1)?.tag !== 'ER') throw new Error('RIS : attendu ER en dernière ligne');
  const count = (tag: string) => tags.filter((t) => t.tag === tag).length;
  if (count('TY') !== 1 || count('ER') !== 1)
    throw new Error(`RIS : ${count('TY')} TY et ${count('ER')} ER, attendu 1`);
  const read = tags
    .filter((t) => t.tag === 'TI' || t.tag === 'T1')
    .map((t) => t.value)
    .join(' ');
  if (!keepsWords(read, title)) throw new Error(`RIS : le titre lu « ${read} » perd des mots de « ${title} »`);
}
