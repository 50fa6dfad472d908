/**
 * Validation of the archive as authors wrote it, before Astro reads it: the schemas of
 * `schema.ts` applied to the raw YAML (dates still as written), then the rules that span
 * files (references, duplicates, designations found in the text). One problem per line,
 * each naming the file, the field and what was expected.
 */
import { collections, SLUG, type CollectionName } from './schema.ts';
import { normalizeMentions } from './archive.ts';

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
  /** Set when the YAML could not be parsed. */
  parseError?: string | undefined;
}

export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  field: string;
  message: string;
}

/** `content/x.md: participants[0].person: « x » n’existe pas dans content/people/` */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'error' ? 'erreur' : 'avertissement';
  return `${tag} ${p.file}: ${p.field}: ${p.message}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** Raw HTML in a document body: any tag, comment or doctype. Documents are text. */
const HTML_TAG = /<\/?[a-zA-Z][^>]*>|<!--|<!\w/;
/** Inline Markdown links and images, and reference definitions: their targets. */
const LINK_TARGETS = [
  /\]\(\s*<?([^)\s>]+)/g,
  /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm,
  /<((?:[a-z][a-z0-9+.-]*):[^>\s]*)>/gi,
];
const ALLOWED_TARGET = /^(?:https?:\/\/|mailto:|\/(?!\/)|#|\.{0,2}\/)/i;

/** Problems of one document body: empty, raw HTML, links to schemes other than http(s), mailto or the site. */
export function checkBody(file: string, body: string): Problem[] {
  const problems: Problem[] = [];
  const error = (message: string) => problems.push({ severity: 'error', file, field: 'corps', message });
  if (body.trim() === '') error('attendu : le texte du document, non vide');
  const tag = HTML_TAG.exec(body);
  if (tag) error(`HTML interdit dans le texte (« ${tag[0].slice(0, 40)} ») : un document est du texte Markdown`);
  for (const pattern of LINK_TARGETS) {
    for (const match of body.matchAll(pattern)) {
      const target = match[1] ?? '';
      if (!ALLOWED_TARGET.test(target)) {
        error(`lien refusé « ${target} » : seuls http(s):, mailto: et les adresses du site sont permis`);
      }
    }
  }
  return problems;
}

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
        `l’identifiant « ${f.id} » doit être en minuscules ASCII, mots séparés par des tirets`,
      );
    }
    const key = `${f.collection}/${f.id}`;
    const other = seen.get(key);
    if (other) error(f.path, '(nom du fichier)', `identifiant « ${f.id} » en double : déjà pris par ${other}`);
    else seen.set(key, f.path);
  }

  // Schemas, on the raw data.
  const valid = new Map<CollectionName, Map<string, { file: RawFile; data: unknown }>>(
    Object.keys(collections).map((c) => [c as CollectionName, new Map()]),
  );
  for (const f of files) {
    if (f.parseError !== undefined) {
      error(f.path, '(YAML)', f.parseError);
      continue;
    }
    const result = collections[f.collection].schema.safeParse(f.data ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const k of issue.keys)
            error(f.path, fieldPath([...issue.path, k]), 'clé inconnue : le schéma n’a pas ce champ');
        } else {
          error(f.path, fieldPath(issue.path) || '(racine)', issue.message);
        }
      }
      continue;
    }
    valid.get(f.collection)!.set(f.id, { file: f, data: result.data });
  }

  // Cross-file rules on documents.
  const ids = {
    people: new Set(files.filter((f) => f.collection === 'people').map((f) => f.id)),
    places: new Set(files.filter((f) => f.collection === 'places').map((f) => f.id)),
    topics: new Set(files.filter((f) => f.collection === 'topics').map((f) => f.id)),
  };
  const used = { people: new Set<string>(), places: new Set<string>(), topics: new Set<string>() };
  for (const f of files.filter((x) => x.collection === 'readouts')) {
    problems.push(...checkBody(f.path, f.body ?? ''));
    const entry = valid.get('readouts')!.get(f.id);
    if (!entry) continue;
    const data = entry.data as import('./schema.ts').ReadoutData;
    const body = f.body ?? '';
    const ref = (collection: 'people' | 'places' | 'topics', id: string, field: string) => {
      used[collection].add(id);
      if (!ids[collection].has(id))
        error(f.path, field, `« ${id} » n’existe pas dans content/${collections[collection].folder}/`);
    };
    ref('places', data.place, 'place');
    const people = new Map<string, string>();
    const samePerson = (id: string, field: string) => {
      const first = people.get(id);
      if (first) error(f.path, field, `« ${id} » figure déjà dans ${first} : une personne n’apparaît qu’une fois`);
      else people.set(id, field);
    };
    data.participants.forEach((p, i) => {
      const field = `participants[${i}]`;
      ref('people', p.person, `${field}.person`);
      samePerson(p.person, `${field}.person`);
      if (p.designation && !body.includes(p.designation)) {
        error(f.path, `${field}.designation`, `« ${p.designation} » ne figure pas dans le texte`);
      }
    });
    normalizeMentions(data.mentions).forEach((m, i) => {
      const field = `mentions[${i}]`;
      ref('people', m.person, field);
      samePerson(m.person, field);
      if (m.designation && !body.includes(m.designation)) {
        error(f.path, `${field}.designation`, `« ${m.designation} » ne figure pas dans le texte`);
      }
    });
    const topics = new Set<string>();
    data.topics.forEach((id, i) => {
      ref('topics', id, `topics[${i}]`);
      if (topics.has(id)) error(f.path, `topics[${i}]`, `thème « ${id} » en double`);
      topics.add(id);
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
