/**
 * The archive as pages need it: each collection sorted once, and the joins between
 * documents and people, topics and places built in a single pass over the documents
 * (no page scans a whole collection). The same pass counts each record's documents by month
 * (`activity.ts`) and the documents shared by two participants or two topics (`together.ts`).
 */
import type { PersonData, PlaceData, ReadoutData, TopicData } from '#content/schema.ts';
import type { Collections, Entry } from '#content/entries.ts';
import { yearOf } from '#content/dates.ts';
import { countMonth, type MonthCounts } from './activity.ts';
import { addPairs, countPairSets, rankPairs, type PairSet, type Ranked } from './together.ts';
import { groupMeetings, unitOf, type Meeting } from './meetings.ts';
import { peopleNamed, type NamedPerson } from '#content/people.ts';
import { sortName } from './names.ts';

export interface Mention {
  person: string;
  designation?: string | undefined;
  note?: string | undefined;
}

/**
 * A document as the archive holds it: its entry, mentions in one shape, and the day it is
 * listed under, its meeting's first day (`meetings.ts`): the accounts of one meeting sit
 * together in every list.
 */
export type Readout = Entry<Omit<ReadoutData, 'mentions'> & { mentions: Mention[] }> & { listedOn: string };
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
  /** Newest first, by the day each is listed under; the accounts of one meeting together (`compareReadouts`). */
  readouts: Readout[];
  /** By family name, then given names, French collation (`names.ts`). */
  people: Person[];
  topics: Topic[];
  places: Place[];
  readout: Map<string, Readout>;
  person: Map<string, Person>;
  topic: Map<string, Topic>;
  place: Map<string, Place>;
  /** The meetings the archive holds named accounts of, newest first (`meetings.ts`). */
  meetings: Meeting<Readout>[];
  meeting: Map<string, Meeting<Readout>>;
  /** The records each document names, resolved once (`recordsOf`). */
  records: Map<string, ReadoutRecords>;
  participationsOf: Map<string, Participation[]>;
  mentionsOf: Map<string, MentionOf[]>;
  readoutsOnTopic: Map<string, Readout[]>;
  readoutsAtPlace: Map<string, Readout[]>;
  /** The people who took part in the same meetings as a person, most meetings in common first (`together.ts`). */
  interlocutorsOf: Map<string, Ranked<Person>[]>;
  /** The topics of the same meetings as a topic, most meetings in common first. */
  topicsWith: Map<string, Ranked<Topic>[]>;
  /** Documents per month of each person, taking part or only mentioned, of each topic and place (`activity.ts`). */
  monthsTakingPart: Map<string, MonthCounts>;
  monthsMentioned: Map<string, MonthCounts>;
  monthsOnTopic: Map<string, MonthCounts>;
  monthsAtPlace: Map<string, MonthCounts>;
}

