/**
 * What a copied page leaves in a document's text and what a template leaves unfilled: page
 * furniture (`../furniture.ts`) on a line of its own, the page's headline repeated above the
 * text, the placeholder of `npm run new`, and the values `npm run import` marked « À COMPLÉTER ».
 * Each is refused at its line or field, saying what to do.
 */
import { furnitureNames, furnitureOf, IMPORT_MARKER, SCAFFOLD_PLACEHOLDER } from '../furniture.ts';
import { fieldPath, type Problem, type Report } from '../problem.ts';
import type { ContentFile } from '../read.ts';

/** Problems of a document's text: furniture lines, a repeated headline, the scaffold's placeholder. */
export function furnitureProblems(readout: ContentFile, data: unknown): Problem[] {
  const { path: file, body = '', bodyLine: firstLine = 1 } = readout;
  const title = data !== null && typeof data === 'object' ? (data as { title?: unknown }).title : undefined;
  const problems: Problem[] = [];
  const error = (index: number, message: string) =>
    problems.push({ severity: 'error', file, field: `texte, ligne ${firstLine + index}`, message });
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    const kind = furnitureOf(line);
    if (kind !== undefined) {
      error(
        i,
        `${furnitureNames[kind]} (« ${line.trim()} ») : ce n’est pas le texte du document, supprimez la ligne`,
      );
    } else if (line.includes(SCAFFOLD_PLACEHOLDER)) {
      error(i, `texte d’exemple de « npm run new » (« ${SCAFFOLD_PLACEHOLDER}… ») : remplacez-le par le texte du document`);
    }
  });
  // The page's headline pasted above the text: a first paragraph that is the title itself.
  const first = lines.findIndex((l) => l.trim() !== '');
  const spaced = (text: string) => text.replace(/\s+/gu, ' ').trim();
  const alone = first >= 0 && (lines[first + 1] ?? '').trim() === '';
  if (typeof title === 'string' && alone && spaced(lines[first]!) === spaced(title)) {
    error(first, 'le titre est répété en tête du texte (titre de la page copiée) : supprimez la ligne');
  }
  return problems;
}

/**
 * Reports every value of the frontmatter that `npm run import` left marked « À COMPLÉTER »,
 * and returns their fields, so that the schema does not report them a second time.
 */
export function markerProblems(data: unknown, report: Report): Set<string> {
  const marked = new Set<string>();
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string' && value.trimStart().startsWith(IMPORT_MARKER)) {
      const field = fieldPath(path);
      marked.add(field);
      const what = value.trimStart().slice(IMPORT_MARKER.length).replace(/^\s*:?\s*/u, '');
      report(
        field,
        `valeur laissée à compléter par « npm run import »${what ? ` (${what})` : ''} : remplacez « ${IMPORT_MARKER} » par la valeur`,
      );
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(data, []);
  return marked;
}
