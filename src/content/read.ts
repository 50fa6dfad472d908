/**
 * Reads what authors wrote under the content folder: every entry file of every collection,
 * listed without reading (`listContent`) or read and parsed (`readContent`). A file of a
 * collection is a `ContentFile`, the one shape the validator, the alias table and the build
 * steps outside Astro all work on. YAML is read by `yaml.ts`.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { COUNTRY_NAMES_FILE } from './countries.ts';
import { collections, readoutSchema, type CollectionName } from './schema.ts';
import type { Problem } from './problem.ts';
import { formatBytes, MAX_FILE_BYTES, MAX_YAML_BYTES } from './limits.ts';
import { readText, type Unreadable } from './text-file.ts';
import { parseYaml } from './yaml.ts';
import { yamlErrorField } from './yaml-errors.ts';

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
  /** Set when the file could not be read or parsed: where, and why. */
  unreadable?: Unreadable | undefined;
}

/**
 * The lines `---` that open and close a document's frontmatter, and what lies between: each
 * line exactly `---`, as the fixity's recipe (`sed '1,/^---$/d'`, `docs/data.md`) finds them.
 * Line ends are line feeds only (`text-file.ts` refuses a carriage return).
 */
const FRONTMATTER = /^---\n(?:([\s\S]*?)\n)?---(?:\n|$)/;

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

/** The fields of a document's frontmatter, as the first line of a text would show them by mistake. */
const READOUT_KEYS = new Set(Object.keys(readoutSchema.shape));

/**
 * A line `---` in the middle of the frontmatter closes it early: the fields after it are read
 * as the text, and the document seems to lack them. Said as such, at the line that closes,
 * when the text starts with a field of the frontmatter (`participants:`).
 */
function earlyClose(body: string, bodyLine: number): Unreadable | undefined {
  const first = /^(?:[ \t]*\n)*([A-Za-z][\w-]*):(?:[ \t\n]|$)/.exec(body);
  if (!first || !READOUT_KEYS.has(first[1]!)) return undefined;
  const line = bodyLine + (first[0].match(/\n/g)?.length ?? 0) - (first[0].endsWith('\n') ? 1 : 0);
  return {
    field: `ligne ${bodyLine - 1}`,
    message: `ligne « --- » qui ferme l’en-tête trop tôt : la ligne ${line} (« ${first[1]}: ») est encore un champ de l’en-tête ; supprimez cette ligne « --- » (l’en-tête s’ouvre et se ferme par une seule ligne « --- » chacun)`,
  };
}

/** The files of the content folder that are not entries of a collection. */
export const ROOT_FILES = ['urls.txt', 'redirects.yaml', COUNTRY_NAMES_FILE] as const;

/** A file that may stand in any folder and holds nothing: it keeps an empty folder in git. */
const PLACEHOLDER = '.gitkeep';

/**
 * Why a name is left out of the archive, or nothing: names starting with a dot (hidden files
 * and folders, and so editors' swap files) and editors' backups (`x.md~`, `#x.md#`, `x.bak`).
 * Astro's loader (`loader.ts`) lists files through here too, and the check names each one
 * (« ignoré : … »), never in silence.
 */
export function ignoredName(name: string): string | undefined {
  if (name.startsWith('.')) return 'nom commençant par un point (fichier ou dossier caché)';
  if (name.endsWith('~') || /^#.*#$/.test(name) || /\.(?:bak|orig|swp|swo)$/i.test(name)) {
    return 'copie de sauvegarde d’un éditeur';
  }
  return undefined;
}

