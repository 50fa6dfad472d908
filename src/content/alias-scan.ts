/**
 * Where the names of records occur in each readout's text: what the validator needs (which
 * aliases no text contains) and what a readout page's key needs (which names its text links).
 * Reading 10,000 texts through the matcher takes seconds, and most texts and aliases are the
 * same as at the last build, so the matches are kept between builds, by the text's hash, for
 * one alias table (a change of any alias finds every match again).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { compileAliases, type Alias } from './aliases.ts';

/** A name found in a text: where (offsets), and which alias of the table. */
export type Match = [start: number, end: number, alias: Alias];

export interface AliasScanner {
  /** The matches of `text`, leftmost first. */
  matches(text: string): Match[];
  /** Keeps, for the next run, the matches of the texts scanned in this one. */
  save(): void;
}

/** A scanner of texts for the aliases of `table`, remembering its matches in `cacheFile` when given. */
export function aliasScanner(table: readonly Alias[], cacheFile?: string): AliasScanner {
  const matcher = compileAliases(table);
  const aliases = matcher.aliases;
  const index = new Map(aliases.map((alias, i) => [alias, i]));
  const tableKey = createHash('sha1')
    .update(JSON.stringify(aliases.map((a) => [a.text, a.record])))
    .digest('base64url');
  let known: Record<string, [number, number, number][]> = {};
  if (cacheFile) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { table: string; texts: typeof known };
      if (cached.table === tableKey) known = cached.texts;
    } catch {
      // No cache yet: scan every text.
    }
  }
  const used: typeof known = {};
  return {
    matches(text) {
      const key = createHash('sha1').update(text).digest('base64url');
      const found = (used[key] = known[key] ?? matcher.find(text).map((m) => [m.start, m.end, index.get(m.alias)!]));
      return found.map(([start, end, i]) => [start, end, aliases[i]!]);
    },
    save() {
      if (!cacheFile) return;
      mkdirSync(dirname(cacheFile), { recursive: true });
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify({ table: tableKey, texts: used }));
      renameSync(partial, cacheFile);
    },
  };
}
