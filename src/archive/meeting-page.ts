/**
 * What a meeting's page shows (`/rencontres/<id>/`), made once from the archive: its title, its
 * accounts side by side, what each names and the differences in words. The page renders this
 * object and its cache key is made from it, so that the two cannot drift.
 */
import { t, tCount } from '#i18n/index.ts';
import { formatDate, formatSpan } from '#i18n/dates.ts';
import { languageLabel } from '#content/languages.ts';
import type { Archive, Readout } from './archive.ts';
import {
  accountNames,
  commonParticipants,
  commonPlace,
  compareAccounts,
  differs,
  type Presence,
  type Row,
} from './accounts.ts';
import type { Meeting } from './meetings.ts';

const names = new Intl.ListFormat('fr', { type: 'conjunction' });

/** One account as the page lists it. */
export interface AccountView {
  id: string;
  title: string;
  /** The days its text gives. */
  date: string;
  dateEnd: string | undefined;
  publisher: string | undefined;
  language: string;
  languageName: string;
  published: string | undefined;
  /** Its length in words (`length.ts`). */
  words: number;
}

/** One record of the comparison: each account's cell, and the difference, in words. */
export interface RowView {
  id: string;
  name: string;
  /** The record's page, as a route. */
  route: string;
  cells: {
    /** How the account names the record: a person taking part or only mentioned; a topic or place named; or not at all. */
    status: 'participant' | 'mention' | 'named' | 'absent';
    text: string;
    /** The account's own words: a participant's role, the words that designate a person. */
    quote?: string | undefined;
  }[];
  /** The difference in one sentence, when the accounts disagree. */
  difference: string | undefined;
}

export interface MeetingView {
  id: string;
  title: string;
  /** The first and last days any account gives. */
  start: string;
  end: string;
  /** The place every account gives, when they agree. */
  place: { id: string; name: string } | undefined;
  accounts: AccountView[];
  /** How each account is named in sentences and column heads. */
  accountNames: string[];
  people: RowView[];
  topics: RowView[];
  places: RowView[];
  /** Every difference, in the order of the rows. */
  differences: string[];
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The title: who every account says took part, and when. */
function meetingTitle(participants: string[], start: string, end: string): string {
  const span = formatSpan(start, end);
  return participants.length >= 2
    ? t('meeting.title.people', { names: names.format(participants), span })
    : t('meeting.title.span', { span });
}

/** The difference a row marks, in a sentence. */
function difference<P extends Presence | boolean>(
  row: Row<unknown, P>,
  kind: 'person' | 'topic' | 'place',
  name: string,
  accounts: string[],
): string | undefined {
  if (!differs(row)) return undefined;
  const listed = (indexes: number[]) => names.format(indexes.map((i) => accounts[i]!));
  if (row.onlyIn !== undefined) {
    const form = row.onlyIn.length === 1 ? 'one' : 'other';
    return capitalized(
      t(`meeting.only.${kind}.${form}`, {
        account: accounts[row.onlyIn[0]!]!,
        accounts: listed(row.onlyIn),
        name,
      }),
    );
  }
  // Every account names the person, not in the same way: taking part in some, only mentioned in others.
  const presence = row.in as Presence[];
  const participants = presence.flatMap((p, i) => (p.kind === 'participant' ? [i] : []));
  const mentions = presence.flatMap((p, i) => (p.kind === 'mention' ? [i] : []));
  return t(mentions.length === 1 ? 'meeting.status.one' : 'meeting.status.other', {
    name,
    participants: listed(participants),
    mentions: listed(mentions),
  });
}

/** The page of `meeting`: `words` gives each account's length. */
export function meetingView(
  meeting: Meeting<Readout>,
  archive: Archive,
  words: (readout: Readout) => number,
  routeOf: { person: (id: string) => string; topic: (id: string) => string; place: (id: string) => string },
): MeetingView {
  const accountsNamed = accountNames(meeting.accounts, (by, value) =>
    t(`meeting.name.${by}`, { value: by === 'date' ? formatDate(value) : value }),
  );
  const comparison = compareAccounts(meeting, archive, accountsNamed);
  const place = commonPlace(comparison);
  const people = comparison.people.map((row): RowView => {
    const name = row.record.data.name;
    return {
      id: row.record.id,
      name,
      route: routeOf.person(row.record.id),
      cells: row.in.map((p) =>
        p.kind === 'participant'
          ? { status: 'participant' as const, text: t('meeting.participant'), quote: p.role }
          : p.kind === 'mention'
            ? { status: 'mention' as const, text: t('meeting.mention'), quote: p.designation }
            : { status: 'absent' as const, text: t('meeting.absent') },
      ),
      difference: difference(row, 'person', name, accountsNamed),
    };
  });
  const present = (yes: boolean): RowView['cells'][number] =>
    yes ? { status: 'named', text: t('meeting.present') } : { status: 'absent', text: t('meeting.absent') };
  const topics = comparison.topics.map((row): RowView => ({
    id: row.record.id,
    name: row.record.data.label,
    route: routeOf.topic(row.record.id),
    cells: row.in.map(present),
    difference: difference(row, 'topic', row.record.data.label, accountsNamed),
  }));
  const places = comparison.places.map((row): RowView => ({
    id: row.record.id,
    name: row.record.data.name,
    route: routeOf.place(row.record.id),
    cells: row.in.map(present),
    difference: difference(row, 'place', row.record.data.name, accountsNamed),
  }));
  return {
    id: meeting.id,
    title: meetingTitle(
      commonParticipants(comparison).map((p) => p.data.name),
      meeting.span.start,
      meeting.span.end,
    ),
    start: meeting.span.start,
    end: meeting.span.end,
    place: place && { id: place.id, name: place.data.name },
    accounts: meeting.accounts.map((r) => ({
      id: r.id,
      title: r.data.title,
      date: r.data.date,
      dateEnd: r.data.dateEnd,
      publisher: r.data.source?.publisher,
      language: r.data.language,
      languageName: languageLabel(r.data.language),
      published: r.data.source?.published,
      words: words(r),
    })),
    accountNames: accountsNamed,
    people,
    topics,
    places,
    differences: [...people, ...topics, ...places].flatMap((r) => (r.difference ? [r.difference] : [])),
  };
}

/** « 2 comptes rendus : français et anglais »: a meeting in a list. */
export function meetingSummary(meeting: Meeting<Readout>): string {
  const languages = [...new Set(meeting.accounts.map((r) => languageLabel(r.data.language)))];
  return t('meetings.item', {
    accounts: tCount('accounts', meeting.accounts.length),
    languages: names.format(languages),
  });
}
