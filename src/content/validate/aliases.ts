/**
 * Names and aliases over the whole archive. A name leads to one record: an alias that two
 * records claim is an error, and so is a name (`name`, a topic's `label`) that another record of
 * its collection bears as its name or as an alias. They are compared in one form, whatever the
 * way they were typed: Unicode's compatibility form (NFKC), without regard to case, with one
 * apostrophe and one space (`nameKey`). An alias found in no document is a warning (a typo, or
 * a name spelt otherwise in the texts). Every document is read once, by the one matcher that
 * also links the names when the site is built (`src/features/markdown/rehype-link-aliases.ts`).
 */
import { declaredAliases, normalizeAlias } from '../aliases.ts';
import { aliasScanner, type AliasScanner } from '../alias-scan.ts';
import type { Problem } from '../problem.ts';
import type { ContentFile } from '../read.ts';
import { isRecordCollection } from '../schema.ts';

/** A name or an alias as names are compared: NFKC, lowercase, one apostrophe, one space. */
export function nameKey(text: string): string {
  return normalizeAlias(text.normalize('NFKC')).toLowerCase();
}

/** The field that holds a record's own name in its collection. */
const NAME_FIELD = { people: 'name', places: 'name', topics: 'label' } as const;

/** A record's name, as its data holds it, or nothing. */
function nameOf(record: ContentFile): string | undefined {
  if (!isRecordCollection(record.collection)) return undefined;
  const data = record.data;
  const value = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[NAME_FIELD[record.collection]] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The problems of the names and aliases of `files`; `scan` finds the aliases in the texts (one
 * without cache by default). `documentsIncomplete`: some document could not be read, and an
 * alias is not said to be in no document.
 */
export function aliasProblems(files: readonly ContentFile[], scan?: AliasScanner, documentsIncomplete = false): Problem[] {
  // A record whose id another already has is refused as such, and not compared again.
  const ids = new Set<string>();
  const records = files.filter((f) => {
    const key = `${f.collection}/${f.id}`;
    if (!isRecordCollection(f.collection) || f.unreadable !== undefined || ids.has(key)) return false;
    ids.add(key);
    return true;
  });
  const problems: Problem[] = [];
  // Who holds each name: aliases over the whole archive, names within their collection.
  const aliasOwner = new Map<string, ContentFile>();
  const nameOwner = new Map<string, { record: ContentFile; as: 'name' | 'alias' }>();
  const inCollection = (record: ContentFile, text: string) => `${record.collection}\u0000${nameKey(text)}`;
  const owner = new Map<string, { record: ContentFile; aliases: string[]; index: number }>();
  for (const record of records) {
    const aliases = declaredAliases(record.data);
    const name = nameOf(record);
    let conflict: { field: string; text: string; message: string } | undefined;
    const claim = (field: string, text: string, message: string) => (conflict ??= { field, text, message });
    if (name !== undefined) {
      const other = nameOwner.get(inCollection(record, name));
      if (other !== undefined && other.record !== record) {
        claim(
          NAME_FIELD[record.collection as keyof typeof NAME_FIELD],
          name,
          `est déjà ${other.as === 'name' ? 'le nom' : 'un alias'} de ${other.record.path} : deux fiches ne portent pas le même nom ; distinguez-les (une précision entre parenthèses, par exemple)`,
        );
      }
    }
    aliases.forEach((alias, index) => {
      const first = aliasOwner.get(nameKey(alias));
      const named = nameOwner.get(inCollection(record, alias));
      const other = first !== undefined && first !== record ? { record: first, as: 'alias' } : named;
      if (other !== undefined && other.record !== record) {
        claim(
          `aliases[${index}]`,
          alias,
          `est déjà ${other.as === 'name' ? 'le nom' : 'un alias'} de ${other.record.path} : un nom ne mène qu’à une fiche`,
        );
      }
    });
    // One problem per record: a copy of a record under another id is one mistake.
    if (conflict !== undefined) {
      problems.push({ severity: 'error', file: record.path, field: conflict.field, message: `« ${conflict.text} » ${conflict.message}` });
    }
    if (name !== undefined && !nameOwner.has(inCollection(record, name))) {
      nameOwner.set(inCollection(record, name), { record, as: 'name' });
    }
    aliases.forEach((alias, index) => {
      if (!aliasOwner.has(nameKey(alias))) aliasOwner.set(nameKey(alias), record);
      if (!nameOwner.has(inCollection(record, alias))) nameOwner.set(inCollection(record, alias), { record, as: 'alias' });
      if (!owner.has(normalizeAlias(alias))) owner.set(normalizeAlias(alias), { record, aliases, index });
    });
  }

  if (documentsIncomplete || files.some((f) => f.collection === 'readouts' && f.unreadable !== undefined)) {
    return problems;
  }
  const scanner =
    scan ??
    aliasScanner(
      records.flatMap((r) =>
        declaredAliases(r.data).map((text) => ({ text, href: '', record: `${r.collection}/${r.id}` })),
      ),
    );
  const found = new Set<string>();
  for (const f of files) {
    if (f.collection !== 'readouts' || f.body === undefined) continue;
    for (const [, , alias] of scanner.matches(f.body)) found.add(normalizeAlias(alias.text));
  }
  for (const [spelled, { record, aliases, index }] of owner) {
    if (found.has(spelled)) continue;
    problems.push({
      severity: 'warning',
      file: record.path,
      field: `aliases[${index}]`,
      message: `« ${aliases[index]} » ne figure dans aucun document : aucun lien n’y mène`,
    });
  }
  return problems;
}
