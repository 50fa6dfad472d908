/**
 * Reads every file under the content folder as an author wrote it, for the validator.
 * YAML is parsed as YAML 1.2 (core schema), where `2024-02-30` stays the text it is
 * instead of rolling over to a date in March.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { collections, type CollectionName } from '../lib/schema.ts';
import type { Problem, RawFile } from '../lib/validate.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** Files the content folder may hold besides entries. */
const IGNORED = new Set(['README.md', 'urls.txt', 'redirects.yaml', '.gitkeep']);

function walk(dir: string): string[] {
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return names
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

function parseYaml(text: string): { data?: unknown; parseError?: string } {
  try {
    return { data: parse(text, { schema: 'core', uniqueKeys: true, prettyErrors: true }) };
  } catch (e) {
    return { parseError: `YAML illisible : ${(e as Error).message.split('\n')[0]}` };
  }
}

/** Every entry file of every collection, parsed, and a problem for each stray file. */
export function readContent(root: string, contentDir: string): { files: RawFile[]; problems: Problem[] } {
  const files: RawFile[] = [];
  const problems: Problem[] = [];
  for (const [name, { folder, extension }] of Object.entries(collections)) {
    const collection = name as CollectionName;
    const dir = join(contentDir, folder);
    for (const abs of walk(dir)) {
      const path = relative(root, abs).split(sep).join('/');
      const base = abs.slice(abs.lastIndexOf(sep) + 1);
      if (IGNORED.has(base) || base.startsWith('.')) continue;
      if (!base.endsWith(extension)) {
        problems.push({
          severity: 'error',
          file: path,
          field: '(fichier)',
          message: `fichier ignoré par l’archive : attendu un fichier ${extension} dans content/${folder}/`,
        });
        continue;
      }
      const id = base.slice(0, -extension.length);
      const source = readFileSync(abs, 'utf8');
      if (collection === 'readouts') {
        const match = FRONTMATTER.exec(source);
        if (!match) {
          files.push({
            collection,
            path,
            id,
            data: undefined,
            parseError: 'attendu : un en-tête YAML entre deux lignes « --- »',
          });
          continue;
        }
        files.push({ collection, path, id, ...parseYaml(match[1] ?? ''), body: source.slice(match[0].length) });
      } else {
        files.push({ collection, path, id, ...parseYaml(source) });
      }
    }
  }
  return { files, problems };
}
