/**
 * Reads what authors wrote under the content folder: every entry file of every collection,
 * listed without reading (`listContent`) or read and parsed (`readContent`). A file of a
 * collection is a `ContentFile`, the one shape the validator, the alias table and the build
 * steps outside Astro all work on. YAML is read by `yaml.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { collections, type CollectionName } from './schema.ts';
import type { Problem } from './problem.ts';
import { parseYaml } from './yaml.ts';

/** A file of a collection: where it is, the id it gives, and once read, what it holds. */
export interface ContentFile {
  collection: CollectionName;
  /** Path relative to the project root, with forward slashes, as messages show it. */
  path: string;
  /** Absolute path, when the file comes from disk. */
  abs?: string | undefined;
  /** The id the entry will have: the file name without its extension. */
  id: string;
  /** Frontmatter (documents) or whole file (records), parsed as YAML 1.2 core. */
  data?: unknown;
  /** Markdown body of a document. */
  body?: string | undefined;
  /** Line of the file where the body starts (1 = first line), for messages. */
  bodyLine?: number | undefined;
  /** Set when the file could not be parsed. */
  parseError?: string | undefined;
  /** The line of the file the parse error is on, when known. */
  parseErrorLine?: number | undefined;
}

/** The lines `---` that open and close a document's frontmatter, and what lies between. */
const FRONTMATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * A document's source cut at its frontmatter: the YAML between the two lines `---`, and the
 * Markdown body, every byte after the closing line (its line feed included).
 */
export function splitReadout(source: string): { frontmatter: string; body: string; bodyLine: number } | undefined {
  const match = FRONTMATTER.exec(source);
  if (!match) return undefined;
  return {
    frontmatter: match[1] ?? '',
    body: source.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
  };
}

/** Files the content folder may hold besides entries. */
const IGNORED = new Set(['.gitkeep']);

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

/** A path as messages show it: relative to the project, with forward slashes. */
export function displayPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

const ALL = Object.keys(collections) as CollectionName[];

/**
 * Every entry file of the collections asked for (all of them by default), without reading
 * them, and a problem for each stray file.
 */
export function listContent(
  root: string,
  contentDir: string,
  names: readonly CollectionName[] = ALL,
): { files: ContentFile[]; problems: Problem[] } {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  for (const collection of names) {
    const { folder, extension } = collections[collection];
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
      files.push({ collection, path, abs, id: base.slice(0, -extension.length) });
    }
  }
  return { files, problems };
}

/** Reads and parses one listed file. */
export function readFile(file: ContentFile): ContentFile {
  const source = readFileSync(file.abs ?? file.path, 'utf8').replace(/^\uFEFF/, '');
  if (file.collection !== 'readouts') return { ...file, ...parseYaml(source) };
  const parts = splitReadout(source);
  if (!parts) return { ...file, parseError: 'attendu : un en-tête YAML entre deux lignes « --- »' };
  return { ...file, ...parseYaml(parts.frontmatter, 2), body: parts.body, bodyLine: parts.bodyLine };
}

/** Every entry file of the collections asked for, parsed, and a problem for each stray file. */
export function readContent(
  root: string,
  contentDir: string,
  names: readonly CollectionName[] = ALL,
): { files: ContentFile[]; problems: Problem[] } {
  const { files, problems } = listContent(root, contentDir, names);
  return { files: files.map(readFile), problems };
}
