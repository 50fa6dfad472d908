/**
 * The rules every text value of every file obeys, whatever its field: the frontmatter of a
 * document, a record, an entry of `redirects.yaml`. They walk the parsed data, every string at
 * every depth, so a field added to the schema is covered without being named here. A field is
 * one line of visible text: it goes into a page title, a feed item, a line of RIS, a BibTeX
 * field, where a line break, a control character or an invisible text would break the format
 * or mislead a reader.
 */
import { codePoint, nfcMessage, notNfc } from '../text-file.ts';
import { fieldPath, type Report } from '../problem.ts';

/** Line breaks: a field is written on one line (YAML's `>` folds a long one). */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/u;
/** Control characters (tab included), surrogates left alone by a `\u` escape, noncharacters. */
const CONTROL = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
/**
 * Bidirectional embeddings, overrides and isolates: they reorder what a reader sees (U+202E
 * shows « abc » as « cba »). The marks U+200E and U+200F, which reorder nothing, are allowed.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
/**
 * What a reader sees: a letter, digit, punctuation or symbol, but those drawn as blanks
 * (Hangul fillers, the blank Braille pattern).
 */
export const VISIBLE = /(?![\u115f\u1160\u3164\uffa0\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/** The problem of one text value, or nothing. */
export function textProblem(value: string): string | undefined {
  // Values are published trimmed (the schemas trim every text), so a YAML block's last line
  // feed is no line break.
  const text = value.trim();
  const lineBreak = LINE_BREAK.exec(text);
  const control = CONTROL.exec(text);
  if (lineBreak) {
    return `retour à la ligne (${codePoint(lineBreak[0])}) : attendu du texte sur une seule ligne`;
  }
  if (control) {
    return `caractère de contrôle ${codePoint(control[0])} : attendu du texte, sans caractère de contrôle`;
  }
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    return `caractère de direction ${codePoint(bidi[0])}, qui réordonne le texte à l’affichage : attendu du texte sans forçage de direction`;
  }
  if (text !== '' && !VISIBLE.test(text)) {
    const first = [...text][0]!;
    return `texte invisible (${codePoint(first)}…) : attendu des lettres, des chiffres ou des signes`;
  }
  // A file is NFC (`text-file.ts`), but an escape between double quotes (`"e\u0301"`) is not.
  const decomposed = notNfc(text);
  if (decomposed) return nfcMessage(decomposed);
  return undefined;
}

/**
 * Reports the problem of every string of `data`, at its field; returns the fields reported, so
 * that other rules say nothing more of them (a value already refused here is not also « not
 * an id » or « not in the text »).
 */
export function textProblems(data: unknown, report: Report): Set<string> {
  const reported = new Set<string>();
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem === undefined) return;
      const field = fieldPath(path) || '(racine)';
      reported.add(field);
      report(field, problem);
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(data, []);
  return reported;
}
