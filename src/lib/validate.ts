/**
 * Validation of the archive as authors wrote it, before Astro reads it: the schemas of
 * `schema.ts` applied to the raw YAML (dates still as written), then the rules that span
 * files (references, duplicates, designations found in the text) and the rules of the text
 * itself (no HTML, safe links). One problem per line, each naming the file, the field and
 * what was expected. The README's "Validation rules" lists every message.
 */
import type { z } from 'astro/zod';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes } from 'mdast';
import { calendarDate, collections, SLUG, type CollectionName } from './schema.ts';
import { routes } from './urls.ts';
import type { Collections } from './archive.ts';

export interface RawFile {
  collection: CollectionName;
  /** Path relative to the project root, as shown in messages. */
  path: string;
  /** The id the entry will have: the file name without its extension. */
  id: string;
  /** Frontmatter (documents) or whole file (records), parsed as YAML 1.2 core. */
  data?: unknown;
  /** Markdown body of a document. */
  body?: string | undefined;
  /** Line of the file where the body starts (1 = first line), for messages. */
  bodyLine?: number | undefined;
  /** Set when the YAML could not be parsed. */
  parseError?: string | undefined;
}

export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  field: string;
  message: string;
}

/**
 * A plain YAML value that YAML 1.1, and so Astro's parser, reads as a date (`2024-05-20`,
 * `2024-05-20 10:00:00`). Welcome where a date is expected (it is then checked as text),
 * refused anywhere else: Astro would hand the page a `Date` instead of the text written.
 */
export class YamlTimestamp {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** `erreur content/x.md: participants[0].person: « x » n’existe pas dans content/people/` */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'error' ? 'erreur' : 'avertissement';
  return `${tag} ${p.file}: ${p.field}: ${p.message}`;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

type Report = (field: string, message: string) => void;

/**
 * Replaces each `YamlTimestamp` by its text. Where `isDateField(field)` says a date belongs,
 * that is all; elsewhere the value is reported, since Astro would read it as a date.
 */
export function resolveTimestamps(data: unknown, isDateField: (field: string) => boolean, report: Report): unknown {
  const visit = (value: unknown, path: PropertyKey[]): unknown => {
    if (value instanceof YamlTimestamp) {
      const field = fieldPath(path);
      if (!isDateField(field)) {
        report(field, `« ${value.text} » serait lu comme une date : attendu du texte, écrit entre guillemets`);
      }
      return value.text;
    }
    if (Array.isArray(value)) return value.map((v, i) => visit(v, [...path, i]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, [...path, k])]));
    }
    return value;
  };
  return visit(data, []);
}

type SchemaNode = { _zod: { def: Record<string, unknown> } };

/**
 * The fields of a schema that hold a calendar day (`calendarDate`), as paths with `[]` for
 * list items: `date`, `source.retrieved`. Read from the schema, so a new date field is known.
 */
export function dateFields(schema: z.ZodType): (field: string) => boolean {
  const found = new Set<string>();
  const visit = (node: SchemaNode, path: string): void => {
    if (node === (calendarDate as unknown)) {
      found.add(path);
      return;
    }
    const def = node._zod.def;
    if (def['innerType']) return visit(def['innerType'] as SchemaNode, path);
    if (def['type'] === 'array') return visit(def['element'] as SchemaNode, `${path}[]`);
    if (def['type'] === 'union') return (def['options'] as SchemaNode[]).forEach((o) => visit(o, path));
    if (def['type'] === 'object') {
      for (const [key, value] of Object.entries(def['shape'] as Record<string, SchemaNode>)) {
        visit(value, path ? `${path}.${key}` : key);
      }
    }
  };
  visit(schema as unknown as SchemaNode, '');
  return (field) => found.has(field.replace(/\[\d+\]/g, '[]'));
}

const DATE_FIELDS = Object.fromEntries(
  Object.entries(collections).map(([name, { schema }]) => [name, dateFields(schema)]),
) as Record<CollectionName, (field: string) => boolean>;

/** The keys a strict object accepts at `path` of `schema`, for the message about an unknown key. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: SchemaNode = schema as never;
  const unwrap = () => {
    for (;;) {
      const def = node._zod.def;
      if (def['innerType']) node = def['innerType'] as typeof node;
      else if (def['type'] === 'union') {
        const options = def['options'] as (typeof node)[];
        node = options.find((o) => o._zod.def['type'] === 'object') ?? options[0]!;
        if (node._zod.def['type'] !== 'object') return;
      } else return;
    }
  };
  for (const key of path) {
    unwrap();
    const def = node._zod.def;
    if (typeof key === 'number' && def['type'] === 'array') node = def['element'] as typeof node;
    else if (def['type'] === 'object') node = (def['shape'] as Record<string, typeof node>)[String(key)] ?? node;
  }
  unwrap();
  const shape = node._zod.def['shape'] as Record<string, unknown> | undefined;
  return shape ? Object.keys(shape) : [];
}

const TYPE_NAMES: Record<string, string> = {
  object: 'des champs « clé: valeur »',
  array: 'une liste',
  string: 'du texte',
  number: 'un nombre',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Schema issues as problems: one per issue, in French, an unknown key listing the accepted ones. */
