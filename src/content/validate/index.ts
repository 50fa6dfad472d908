/**
 * Validation of the archive as authors wrote it, before Astro reads it: ids (`ids.ts`), the
 * rules of every text value (`text.ts`), the schemas of `schema.ts` applied to the raw YAML
 * with dates still as written (`schema-issues.ts`), the text of each document (`body.ts`), the rules that span files
 * (`references.ts`), and the aliases (`aliases.ts`). One problem per line, each naming the
 * file, the field and what was expected. `docs/validation.md` lists every rule and its
 * message (a test keeps it in step with the code).
 */
import { createHash } from 'node:crypto';
import { collections } from '../schema.ts';
import { isId, MAX_ID_LENGTH } from '../ids.ts';
import type { Problem, Report } from '../problem.ts';
import type { ContentFile } from '../read.ts';
import { resolveTimestamps } from '../yaml.ts';
import { bodyLimitProblem, checkBody, type SiteLinks } from './body.ts';
import { furnitureProblems, markerProblems } from './furniture.ts';
import { checkReferences, type RecordIds } from './references.ts';
import { meetingProblems } from './meetings.ts';
import { DATE_FIELDS, schemaProblems } from './schema-issues.ts';
import { textProblems } from './text.ts';

export interface ValidateOptions {
  /** What the site publishes, for the links of the texts to the site; without it, they are not followed. */
  links?: SiteLinks | undefined;
  /**
   * Some document could not be listed or read (its file is refused, or its folder): which
   * records it names is not known, and no record is then said to be used by none.
   */
  documentsIncomplete?: boolean | undefined;
}

/** Validates every file; returns all problems found, errors and warnings. */
export function validateContent(files: readonly ContentFile[], options: ValidateOptions = {}): Problem[] {
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
    } else if (f.id.length > MAX_ID_LENGTH) {
      error(
        '(nom du fichier)',
        `l’identifiant a ${f.id.length} caractères : au plus ${MAX_ID_LENGTH}, pour que chaque fichier publié ait un nom valide`,
      );
    }
    const key = `${f.collection}/${f.id}`;
    const other = seen.get(key);
    if (other) error('(nom du fichier)', `identifiant « ${f.id} » en double : déjà pris par ${other}`);
    else seen.set(key, f.path);
  }

  // Schemas, on the raw data; every file is checked whole, so one pass reports everything.
  // A value the text rules refuse is reported once, by them.
  const data = new Map<ContentFile, { raw: unknown; error: Report; reported: ReadonlySet<string> }>();
  for (const f of files) {
    const error = errorIn(f.path);
    if (f.unreadable !== undefined) {
      error(f.unreadable.field, f.unreadable.message);
      continue;
    }
    const raw = resolveTimestamps(f.data, DATE_FIELDS[f.collection], error);
    const refused = textProblems(raw, error);
    // A value `npm run import` left to complete is reported once, as such.
    for (const field of markerProblems(raw, error)) refused.add(field);
    const reported = new Set(refused);
    const rest: Report = (field, message) => {
      if (refused.has(field)) return;
      reported.add(field);
      error(field, message);
    };
    data.set(f, { raw, error: rest, reported });
    schemaProblems(collections[f.collection].schema, raw, rest);
  }

  // Each document's text, and its references to the records.
  const idsOf = (collection: string) => new Set(files.filter((f) => f.collection === collection).map((f) => f.id));
  const records: RecordIds = {
    known: { people: idsOf('people'), places: idsOf('places'), topics: idsOf('topics') },
    used: { people: new Set(), places: new Set(), topics: new Set() },
  };
  const texts = new Map<string, ContentFile>();
  const readouts: { file: ContentFile; data: unknown }[] = [];
  for (const f of files.filter((x) => x.collection === 'readouts')) {
    const parsed = data.get(f);
    if (parsed === undefined) continue;
    const body = f.body ?? '';
    problems.push(...checkBody(f.path, body, f.bodyLine, options.links));
    // A text past the limits is reported once, by `checkBody`.
    if (bodyLimitProblem(body) === undefined) problems.push(...furnitureProblems(f, parsed.raw));
    checkReferences(f, parsed.raw, records, parsed.error, parsed.reported);
    readouts.push({ file: f, data: parsed.raw });
    // A text is archived once: a second copy, whatever its folder or metadata, is refused.
    const first = texts.get(body);
    if (first !== undefined && body.trim() !== '') {
      const fixity = createHash('sha256').update(body, 'utf8').digest('hex');
      errorIn(f.path)(
        'texte',
        `même texte que ${first.path} (même empreinte SHA-256 ${fixity.slice(0, 12)}…) : un texte n’est archivé qu’une fois ; supprimez la copie`,
      );
    } else texts.set(body, f);
  }
  // The accounts of one meeting, together.
  problems.push(...meetingProblems(readouts));

  // A record nobody uses is kept but reported, when every document could be read.
  const documentsIncomplete =
    options.documentsIncomplete || files.some((f) => f.collection === 'readouts' && f.unreadable !== undefined);
  for (const collection of documentsIncomplete ? [] : (['people', 'places', 'topics'] as const)) {
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
