/**
 * The archive's alias table: every `aliases` entry of the people, topic and place records,
 * with the page it links to. `astro.config.mjs` reads it once from the YAML files (before
 * Astro loads any collection) and hands it to `rehype-link-aliases`; the table is part of
 * the configuration, so changing an alias makes Astro render the documents again.
 *
 * `aliasProblems` reports, over the whole archive, the aliases that no document contains
 * and the aliases claimed by two records; the content guard prints them before the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compileAliases, normalizeAlias, type Alias } from '../lib/aliases.ts';
import { collections } from '../lib/schema.ts';
import { href, routes } from '../lib/urls.ts';
import type { Problem, RawFile } from '../lib/validate.ts';
import { displayPath, parseYaml } from '../integrations/read-content.ts';

/** The collections whose records have pages that a name can link to. */
export const aliasCollections = ['people', 'topics', 'places'] as const;
export type AliasCollection = (typeof aliasCollections)[number];

const pageOf: Record<AliasCollection, (id: string) => string> = {
  people: routes.person,
  topics: routes.topic,
  places: routes.place,
};

/** A record as far as aliases go. */
export interface AliasRecord {
  collection: AliasCollection;
  id: string;
  /** The record's file, relative to the project, for messages. */
  file: string;
  aliases: string[];
}

function isAliasCollection(name: string): name is AliasCollection {
  return (aliasCollections as readonly string[]).includes(name);
}

/** The aliases a raw record declares; anything malformed is the validator's business. */
function declaredAliases(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || !('aliases' in data) || !Array.isArray(data.aliases)) return [];
  return data.aliases.filter((a): a is string => typeof a === 'string');
}

/** The records of raw content files (as `read-content.ts` reads them), in file order. */
export function aliasRecords(files: readonly RawFile[]): AliasRecord[] {
  return files.flatMap((f) =>
    isAliasCollection(f.collection)
      ? [{ collection: f.collection, id: f.id, file: f.path, aliases: declaredAliases(f.data) }]
      : [],
  );
}

/** One entry per alias, linking to the record's page under `base`. */
export function aliasTable(records: readonly AliasRecord[], base: string): Alias[] {
  return records.flatMap((r) =>
    r.aliases.map((text) => ({
      text,
      href: href(pageOf[r.collection](r.id), base),
      record: `${r.collection}/${r.id}`,
    })),
  );
}

function yamlFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.yaml') && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Reads the records' YAML files only (never the documents) and returns the table for `base`. */
export function readAliasTable(contentDir: string, base: string, root: string = process.cwd()): Alias[] {
  const records: AliasRecord[] = [];
  for (const collection of aliasCollections) {
    for (const abs of yamlFiles(join(resolve(root, contentDir), collections[collection].folder))) {
      const id = basename(abs, '.yaml');
      const { data } = parseYaml(readFileSync(abs, 'utf8'));
      records.push({ collection, id, file: displayPath(root, abs), aliases: declaredAliases(data) });
    }
  }
  return aliasTable(records, base);
}

/**
 * Over the whole archive: an alias found in no document is a warning (a typo, or a name
 * spelt otherwise in the texts); an alias that two records claim is an error, since a
 * name must lead to one page. Every document is read once, by the one matcher.
 */
export function aliasProblems(files: readonly RawFile[]): Problem[] {
  const records = aliasRecords(files);
  const problems: Problem[] = [];
  const owner = new Map<string, { record: AliasRecord; index: number }>();
  for (const record of records) {
    record.aliases.forEach((alias, index) => {
      const spelled = normalizeAlias(alias);
      const first = owner.get(spelled);
      if (first === undefined) owner.set(spelled, { record, index });
      else if (first.record !== record) {
        problems.push({
          severity: 'error',
          file: record.file,
          field: `aliases[${index}]`,
          message: `« ${alias} » est déjà un alias de ${first.record.file} : un nom ne mène qu’à une fiche`,
        });
      }
    });
  }

  const matcher = compileAliases(aliasTable(records, '/'));
  const found = new Set<string>();
  for (const f of files) {
    if (f.collection !== 'readouts' || f.body === undefined) continue;
    for (const match of matcher.find(f.body)) found.add(normalizeAlias(match.alias.text));
  }
  for (const [spelled, { record, index }] of owner) {
    if (found.has(spelled)) continue;
    problems.push({
      severity: 'warning',
      file: record.file,
      field: `aliases[${index}]`,
      message: `« ${record.aliases[index]} » ne figure dans aucun document : aucun lien n’y mène`,
    });
  }
  return problems;
}