export function schemaProblems(schema: z.ZodType, data: unknown, report: Report): boolean {
  const result = schema.safeParse(data ?? {});
  if (result.success) return true;
  const visit = (issue: z.core.$ZodIssue, prefix: PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    const field = fieldPath(path) || '(racine)';
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path).join(', ');
      for (const key of issue.keys) {
        report(fieldPath([...path, key]), `clé inconnue : le schéma n’a pas ce champ (champs permis : ${allowed})`);
      }
      return;
    }
    if (issue.code === 'invalid_union') {
      // Keep the branch that matches the kind of value written (an id, or an object).
      const branches = issue.errors.filter((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (branches.length === 1) return branches[0]!.forEach((i) => visit(i, path));
      if (issue.message === 'Invalid input') {
        return report(field, 'attendu : un identifiant (texte), ou des champs « clé: valeur »');
      }
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
      message = `attendu : ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    }
    if (valueAt(data, path) === undefined) message = `champ obligatoire absent (${message})`;
    report(field, message);
  };
  for (const issue of result.error.issues) visit(issue, []);
  return false;
}

const markdown = unified().use(remarkParse).use(remarkGfm);
/** What every piece of HTML, image, link with a target or link definition contains (see `checkBody`). */
const MAY_HOLD_MARKUP = /<|!\[|\]\(|\]:/;
/** Link targets a document may carry: the web, e-mail, and the site itself (`/…`, `#…`). */
const ALLOWED_TARGET = /^(?:https?:\/\/[^\s/]|mailto:[^\s]|\/(?![/\\])|#)/i;

/**
 * Problems of one document body: empty, raw HTML of any kind, images, links to schemes
 * other than http(s), mailto and the site. The text is parsed as the site renders it
 * (CommonMark and GFM), so code and autolinks are told from tags exactly.
 */
export function checkBody(file: string, body: string, firstLine = 1): Problem[] {
  const problems: Problem[] = [];
  const error = (node: Nodes, message: string) => {
    const line = (node.position?.start.line ?? 1) + firstLine - 1;
    problems.push({ severity: 'error', file, field: `texte, ligne ${line}`, message });
  };
  if (body.trim() === '') {
    problems.push({ severity: 'error', file, field: 'texte', message: 'attendu : le texte du document, non vide' });
    return problems;
  }
  // Raw HTML needs a `<`, an image `![`, a link `](` (its target follows at once) or a
  // definition `]:` (which reference links need): a text with none of them, as most documents
  // are, has nothing to refuse, and is not parsed.
  if (!MAY_HOLD_MARKUP.test(body)) return problems;
  const htmlLines = new Set<number>();
  const visit = (node: Nodes) => {
    if (node.type === 'html') {
      // One problem per line: `<b>` and `</b>` are one piece of HTML.
      const line = node.position?.start.line ?? 0;
      const excerpt = node.value.replace(/\s+/g, ' ').slice(0, 60);
      if (!htmlLines.has(line)) {
        error(node, `HTML interdit (« ${excerpt} ») : un document est du texte, sans balise ni commentaire HTML`);
      }
      htmlLines.add(line);
    } else if (node.type === 'image' || node.type === 'imageReference') {
      error(node, 'image interdite : un document est du texte');
    } else if (node.type === 'link' || node.type === 'definition') {
      if (!ALLOWED_TARGET.test(node.url.trim())) {
        error(
          node,
          `lien refusé vers « ${node.url.slice(0, 60)} » : attendu une adresse http(s)://, mailto: ou une adresse du site commençant par « / »`,
        );
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(markdown.parse(body));
  return problems;
}

/** A slug string, or nothing (a value the schema already refused). */
const slugAt = (value: unknown): string | undefined =>
  typeof value === 'string' && SLUG.test(value) ? value : undefined;
const listAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const recordAt = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Validates every file; returns all problems found, errors and warnings. */
export function validateContent(files: readonly RawFile[]): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, field: string, message: string) =>
    problems.push({ severity: 'error', file, field, message });

  // Ids: slugs, unique per collection whatever folder holds the file.
  const seen = new Map<string, string>();
  for (const f of files) {
    if (!SLUG.test(f.id)) {
      error(
        f.path,
        '(nom du fichier)',
        `l’identifiant « ${f.id} » doit être en minuscules ASCII, mots séparés par des tirets (comme « wang-yi »)`,
      );
    }
    const key = `${f.collection}/${f.id}`;
    const other = seen.get(key);
    if (other) error(f.path, '(nom du fichier)', `identifiant « ${f.id} » en double : déjà pris par ${other}`);
    else seen.set(key, f.path);
  }

  // Schemas, on the raw data; every file is checked whole, so one pass reports everything.
  const data = new Map<RawFile, unknown>();
  for (const f of files) {
    if (f.parseError !== undefined) {
      error(f.path, '(YAML)', f.parseError);
      continue;
    }
    const report = (field: string, message: string) => error(f.path, field, message);
    const raw = resolveTimestamps(f.data, DATE_FIELDS[f.collection], report);
    data.set(f, raw);
    schemaProblems(collections[f.collection].schema, raw, report);
  }

  // Rules across files, on whatever the document holds that has the right shape.
  const ids = {
    people: new Set(files.filter((f) => f.collection === 'people').map((f) => f.id)),
    places: new Set(files.filter((f) => f.collection === 'places').map((f) => f.id)),
    topics: new Set(files.filter((f) => f.collection === 'topics').map((f) => f.id)),
  };
  const used = { people: new Set<string>(), places: new Set<string>(), topics: new Set<string>() };
  for (const f of files.filter((x) => x.collection === 'readouts')) {
    if (!data.has(f)) continue;
    problems.push(...checkBody(f.path, f.body ?? '', f.bodyLine));
    const doc = recordAt(data.get(f));
    const body = f.body ?? '';
    const ref = (collection: 'people' | 'places' | 'topics', value: unknown, field: string) => {
      const id = slugAt(value);
      if (id === undefined) return undefined;
      used[collection].add(id);
      if (!ids[collection].has(id)) {
        const folder = `content/${collections[collection].folder}/`;
        error(f.path, field, `« ${id} » n’existe pas : attendu l’identifiant d’une fiche de ${folder}`);
      }
      return id;
    };
    const designated = (value: unknown, field: string) => {
      if (typeof value === 'string' && value.trim() !== '' && !body.includes(value)) {
        error(f.path, field, `« ${value} » ne figure pas dans le texte : attendu les mots exacts du document`);
      }
    };

    const date = typeof doc['date'] === 'string' ? doc['date'] : undefined;
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !f.id.startsWith(`${date}-`)) {
      error(f.path, '(nom du fichier)', `l’identifiant doit commencer par la date du document : « ${date}-… »`);
    }
    ref('places', doc['place'], 'place');

    // A person appears once: as a participant or as a mention, never both, never twice.
    const people = new Map<string, { field: string; participant: boolean }>();
    const person = (value: unknown, field: string, participant: boolean) => {
      const id = ref('people', value, field);
      if (id === undefined) return;
      const first = people.get(id);
      if (!first) people.set(id, { field, participant });
      else if (first.participant && !participant) {
        error(
          f.path,
          field,
          `« ${id} » participe déjà (${first.field}) : une personne mentionnée n’est pas participante`,
        );
      } else {
        error(f.path, field, `« ${id} » figure déjà en ${first.field} : une personne n’apparaît qu’une fois`);
      }
    };
    listAt(doc['participants']).forEach((p, i) => {
      const field = `participants[${i}]`;
      person(recordAt(p)['person'], `${field}.person`, true);
      designated(recordAt(p)['designation'], `${field}.designation`);
    });
    listAt(doc['mentions']).forEach((m, i) => {
      const field = `mentions[${i}]`;
      if (typeof m === 'string') return person(m, field, false);
      person(recordAt(m)['person'], `${field}.person`, false);
      designated(recordAt(m)['designation'], `${field}.designation`);
    });
    const topics = new Map<string, string>();
    listAt(doc['topics']).forEach((value, i) => {
      const field = `topics[${i}]`;
      const id = ref('topics', value, field);
      if (id === undefined) return;
      const first = topics.get(id);
      if (first) error(f.path, field, `thème « ${id} » en double : déjà en ${first}`);
      else topics.set(id, field);
    });
  }

  // A record nobody uses is kept but reported.
  for (const collection of ['people', 'places', 'topics'] as const) {
    for (const id of ids[collection]) {
      if (!used[collection].has(id)) {
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

/**
 * The entries of validated files as Astro's collections hold them (the same schemas, dates
 * as `YYYY-MM-DD`), for the build steps that run outside Astro (`document-files.ts`). Throws
 * on a file that `validateContent` would refuse: callers run it on checked content only.
 */
export function parseEntries(files: readonly RawFile[]): Collections {
  const out: Collections = { readouts: [], people: [], topics: [], places: [] };
  for (const f of files) {
    const report = (field: string, message: string) => {
      throw new Error(`${f.path} : ${field} : ${message}`);
    };
    if (f.parseError !== undefined) report('(YAML)', f.parseError);
    const data = collections[f.collection].schema.parse(resolveTimestamps(f.data, DATE_FIELDS[f.collection], report));
    (out[f.collection] as { id: string; data: unknown; filePath: string }[]).push({ id: f.id, data, filePath: f.path });
  }
  return out;
}

/** The page route of every entry, as `src/lib/urls.ts` makes it: what the content promises to produce. */
export function contentRoutes(files: readonly RawFile[]): Set<string> {
  const route = { readouts: routes.readout, people: routes.person, places: routes.place, topics: routes.topic };
  return new Set(files.filter((f) => SLUG.test(f.id)).map((f) => route[f.collection](f.id)));
}

const contentPages = [routes.readout, routes.person, routes.topic, routes.place].map((route) =>
  route('x').slice(0, -2),
);

/** Whether a route has the shape of a document or record page (`personnes/<id>/`), existing or not. */
export function isContentRoute(route: string): boolean {
  return contentPages.some((prefix) => route.startsWith(prefix) && /^[^/]+\/$/.test(route.slice(prefix.length)));
}