/** A path as messages show it: relative to the project, with forward slashes. */
export function displayPath(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

const ALL = Object.keys(collections) as CollectionName[];

type Found = { kind: 'file'; abs: string } | { kind: 'problem'; problem: Problem };

/**
 * Names Windows reserves for devices, whatever their extension (`con.yaml`, `nul.md`, `aux/`):
 * a checkout on Windows cannot hold them, nor can a site built there publish them.
 */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$/i;
/** Characters Windows refuses in a name. */
const NOT_ON_WINDOWS = /[<>:"|?*\\]/;

/**
 * Why a name cannot be held by every system the archive is kept or built on, or nothing: a
 * device name Windows reserves, a character it refuses, a final dot or space it drops.
 */
export function unportableName(name: string): string | undefined {
  if (RESERVED.test(name.split('.')[0]!.trimEnd())) {
    return `nom « ${name} » réservé par Windows (CON, PRN, AUX, NUL, COM0 à COM9, LPT0 à LPT9, quelle que soit l’extension) : attendu un nom qu’une copie de l’archive sous Windows peut porter`;
  }
  const refused = NOT_ON_WINDOWS.exec(name);
  if (refused) {
    return `nom « ${name} » : le caractère « ${refused[0]} » est interdit sous Windows : attendu des lettres, des chiffres et des tirets`;
  }
  if (/[. ]$/.test(name)) {
    return `nom « ${name} » finissant par un point ou une espace, que Windows retire : attendu un nom qui finit par une lettre, un chiffre ou l’extension`;
  }
  return undefined;
}

/** How a case-insensitive file system (Windows, macOS) compares names. */
const foldName = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * Every name under `dir`, sorted, each either a file to read or a problem: a symbolic link
 * (refused: it could publish a file from outside the repository, or lead nowhere), a name
 * left out by `ignoredName` (a warning), a name some systems cannot hold (`unportableName`, or
 * one that differs from another only by case), anything that is neither a file nor a folder.
 */
function walk(root: string, dir: string, top = true): Found[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    // A content folder that does not exist holds nothing; a folder inside it that cannot be read is reported.
    if (top) return [];
    const message = `dossier illisible (${(error as NodeJS.ErrnoException).code ?? 'erreur'}) : attendu un dossier que l’archive peut lire`;
    return [{ kind: 'problem', problem: { severity: 'error', file: displayPath(root, dir), field: '(fichier)', message } }];
  }
  // Names that one folder of Windows or macOS would hold as one: a name in lowercase keeps its
  // place, or else the first in this order; the others are refused.
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  const keeper = new Map<string, string>();
  for (const { name } of entries) {
    const key = foldName(name);
    if (!keeper.has(key) || name === key) keeper.set(key, name);
  }
  return entries.flatMap((d): Found[] => {
    const abs = join(dir, d.name);
    const problem = (severity: Problem['severity'], message: string): Found[] => [
      { kind: 'problem', problem: { severity, file: displayPath(root, abs), field: '(fichier)', message } },
    ];
    if (d.name === PLACEHOLDER && d.isFile()) return [];
    const ignored = ignoredName(d.name);
    if (ignored !== undefined) return problem('warning', `ignoré : ${ignored}`);
    const unportable = unportableName(d.name);
    if (unportable !== undefined) return problem('error', unportable);
    const twin = keeper.get(foldName(d.name))!;
    if (twin !== d.name) {
      return problem(
        'error',
        `« ${d.name} » et « ${twin} » ne diffèrent que par la casse : un système de fichiers qui l’ignore (Windows, macOS) n’en garderait qu’un ; attendu des noms en minuscules, chacun une fois`,
      );
    }
    if (d.isSymbolicLink()) {
      return problem('error', 'lien symbolique refusé : attendu un vrai fichier ou dossier, dans content/');
    }
    if (d.isDirectory()) return walk(root, abs, false);
    if (d.isFile()) return [{ kind: 'file', abs }];
    return problem('error', 'ni fichier ni dossier : attendu un fichier de l’archive');
  });
}

/**
 * Every entry file of the collections asked for (all of them by default), without reading
 * them, and a problem for every other name under the content folder: the folder holds the
 * collections' folders and `ROOT_FILES`, and nothing is skipped without a word.
 */
export function listContent(
  root: string,
  contentDir: string,
  names: readonly CollectionName[] = ALL,
): { files: ContentFile[]; problems: Problem[] } {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  const folders = new Map(ALL.map((name) => [collections[name].folder as string, name]));
  const stray = (abs: string, message: string) =>
    problems.push({ severity: 'error', file: displayPath(root, abs), field: '(fichier)', message });
  const expected = `attendu ${ROOT_FILES.map((f) => `content/${f}`).join(', ')} ou un dossier ${[...folders.keys()].map((f) => `${f}/`).join(', ')}`;
  for (const found of walk(root, contentDir)) {
    if (found.kind === 'problem') {
      problems.push(found.problem);
      continue;
    }
    const parts = relative(contentDir, found.abs).split(sep);
    const [top = '', ...rest] = parts;
    if (rest.length === 0) {
      if (!(ROOT_FILES as readonly string[]).includes(top)) stray(found.abs, `fichier inconnu : ${expected}`);
      continue;
    }
    const collection = folders.get(top);
    if (collection === undefined) {
      // One problem per unknown folder, not one per file in it.
      const folder = join(contentDir, top);
      if (!problems.some((p) => p.file === displayPath(root, folder))) {
        stray(folder, `dossier inconnu, que l’archive ne lit pas : ${expected}`);
      }
      continue;
    }
    const { extension } = collections[collection];
    const base = parts.at(-1)!;
    if (!base.endsWith(extension)) {
      stray(found.abs, `fichier ignoré par l’archive : attendu un fichier ${extension} dans content/${top}/`);
      continue;
    }
    if (names.includes(collection)) {
      files.push({ collection, path: displayPath(root, found.abs), abs: found.abs, id: base.slice(0, -extension.length) });
    }
  }
  return { files, problems };
}

/** How a text of YAML is parsed: `parseYaml`, or a parser that remembers (`yaml-cache.ts`). */
export type YamlParser = (text: string, firstLine?: number) => ReturnType<typeof parseYaml>;

/** Reads and parses one listed file. */
export function readFile(file: ContentFile, yaml: YamlParser = parseYaml): ContentFile {
  const read = readText(file.abs ?? file.path, file.collection === 'readouts' ? MAX_FILE_BYTES : MAX_YAML_BYTES);
  if ('unreadable' in read) return { ...file, unreadable: read.unreadable };
  return parseFile(file, read.text, yaml);
}

/** Parses the text of one listed file: a readout's frontmatter and body, or a record's YAML. */
export function parseFile(file: ContentFile, source: string, yaml: YamlParser = parseYaml): ContentFile {
  if (file.collection !== 'readouts') return { ...file, ...yamlOf(yaml(source)) };
  const parts = splitReadout(source);
  if (!parts) {
    return { ...file, unreadable: { field: '(YAML)', message: 'attendu : un en-tête YAML entre deux lignes « --- »' } };
  }
  const body = { body: parts.body, bodyLine: parts.bodyLine };
  const early = earlyClose(parts.body, parts.bodyLine);
  if (early) return { ...file, ...body, unreadable: early };
  const large = tooLarge(parts.frontmatter, MAX_YAML_BYTES);
  if (large !== undefined) {
    const message = `en-tête YAML trop grand, qui passe ${formatBytes(MAX_YAML_BYTES)} à cette ligne : attendu au plus ${formatBytes(MAX_YAML_BYTES)}`;
    return { ...file, ...body, unreadable: { field: `ligne ${large + 1}`, message } };
  }
  return { ...file, ...yamlOf(yaml(parts.frontmatter, 2)), ...body };
}

/** The line (from 1) where `text`, in UTF-8, passes `maxBytes`, or nothing when it does not. */
function tooLarge(text: string, maxBytes: number): number | undefined {
  if (text.length <= maxBytes / 3 || Buffer.byteLength(text) <= maxBytes) return undefined;
  const bytes = Buffer.from(text);
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < maxBytes; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Parsed YAML as a file holds it: its data, or why it is unreadable. */
function yamlOf(parsed: ReturnType<typeof parseYaml>): Pick<ContentFile, 'data' | 'unreadable'> {
  return parsed.parseError === undefined
    ? { data: parsed.data }
    : { unreadable: { field: yamlErrorField(parsed.parseErrorLine), message: parsed.parseError } };
}

/** Every entry file of the collections asked for, parsed, and a problem for each stray file. */
export function readContent(
  root: string,
  contentDir: string,
  names: readonly CollectionName[] = ALL,
  yaml: YamlParser = parseYaml,
): { files: ContentFile[]; problems: Problem[] } {
  const { files, problems } = listContent(root, contentDir, names);
  return { files: files.map((file) => readFile(file, yaml)), problems };
}
