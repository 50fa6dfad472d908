/**
 * The aliases over the whole archive: an alias found in no document is a warning (a typo, or
 * a name spelt otherwise in the texts); an alias that two records claim is an error, since a
 * name must lead to one page. Every document is read once, by the one matcher that also links
 * the names when the site is built (`src/features/markdown/rehype-link-aliases.ts`).
 */
import { declaredAliases, normalizeAlias } from '../aliases.ts';
import { aliasScanner, type AliasScanner } from '../alias-scan.ts';
import type { Problem } from '../problem.ts';
import type { ContentFile } from '../read.ts';
import { isRecordCollection } from '../schema.ts';

/** The problems of the aliases of `files`; `scan` finds them in the texts (one without cache by default). */
export function aliasProblems(files: readonly ContentFile[], scan?: AliasScanner): Problem[] {
  const records = files.filter((f) => isRecordCollection(f.collection));
  const problems: Problem[] = [];
  const owner = new Map<string, { record: ContentFile; aliases: string[]; index: number }>();
  for (const record of records) {
    const aliases = declaredAliases(record.data);
    aliases.forEach((alias, index) => {
      const spelled = normalizeAlias(alias);
      const first = owner.get(spelled);
      if (first === undefined) owner.set(spelled, { record, aliases, index });
      else if (first.record !== record) {
        problems.push({
          severity: 'error',
          file: record.path,
          field: `aliases[${index}]`,
          message: `« ${alias} » est déjà un alias de ${first.record.path} : un nom ne mène qu’à une fiche`,
        });
      }
    });
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
