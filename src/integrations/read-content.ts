/**
 * Reads what authors wrote under the content folder, for the validator: every entry file,
 * `redirects.yaml` and `urls.txt`. YAML is parsed as YAML 1.2 (core schema), where
 * `2024-02-30` stays the text it is instead of rolling over to a date in March. Astro's
 * own parser (YAML 1.1) turns such unquoted dates into `Date`s, so they are marked
 * (`YamlTimestamp`) and the validator decides where a date is welcome.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseDocument, type ScalarTag } from 'yaml';
import { collections, type CollectionName } from '../lib/schema.ts';
import { YamlTimestamp, type Problem, type RawFile } from '../lib/validate.ts';
import { REDIRECTS_FILE, parseRedirects, type Redirect } from '../lib/redirects.ts';
import { MANIFEST_FILE } from '../lib/url-manifest.ts';

const FRONTMATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
/** Files the content folder may hold besides entries. */
const IGNORED = new Set(['.gitkeep']);

/** What YAML 1.1 (and so Astro) reads as a timestamp: `2024-05-20`, `2024-5-20 10:00:00Z`… */
const timestampTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  test: /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/,
  resolve: (text) => new YamlTimestamp(text),
};

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

/**
 * Parses YAML 1.2 (core schema). Duplicate keys are an error, and so is anything the parser
 * only warns about (an unknown tag such as `!!binary`): Astro's parser would read it otherwise.
 */
export function parseYaml(text: string): { data?: unknown; parseError?: string } {
  const doc = parseDocument(text, { schema: 'core', customTags: [timestampTag], uniqueKeys: true, prettyErrors: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) return { parseError: `YAML illisible : ${problem.message.split('\n')[0]?.replace(/:$/, '')}` };
  return { data: doc.toJS() };
}

/** A path as messages show it: relative to the project, with forward slashes. */
export function displayPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** An entry file of a collection: where it is and the id it gives. */
export interface EntryFile {
  collection: CollectionName;
  /** Path relative to the project root, with forward slashes. */
  path: string;
  abs: string;
  id: string;
}

/** Every entry file of every collection, without reading them, and a problem for each stray file. */
export function listContent(root: string, contentDir: string): { entries: EntryFile[]; problems: Problem[] } {
  const entries: EntryFile[] = [];
  const problems: Problem[] = [];
  for (const [name, { folder, extension }] of Object.entries(collections)) {
    const collection = name as CollectionName;
    for (const abs of walk(join(contentDir, folder))) {
      const path = displayPath(root, abs);
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
      entries.push({ collection, path, abs, id: base.slice(0, -extension.length) });
    }
  }
  return { entries, problems };
}

/** Every entry file of every collection, parsed, and a problem for each stray file. */
export function readContent(root: string, contentDir: string): { files: RawFile[]; problems: Problem[] } {
  const { entries, problems } = listContent(root, contentDir);
  const files = entries.map(({ collection, path, abs, id }): RawFile => {
    const source = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
    if (collection !== 'readouts') return { collection, path, id, ...parseYaml(source) };
    const match = FRONTMATTER.exec(source);
    if (!match) return { collection, path, id, parseError: 'attendu : un en-tête YAML entre deux lignes « --- »' };
    return {
      collection,
      path,
      id,
      ...parseYaml(match[1] ?? ''),
      body: source.slice(match[0].length),
      bodyLine: match[0].split('\n').length,
    };
  });
  return { files, problems };
}

/** `content/redirects.yaml`, validated on its own (cross-checks need the content or the output). */
export function readRedirects(
  root: string,
  contentDir: string,
): { file: string; redirects: Redirect[]; problems: Problem[] } {
  const abs = join(contentDir, REDIRECTS_FILE);
  const file = displayPath(root, abs);
  if (!existsSync(abs)) return { file, redirects: [], problems: [] };
  const { data, parseError } = parseYaml(readFileSync(abs, 'utf8'));
  if (parseError !== undefined) {
    return { file, redirects: [], problems: [{ severity: 'error', file, field: '(YAML)', message: parseError }] };
  }
  return { file, ...parseRedirects(file, data) };
}

/** `content/urls.txt` as text, and the name messages give it; empty when there is none. */
export function readManifest(root: string, contentDir: string): { file: string; text: string } {
  const abs = join(contentDir, MANIFEST_FILE);
  return { file: displayPath(root, abs), text: existsSync(abs) ? readFileSync(abs, 'utf8') : '' };
}

/** The content folder of this run: `CONTENT_DIR`, or `content/` under the working directory. */
export function contentDirOf(root: string = process.cwd()): string {
  return resolve(root, process.env.CONTENT_DIR ?? './content');
}