/** The records a document names, looked up once: its place, its people (participants, then mentions), its topics. */
export interface ReadoutRecords {
  /** Where a meeting in person was held; a call has none. */
  place: Place | undefined;
  participants: { person: Person; role: string; designation?: string | undefined }[];
  mentions: { person: Person; designation?: string | undefined; note?: string | undefined }[];
  topics: Topic[];
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Newest first, by the day each document is listed under; on one day, meeting by meeting (the
 * accounts of one meeting together, the earliest first), then by id, so that the order never
 * depends on file order.
 */
export function compareReadouts(a: Readout, b: Readout): number {
  return (
    byText(b.listedOn, a.listedOn) ||
    byText(unitOf(a), unitOf(b)) ||
    byText(a.data.date, b.data.date) ||
    byText(a.id, b.id)
  );
}

/** Compare two labels the way a French index sorts them (accents ignored), then by id. */
export function compareLabels(a: string, b: string, idA = '', idB = ''): number {
  return collator.compare(a, b) || (idA < idB ? -1 : idA > idB ? 1 : 0);
}

function indexById<T extends { id: string }>(entries: T[]): Map<string, T> {
  return new Map(entries.map((e) => [e.id, e]));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The documents of the collections as the archive holds them, in its order: mentions in one
 * shape, each listed under its meeting's first day; and the people each names, as written.
 */
function readoutsOf(entries: Collections['readouts']): {
  readouts: Readout[];
  meetings: Map<string, Meeting<Readout>>;
  named: Map<string, NamedPerson[]>;
} {
  const named = new Map<string, NamedPerson[]>();
  const readouts: Readout[] = entries.map((r) => {
    const people = peopleNamed(r.data);
    named.set(r.id, people);
    const mentions = people
      .filter((p) => !p.participant)
      .map(({ person, designation, note }) => ({
        person,
        ...(designation !== undefined && { designation }),
        ...(note !== undefined && { note }),
      }));
    return { ...r, data: { ...r.data, mentions }, listedOn: r.data.date };
  });
  const meetings = groupMeetings(readouts);
  for (const meeting of meetings.values()) for (const r of meeting.accounts) r.listedOn = meeting.span.start;
  readouts.sort(compareReadouts);
  return { readouts, meetings, named };
}

/** Builds every index. Throws on a reference to a missing record, naming file and field. */
export function buildArchive(input: Collections): Archive {
  const { readouts, meetings, named: namedIn } = readoutsOf(input.readouts);
  const people = [...input.people].sort((a, b) => compareLabels(sortName(a.data), sortName(b.data), a.id, b.id));
  const topics = [...input.topics].sort((a, b) => compareLabels(a.data.label, b.data.label, a.id, b.id));
  const places = [...input.places].sort((a, b) => compareLabels(a.data.name, b.data.name, a.id, b.id));

  const archive: Archive = {
    readouts,
    people,
    topics,
    places,
    readout: indexById(readouts),
    person: indexById(people),
    topic: indexById(topics),
    place: indexById(places),
    meetings: [...meetings.values()].sort((a, b) => byText(b.span.start, a.span.start) || byText(a.id, b.id)),
    meeting: meetings,
    records: new Map(),
    participationsOf: new Map(),
    mentionsOf: new Map(),
    readoutsOnTopic: new Map(),
    readoutsAtPlace: new Map(),
    interlocutorsOf: new Map(),
    topicsWith: new Map(),
    monthsTakingPart: new Map(),
    monthsMentioned: new Map(),
    monthsOnTopic: new Map(),
    monthsAtPlace: new Map(),
  };
  // Pairs are counted by meeting: a pair named by two accounts of one meeting shares one meeting.
  const participantPairs = new Map<string, { date: string; pairs: PairSet }>();
  const topicPairs = new Map<string, { date: string; pairs: PairSet }>();
  const pairsOf = (units: typeof participantPairs, readout: Readout) => {
    const unit = unitOf(readout);
    let found = units.get(unit);
    if (!found) units.set(unit, (found = { date: readout.listedOn, pairs: new Map() }));
    return found.pairs;
  };
  const months = (map: Map<string, MonthCounts>, id: string, date: string) => {
    let counts = map.get(id);
    if (!counts) map.set(id, (counts = new Map()));
    countMonth(counts, date);
  };

  const missing: string[] = [];
  const find = <T>(map: Map<string, T>, id: string, readout: Readout, field: string): T | undefined => {
    const found = map.get(id);
    if (found === undefined) missing.push(`${readout.filePath ?? readout.id}: ${field}: « ${id} » n’existe pas`);
    return found;
  };

  for (const readout of readouts) {
    const { data } = readout;
    const records: ReadoutRecords = { place: undefined, participants: [], mentions: [], topics: [] };
    archive.records.set(readout.id, records);
    // A call has no place (`format`): it is listed at none.
    if (data.place !== undefined) {
      records.place = find(archive.place, data.place, readout, 'place');
      push(archive.readoutsAtPlace, data.place, readout);
      months(archive.monthsAtPlace, data.place, readout.listedOn);
    }
    for (const named of namedIn.get(readout.id) ?? []) {
      const person = find(archive.person, named.person, readout, named.field);
      if (named.participant) {
        const role = named.role ?? '';
        push(archive.participationsOf, named.person, { readout, role, designation: named.designation });
        if (person) records.participants.push({ person, role, designation: named.designation });
      } else {
        push(archive.mentionsOf, named.person, { readout, designation: named.designation, note: named.note });
        if (person) records.mentions.push({ person, designation: named.designation, note: named.note });
      }
    }
    data.topics.forEach((id, i) => {
      const topic = find(archive.topic, id, readout, `topics[${i}]`);
      push(archive.readoutsOnTopic, id, readout);
      if (topic) records.topics.push(topic);
    });
    // Counted once per document, even where a record is named twice in it.
    const participantIds = [...new Set(data.participants.map((p) => p.person))];
    const topicIds = [...new Set(data.topics)];
    for (const id of participantIds) months(archive.monthsTakingPart, id, readout.listedOn);
    for (const id of new Set(data.mentions.map((m) => m.person))) {
      if (!participantIds.includes(id)) months(archive.monthsMentioned, id, readout.listedOn);
    }
    for (const id of topicIds) months(archive.monthsOnTopic, id, readout.listedOn);
    addPairs(pairsOf(participantPairs, readout), participantIds);
    addPairs(pairsOf(topicPairs, readout), topicIds);
  }
  if (missing.length > 0) throw new Error(`Références introuvables :\n${missing.join('\n')}`);
  archive.interlocutorsOf = rankPairs(countPairSets(participantPairs.values()), people);
  archive.topicsWith = rankPairs(countPairSets(topicPairs.values()), topics);
  return archive;
}

/** The records `readout` names, each as the archive holds it (resolved once, by `buildArchive`). */
export function recordsOf(readout: Readout, archive: Archive): ReadoutRecords {
  return need(archive.records, readout.id, 'Document');
}

/** The meeting a document reports, when the archive names it (`meeting`). */
export function meetingOf(readout: Readout, archive: Archive): Meeting<Readout> | undefined {
  return readout.data.meeting === undefined ? undefined : need(archive.meeting, readout.data.meeting, 'Rencontre');
}

/** Readouts grouped by year, newest year first, keeping the order given within a year. */
export function groupByYear(readouts: readonly Readout[]): { year: number; readouts: Readout[] }[] {
  const groups = new Map<number, Readout[]>();
  for (const r of readouts) push(groups, yearOf(r.listedOn), r);
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, readouts: list }));
}

/** An entry that must exist: pages are generated from ids that the archive itself lists. */
export function need<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`${what} « ${id} » introuvable`);
  return value;
}
