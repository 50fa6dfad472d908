/**
 * The accounts of one meeting side by side (`meetings.ts`): how each names itself (its
 * publisher, language and days), and what each names — the people, as taking part or only
 * mentioned, the topics and the place — with the differences marked. Researchers compare what
 * one side reports and the other leaves out; the comparison says only what each account's
 * description in the archive says, never more.
 */
import { languageLabel } from '#content/languages.ts';
import {
  compareLabels,
  recordsOf,
  type Archive,
  type Person,
  type Place,
  type Readout,
  type ReadoutRecords,
  type Topic,
} from './archive.ts';
import type { Meeting } from './meetings.ts';

/** How a person appears in one account. */
export type Presence =
  | { kind: 'participant'; role: string; designation?: string | undefined }
  | { kind: 'mention'; designation?: string | undefined }
  | { kind: 'absent' };

/** A record and what each account says of it, in the accounts' order. */
export interface Row<T, P> {
  record: T;
  /** One per account. */
  in: P[];
  /** The accounts that name the record, by index, when some do not (a difference); otherwise undefined. */
  onlyIn?: number[] | undefined;
}

/** The accounts of a meeting, side by side. */
export interface Comparison {
  accounts: Readout[];
  /** The records each account names (`recordsOf`), in the accounts' order. */
  records: ReadoutRecords[];
  /** How each account is called in sentences: « le compte rendu en anglais », « le compte rendu de <publisher> ». */
  names: string[];
  people: Row<Person, Presence>[];
  topics: Row<Topic, boolean>[];
  places: Row<Place, boolean>[];
}

/** Whether a row's accounts disagree: one names the record and another does not, or not in the same way. */
export function differs(row: Row<unknown, Presence | boolean>): boolean {
  const kinds = row.in.map((p) => (typeof p === 'boolean' ? p : p.kind));
  return kinds.some((k) => k !== kinds[0]);
}

const named = (p: Presence | boolean) => (typeof p === 'boolean' ? p : p.kind !== 'absent');

function row<T, P extends Presence | boolean>(record: T, presence: P[]): Row<T, P> {
  const present = presence.flatMap((p, i) => (named(p) ? [i] : []));
  return { record, in: presence, onlyIn: present.length < presence.length ? present : undefined };
}

/**
 * How each account is told from the others, in the fewest words that do: by its language when
 * each has its own, else by its publisher when each has its own, else by its first day, else by
 * its number. `label(kind, value)` writes the words (the interface's dictionary).
 */
export function accountNames(
  accounts: readonly Readout[],
  label: (by: 'language' | 'publisher' | 'date' | 'number', value: string) => string,
): string[] {
  const distinct = (values: (string | undefined)[]) =>
    values.every((v) => v !== undefined) && new Set(values).size === values.length;
  const languages = accounts.map((r) => r.data.language);
  if (distinct(languages)) return languages.map((l) => label('language', languageLabel(l)));
  const publishers = accounts.map((r) => r.data.source?.publisher);
  if (distinct(publishers)) return publishers.map((p) => label('publisher', p!));
  const dates = accounts.map((r) => r.data.date);
  if (distinct(dates)) return dates.map((d) => label('date', d));
  return accounts.map((_, i) => label('number', String(i + 1)));
}

/** The accounts of `meeting` side by side; `names` as `accountNames` gives them. */
export function compareAccounts(meeting: Meeting<Readout>, archive: Archive, names: string[]): Comparison {
  const accounts = meeting.accounts;
  const records = accounts.map((r) => recordsOf(r, archive));
  const people = new Map<string, Person>();
  const topics = new Map<string, Topic>();
  const places = new Map<string, Place>();
  for (const r of records) {
    for (const p of [...r.participants, ...r.mentions]) people.set(p.person.id, p.person);
    for (const topic of r.topics) topics.set(topic.id, topic);
    if (r.place) places.set(r.place.id, r.place);
  }
  const byName = (a: Person, b: Person) => compareLabels(a.data.name, b.data.name, a.id, b.id);
  return {
    accounts,
    records,
    names,
    people: [...people.values()].sort(byName).map((person) =>
      row(
        person,
        records.map((r): Presence => {
          const p = r.participants.find((x) => x.person.id === person.id);
          if (p) return { kind: 'participant', role: p.role, designation: p.designation };
          const m = r.mentions.find((x) => x.person.id === person.id);
          return m ? { kind: 'mention', designation: m.designation } : { kind: 'absent' };
        }),
      ),
    ),
    topics: [...topics.values()]
      .sort((a, b) => compareLabels(a.data.label, b.data.label, a.id, b.id))
      .map((topic) =>
        row(
          topic,
          records.map((r) => r.topics.some((x) => x.id === topic.id)),
        ),
      ),
    places: [...places.values()]
      .sort((a, b) => compareLabels(a.data.name, b.data.name, a.id, b.id))
      .map((place) =>
        row(
          place,
          records.map((r) => r.place?.id === place.id),
        ),
      ),
  };
}

/** The people every account gives as taking part, in the first account's order. */
export function commonParticipants(comparison: Comparison): Person[] {
  const everywhere = new Set(
    comparison.people.filter((r) => r.in.every((p) => p.kind === 'participant')).map((r) => r.record.id),
  );
  return comparison.records[0]!.participants.filter((p) => everywhere.has(p.person.id)).map((p) => p.person);
}

/** The place every account gives, when they all give the same one. */
export function commonPlace(comparison: Comparison): Place | undefined {
  const [only] = comparison.places;
  return comparison.places.length === 1 && only!.in.every(Boolean) ? only!.record : undefined;
}
