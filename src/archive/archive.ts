/**
 * The archive as pages need it: each collection sorted once, and the joins between
 * documents and people, topics and places built in a single pass over the documents
 * (no page scans a whole collection). The same pass counts each record's documents by month
 * (`activity.ts`) and the documents shared by two participants or two topics (`together.ts`).
 */
import type { PersonData, PlaceData, ReadoutData, TopicData } from '#content/schema.ts';
import type { Collections, Entry } from '#content/entries.ts';
import { countMonth, type MonthCounts } from './activity.ts';
import { countPairs, rankPairs, type PairTable, type Ranked } from './together.ts';

export interface Mention {
  person: string;
  designation?: string | undefined;
  note?: string | undefined;
}

export type Readout = Entry<Omit<ReadoutData, 'mentions'> & { mentions: Mention[] }>;
export type Person = Entry<PersonData>;
export type Place = Entry<PlaceData>;
export type Topic = Entry<TopicData>;

export interface Participation {
  readout: Readout;
  role: string;
  designation?: string | undefined;
}

export interface MentionOf {
  readout: Readout;
  designation?: string | undefined;
  note?: string | undefined;
}

export interface Archive {
  /** Newest first; same day: by id. */
  readouts: Readout[];
  /** By name, French collation. */
  people: Person[];
  topics: Topic[];
  places: Place[];
  readout: Map<string, Readout>;
  person: Map<string, Person>;
  topic: Map<string, Topic>;
  place: Map<string, Place>;
  participationsOf: Map<string, Participation[]>;
  mentionsOf: Map<string, MentionOf[]>;
  readoutsOnTopic: Map<string, Readout[]>;
  readoutsAtPlace: Map<string, Readout[]>;
  /** The people who took part in the same documents as a person, most documents in common first (`together.ts`). */
  interlocutorsOf: Map<string, Ranked<Person>[]>;
  /** The topics of the same documents as a topic, most documents in common first. */
  topicsWith: Map<string, Ranked<Topic>[]>;
  /** Documents per month of each person (taking part or mentioned), topic and place (`activity.ts`). */
  monthsOfPerson: Map<string, MonthCounts>;
  monthsOnTopic: Map<string, MonthCounts>;
  monthsAtPlace: Map<string, MonthCounts>;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Newest first; documents of the same day in id order, so the order never depends on file order. */
export function compareReadouts(a: Readout, b: Readout): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Compare two labels the way a French index sorts them (accents ignored), then by id. */
export function compareLabels(a: string, b: string, idA = '', idB = ''): number {
  return collator.compare(a, b) || (idA < idB ? -1 : idA > idB ? 1 : 0);
}

/** A mention written as a bare id becomes `{ person }`. */
export function normalizeMentions(mentions: ReadoutData['mentions']): Mention[] {
  return mentions.map((m) => (typeof m === 'string' ? { person: m } : m));
}

function indexById<T>(entries: Entry<T>[]): Map<string, Entry<T>> {
  return new Map(entries.map((e) => [e.id, e]));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds every index. Throws on a reference to a missing record, naming file and field. */
export function buildArchive(input: Collections): Archive {
  const readouts: Readout[] = input.readouts
    .map((r) => ({ ...r, data: { ...r.data, mentions: normalizeMentions(r.data.mentions) } }))
    .sort(compareReadouts);
  const people = [...input.people].sort((a, b) => compareLabels(a.data.name, b.data.name, a.id, b.id));
  const topics = [...input.topics].sort((a, b) => compareLabels(a.data.label, b.data.label, a.id, b.id));
  const places = [...input.places].sort((a, b) => compareLabels(a.data.name, b.data.name, a.id, b.id));

  const archive: Archive = {
    readouts,
    people,
    topics,
    places,
    readout: indexById(readouts) as Map<string, Readout>,
    person: indexById(people),
    topic: indexById(topics),
    place: indexById(places),
    participationsOf: new Map(),
    mentionsOf: new Map(),
    readoutsOnTopic: new Map(),
    readoutsAtPlace: new Map(),
    interlocutorsOf: new Map(),
    topicsWith: new Map(),
    monthsOfPerson: new Map(),
    monthsOnTopic: new Map(),
    monthsAtPlace: new Map(),
  };
  const participantPairs: PairTable = new Map();
  const topicPairs: PairTable = new Map();
  const months = (map: Map<string, MonthCounts>, id: string, date: string) => {
    let counts = map.get(id);
    if (!counts) map.set(id, (counts = new Map()));
    countMonth(counts, date);
  };

  const missing: string[] = [];
  const check = (map: Map<string, unknown>, id: string, readout: Readout, field: string) => {
    if (!map.has(id)) missing.push(`${readout.filePath ?? readout.id}: ${field}: « ${id} » n’existe pas`);
  };

  for (const readout of readouts) {
    const { data } = readout;
    // A call has no place (`format`): it is listed at none.
    if (data.place !== undefined) {
      check(archive.place, data.place, readout, 'place');
      push(archive.readoutsAtPlace, data.place, readout);
      months(archive.monthsAtPlace, data.place, data.date);
    }
    data.participants.forEach((p, i) => {
      check(archive.person, p.person, readout, `participants[${i}].person`);
      push(archive.participationsOf, p.person, { readout, role: p.role, designation: p.designation });
    });
    data.mentions.forEach((m, i) => {
      check(archive.person, m.person, readout, `mentions[${i}]`);
      push(archive.mentionsOf, m.person, { readout, designation: m.designation, note: m.note });
    });
    data.topics.forEach((id, i) => {
      check(archive.topic, id, readout, `topics[${i}]`);
      push(archive.readoutsOnTopic, id, readout);
    });
    // Counted once per document, even where a record is named twice in it.
    const participantIds = [...new Set(data.participants.map((p) => p.person))];
    const topicIds = [...new Set(data.topics)];
    for (const id of new Set([...participantIds, ...data.mentions.map((m) => m.person)])) {
      months(archive.monthsOfPerson, id, data.date);
    }
    for (const id of topicIds) months(archive.monthsOnTopic, id, data.date);
    countPairs(participantPairs, participantIds, data.date);
    countPairs(topicPairs, topicIds, data.date);
  }
  if (missing.length > 0) throw new Error(`Références introuvables :\n${missing.join('\n')}`);
  archive.interlocutorsOf = rankPairs(participantPairs, people);
  archive.topicsWith = rankPairs(topicPairs, topics);
  return archive;
}

/** The records a document names, looked up once: its place, its people (participants, then mentions), its topics. */
export interface ReadoutRecords {
  /** Where a meeting in person was held; a call has none. */
  place: Place | undefined;
  participants: { person: Person; role: string; designation?: string | undefined }[];
  mentions: { person: Person; designation?: string | undefined; note?: string | undefined }[];
  topics: Topic[];
}

/** The records `readout` names, each as the archive holds it (throws on a missing one, naming its kind). */
export function recordsOf(readout: Readout, archive: Archive): ReadoutRecords {
  const { data } = readout;
  const person = (id: string) => need(archive.person, id, 'Personne');
  return {
    place: data.place === undefined ? undefined : need(archive.place, data.place, 'Lieu'),
    participants: data.participants.map((p) => ({ ...p, person: person(p.person) })),
    mentions: data.mentions.map((m) => ({ ...m, person: person(m.person) })),
    topics: data.topics.map((id) => need(archive.topic, id, 'Thème')),
  };
}

/** Readouts grouped by year, newest year first, keeping the order given within a year. */
export function groupByYear(readouts: readonly Readout[]): { year: number; readouts: Readout[] }[] {
  const groups = new Map<number, Readout[]>();
  for (const r of readouts) push(groups, Number(r.data.date.slice(0, 4)), r);
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, readouts: list }));
}

/** An entry that must exist: pages are generated from ids that the archive itself lists. */
export function need<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`${what} « ${id} » introuvable`);
  return value;
}
