/**
 * Validation of the archive as authors wrote it, before Astro reads it: ids (`ids.ts`), the
 * schemas of `schema.ts` applied to the raw YAML with dates still as written
 * (`schema-issues.ts`), the text of each document (`body.ts`), the rules that span files
 * (`references.ts`), and the aliases (`aliases.ts`). One problem per line, each naming the
 * file, the field and what was expected. `docs/validation.md` lists every rule and its
 * message (a test keeps it in step with the code).
 */
import { collections } from '../schema.ts';
import { isId } from '../ids.ts';
import type { Problem } from '../problem.ts';
import type { ContentFile } from '../read.ts';
import { resolveTimestamps } from '../yaml.ts';
import { yamlErrorField } from '../yaml-errors.ts';
import { checkBody } from './body.ts';
import { furnitureProblems, markerProblems } from './furniture.ts';
import { checkReferences, type RecordIds } from './references.ts';
import { DATE_FIELDS, schemaProblems } from './schema-issues.ts';

/** Validates every file; returns all problems found, errors and warnings. */
export function validateContent(files: readonly ContentFile[]): Problem[] {
  const problems: Problem[] = [];
  const errorIn = (file: string) => (field: string, message: string) =>
    problems.push({ severity: 'error', file, field, message });

  // Ids: well formed, unique per collection whatever folder holds the file.
  const seen = new Map<string, string>();
  for (const f of files) {
    const error = errorIn(f.path);
    if (!isId(f.id)) {
      error(
        '(nom du fichier)',
        `l’identifiant « ${f.id} » doit être en minuscules ASCII, mots séparés par des tirets (comme « wang-yi »)`,
      );
    }
    const key = `${f.collection}/${f.id}`;
    const other = seen.get(key);
    if (other) error('(nom du fichier)', `identifiant « ${f.id} » en double : déjà pris par ${other}`);
    else seen.set(key, f.path);
  }

  // Schemas, on the raw data; every file is checked whole, so one pass reports everything.
  const data = new Map<ContentFile, unknown>();
  for (const f of files) {
    const error = errorIn(f.path);
    if (f.parseError !== undefined) {
      error(yamlErrorField(f.parseErrorLine), f.parseError);
      continue;
    }
    const raw = resolveTimestamps(f.data, DATE_FIELDS[f.collection], error);
    data.set(f, raw);
    // A value `npm run import` left to complete is reported once, as such.
    const marked = markerProblems(raw, error);
    schemaProblems(collections[f.collection].schema, raw, (field, message) => {
      if (!marked.has(field)) error(field, message);
    });
  }

  // Each document's text, and its references to the records.
  const idsOf = (collection: string) => new Set(files.filter((f) => f.collection === collection).map((f) => f.id));
  const records: RecordIds = {
    known: { people: idsOf('people'), places: idsOf('places'), topics: idsOf('topics') },
    used: { people: new Set(), places: new Set(), topics: new Set() },
  };
  for (const f of files.filter((x) => x.collection === 'readouts')) {
    if (!data.has(f)) continue;
    problems.push(...checkBody(f.path, f.body ?? '', f.bodyLine));
    problems.push(...furnitureProblems(f, data.get(f)));
    checkReferences(f, data.get(f), records, errorIn(f.path));
  }

  // A record nobody uses is kept but reported.
  for (const collection of ['people', 'places', 'topics'] as const) {
    for (const id of records.known[collection]) {
      if (!records.used[collection].has(id)) {
        problems.push({
          severity: 'warning',
          file: seen.get(`${collection}/${id}`)!,
          field: '(fiche)',
          message: 'aucun document ne renvoie à cette fiche',
        });
      }
    }
  }
  return problems;
}
