/**
 * The rules of one document that look beyond its own fields: every id names a record that
 * exists, a person appears once (as a participant or as a mention, never both), a topic once,
 * each designation is words of the text, and the id starts with the document's date. They run
 * on whatever the document holds that has the right shape: the schema has reported the rest.
 */
import { collections } from '../schema.ts';
import { isId } from '../ids.ts';
import type { ContentFile } from '../read.ts';
import { normalizeAlias } from '../aliases.ts';
import { unknownIdMessage } from './suggest.ts';
import { peopleNamed } from '../people.ts';

type RecordCollection = 'people' | 'places' | 'topics';

/** The ids of every record, by collection; and, filled in as documents are checked, those they use. */
export interface RecordIds {
  known: Record<RecordCollection, ReadonlySet<string>>;
  used: Record<RecordCollection, Set<string>>;
}

type Error = (field: string, message: string) => void;

/** An id, or nothing (a value the schema already refused). */
const idAt = (value: unknown): string | undefined => (typeof value === 'string' && isId(value) ? value : undefined);
const listAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const recordAt = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * Whether `words` are words of `text`, read as aliases are: a straight and a typographic
 * apostrophe are the same character, and a run of spaces is one space.
 */
export function quotedIn(text: string, words: string): boolean {
  return text.includes(words) || normalizeAlias(text).includes(normalizeAlias(words));
}

/**
 * Checks the document `file`, whose frontmatter is `data` (dates as text), against the records;
 * `reported` holds the fields already refused (a date refused is not also compared with the id).
 */
export function checkReferences(
  file: ContentFile,
  data: unknown,
  records: RecordIds,
  error: Error,
  reported: ReadonlySet<string> = new Set(),
): void {
  const doc = recordAt(data);
  const body = file.body ?? '';
  const ref = (collection: RecordCollection, value: unknown, field: string) => {
    const id = idAt(value);
    if (id === undefined) return undefined;
    records.used[collection].add(id);
    if (!records.known[collection].has(id)) {
      const folder = `content/${collections[collection].folder}/`;
      error(field, unknownIdMessage(id, records.known[collection], folder));
    }
    return id;
  };
  const designated = (value: unknown, field: string) => {
    if (typeof value === 'string' && value.trim() !== '' && !quotedIn(body, value)) {
      error(field, `« ${value} » ne figure pas dans le texte : attendu les mots exacts du document`);
    }
  };

  const date = typeof doc['date'] === 'string' ? doc['date'] : undefined;
  if (date && !reported.has('date') && /^\d{4}-\d{2}-\d{2}$/.test(date) && !file.id.startsWith(`${date}-`)) {
    error('(nom du fichier)', `l’identifiant doit commencer par la date du document : « ${date}-… »`);
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
      error(field, `« ${id} » participe déjà (${first.field}) : une personne mentionnée n’est pas participante`);
    } else {
      error(field, `« ${id} » figure déjà en ${first.field} : une personne n’apparaît qu’une fois`);
    }
  };
  for (const named of peopleNamed(doc)) {
    person(named.person, named.field, named.participant);
    designated(named.designation, named.field.replace(/\.person$/, '.designation'));
  }

  const topics = new Map<string, string>();
  listAt(doc['topics']).forEach((value, i) => {
    const field = `topics[${i}]`;
    const id = ref('topics', value, field);
    if (id === undefined) return;
    const first = topics.get(id);
    if (first) error(field, `thème « ${id} » en double : déjà en ${first}`);
    else topics.set(id, field);
  });
}
