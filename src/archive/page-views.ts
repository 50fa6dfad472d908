/**
 * What each page of a list or of a record shows, made once in its route's `getStaticPaths()`:
 * the page renders this object, and nothing else of the archive, and its cache key is made from
 * it (`viewKey` in `page-keys.ts`), so that the two cannot drift: whatever a page shows is in its
 * key, and no page reads the archive a second time to find it. A view holds plain data only,
 * what JSON can write: documents as a list shows them (`ListedReadout`), records as a list of
 * records shows them (`RecordItem`), counts, charts, and where the page stands in its list.
 */
import { t, tCount } from '#i18n/index.ts';
import { formatDate } from '#i18n/dates.ts';
import { countryName } from '#content/countries.ts';
import type { PersonData, PlaceData, TopicData } from '#content/schema.ts';
import {
  meetingOf,
  need,
  recordsOf,
  type Archive,
  type MentionOf,
  type Participation,
  type Person,
  type Place,
  type Readout,
  type ReadoutRecords,
  type Topic,
} from './archive.ts';
import { recordActivity, type Activity, type Counted, type MonthSpan } from './activity.ts';
import { monthSections, yearSections, type ArchiveYear, type MonthCount, type ReadoutSection } from './chronology.ts';
import { readoutsByFormat, type ReadoutFormat } from './formats.ts';
import { meetingSummary, type MeetingView } from './meeting-page.ts';
import { nameParts } from './names.ts';
import { pageOf, pagePaths, type Page, type PagePosition } from './pagination.ts';
import { personEntries, type PersonEntry } from './person-pages.ts';
import { hasOwnPages, TOGETHER_SHOWN, type Ranked } from './together.ts';
import { routes } from './urls.ts';

/** What a list shows of a document: its address (id), title, days, form and meeting, the day it is listed under, and a line under it. */
export interface ListedReadout {
  id: string;
  title: string;
  date: string;
  dateEnd?: string | undefined;
  format: ReadoutFormat;
  meeting?: string | undefined;
  listedOn: string;
  /** A line under the title: the role a person holds in the document, or the words that name them. */
  note?: string | undefined;
}

export function listedReadout(readout: Readout, note?: string): ListedReadout {
  const { id, data, listedOn } = readout;
  return {
    id,
    title: data.title,
    date: data.date,
    ...(data.dateEnd !== undefined && { dateEnd: data.dateEnd }),
    format: data.format,
    ...(data.meeting !== undefined && { meeting: data.meeting }),
    listedOn,
    ...(note !== undefined && { note }),
  };
}

/** A heading (a year, a month) and the documents under it. */
export interface ListedSection {
  /** The heading's id, for links to it. */
  id: string;
  heading: string;
  items: ListedReadout[];
}

const listedSections = (sections: readonly ReadoutSection[]): ListedSection[] =>
  sections.map(({ id, heading, readouts }) => ({ id, heading, items: readouts.map((r) => listedReadout(r)) }));

/** A record as a list of records shows it. */
export interface RecordItem {
  route: string;
  label: string;
  /** The label cut around a person's family name, set in small capitals as a French index does (`nameParts`). */
  nameParts?: [before: string, family: string, after: string] | undefined;
  /** The name in its original script, marked as such for screen readers and fonts. */
  original?: string | undefined;
  originalLang?: string | undefined;
  /** A short line after the label: counts, kind. */
  detail?: string | undefined;
}

/** The first items of a longer list, how many it holds, and the route of the whole list when it holds more. */
export interface CutList<T> {
  items: T[];
  total: number;
  all?: string | undefined;
}

function cut<T, U>(items: readonly T[], show: (item: T) => U, all: string): CutList<U> {
  return {
    items: items.slice(0, TOGETHER_SHOWN).map(show),
    total: items.length,
    ...(hasOwnPages(items.length) && { all }),
  };
}

/** An interlocutor: how many meetings in common (each once, whatever its accounts), and the day of the newest. */
export const interlocutorItem = ({ record, count, last }: Ranked<Person>): RecordItem => ({
  route: routes.person(record.id),
  label: record.data.name,
  detail: t(count === 1 ? 'person.sharedOne' : 'person.sharedMany', {
    count: tCount('meetings', count),
    date: formatDate(last),
  }),
});

/** A topic of the same meetings, and how many. */
export const relatedTopicItem = ({ record, count }: Ranked<Topic>): RecordItem => ({
  route: routes.topic(record.id),
  label: record.data.label,
  detail: t('topic.shared', { count: tCount('meetings', count) }),
});

/** A page of a paginated list: its view, and the `[...page]` parameter of its address. */
export interface Paged<V> {
  param: string | undefined;
  view: V;
}

const position = (list: string, page: Page<unknown>): PagePosition => ({
  list,
  current: page.number,
  total: page.total,
});

// A document.

/** Another account of a document's meeting, as its page lists it. */
export interface OtherAccount {
  id: string;
  title: string;
  publisher?: string | undefined;
  language: string;
  date: string;
  dateEnd?: string | undefined;
}

/**
 * What a document's page shows of the archive (its text is rendered from its file, whose digest
 * `readout` holds): the document, the records it names, its closest documents, and the other
 * accounts of its meeting. The page adds what the output formats make of them (reference,
 * description, structured data) before it makes its key.
 */
export interface ReadoutPage {
  readout: Readout;
  records: ReadoutRecords;
  related: ListedReadout[];
  meeting?: { id: string; accounts: number; others: OtherAccount[] } | undefined;
}

export function readoutPage(archive: Archive, readout: Readout, related: readonly Readout[]): ReadoutPage {
  const meeting = meetingOf(readout, archive);
  return {
    readout,
    records: recordsOf(readout, archive),
    related: related.map((r) => listedReadout(r)),
    ...(meeting && {
      meeting: {
        id: meeting.id,
        accounts: meeting.accounts.length,
        others: meeting.accounts
          .filter((r) => r.id !== readout.id)
          .map(({ id, data }) => ({
            id,
            title: data.title,
            publisher: data.source?.publisher,
            language: data.language,
            date: data.date,
            dateEnd: data.dateEnd,
          })),
      },
    }),
  };
}

// The lists of documents.

/** How many documents each form has, and how many in all: the filter of the lists' first pages. */
export interface FormatCounts {
  counts: [ReadoutFormat, number][];
  total: number;
}

export function formatCounts(archive: Pick<Archive, 'readouts'>): FormatCounts {
  return {
    counts: [...readoutsByFormat(archive.readouts)].map(([format, list]) => [format, list.length]),
    total: archive.readouts.length,
  };
}

/** A page of the list of all documents, or of one form's: its documents under their years. */
export interface ReadoutsPage {
  position: PagePosition;
  sections: ListedSection[];
  /** Whether the whole list is empty (a form without documents). */
  empty: boolean;
  /** On the first page, the forms' filter. */
  formats?: FormatCounts | undefined;
}

export function readoutsPages(
  list: string,
  readouts: readonly Readout[],
  formats: FormatCounts,
): Paged<ReadoutsPage>[] {
  return pagePaths(readouts).map(({ page, param }) => ({
    param,
    view: {
      position: position(list, page),
      sections: listedSections(yearSections(readouts, page)),
      empty: readouts.length === 0,
      ...(page.number === 1 && { formats }),
    },
  }));
}

/** A page of a year of the chronology: its months, its documents under them, the years around it. */
export interface YearPage {
  year: { year: number; count: number; months: MonthCount[]; newer?: number | undefined; older?: number | undefined };
  position: PagePosition;
  sections: ListedSection[];
}

export function yearPages(year: ArchiveYear): Paged<YearPage>[] {
  const { readouts, ...counts } = year;
  return pagePaths(readouts).map(({ page, param }) => ({
    param,
    view: {
      year: counts,
      position: position(routes.chronologyYear(year.year), page),
      sections: listedSections(monthSections(readouts, page)),
    },
  }));
}

// The pages of records.

/** A record's chart and what it counts. */
export interface Timeline {
  activity: Activity;
  counted: Counted;
}

/** A page of a topic or a place: the record, its documents on this page and how many, and on the first page its chart and related topics. */
export interface RecordPage<D> {
  record: { id: string; data: D };
  position: PagePosition;
  count: number;
  items: ListedReadout[];
  timeline?: Timeline | undefined;
  related?: CutList<RecordItem> | undefined;
}

export function topicPages(
  archive: Archive,
  topic: Topic,
  span: MonthSpan | undefined,
): Paged<RecordPage<TopicData>>[] {
  const readouts = archive.readoutsOnTopic.get(topic.id) ?? [];
  const activity = recordActivity(archive.monthsOnTopic.get(topic.id), span);
  const related = cut(archive.topicsWith.get(topic.id) ?? [], relatedTopicItem, routes.topicRelated(topic.id));
  return recordPages(routes.topic(topic.id), topic, readouts, (first) =>
    first ? { ...(activity && { timeline: { activity, counted: 'readouts' } }), related } : {},
  );
}

export function placePages(
  archive: Archive,
  place: Place,
  span: MonthSpan | undefined,
): Paged<RecordPage<PlaceData>>[] {
  const readouts = archive.readoutsAtPlace.get(place.id) ?? [];
  const activity = recordActivity(archive.monthsAtPlace.get(place.id), span);
  return recordPages(routes.place(place.id), place, readouts, (first) =>
    first && activity ? { timeline: { activity, counted: 'readouts' } } : {},
  );
}

function recordPages<D>(
  list: string,
  record: { id: string; data: D },
  readouts: readonly Readout[],
  more: (first: boolean) => Partial<RecordPage<D>>,
): Paged<RecordPage<D>>[] {
  return pagePaths(readouts).map(({ page, param }) => ({
    param,
    view: {
      record: { id: record.id, data: record.data },
      position: position(list, page),
      count: readouts.length,
      items: page.items.map((r) => listedReadout(r)),
      ...more(page.number === 1),
    },
  }));
}

/**
 * One of a person's two lists of documents, as a page shows it: how many documents it holds,
 * those on this page, and the page where it begins (for a page that holds none of them).
 */
export interface PersonList {
  count: number;
  items: ListedReadout[];
  firstPage: number;
}

/** A page of a person: the documents the person takes part in, then those that mention them, paginated as one list. */
export interface PersonPage {
  person: { id: string; data: PersonData };
  position: PagePosition;
  participations: PersonList;
  mentions: PersonList;
  /** The roles of the documents on this page where the person takes part: day and role. */
  roles: { date: string; role: string }[];
  /** On the first page: the chart, and the first interlocutors. */
  timeline?: Timeline | undefined;
  interlocutors?: CutList<RecordItem> | undefined;
}

export function personPages(archive: Archive, person: Person, span: MonthSpan | undefined): Paged<PersonPage>[] {
  const participations = archive.participationsOf.get(person.id) ?? [];
  const mentions = archive.mentionsOf.get(person.id) ?? [];
  // The documents the person takes part in; for a person only mentioned, those that mention them.
  const takingPart = recordActivity(archive.monthsTakingPart.get(person.id), span);
  const activity = takingPart ?? recordActivity(archive.monthsMentioned.get(person.id), span);
  const timeline = activity && { activity, counted: takingPart ? ('takingPart' as const) : ('mentioned' as const) };
  const interlocutors = cut(
    archive.interlocutorsOf.get(person.id) ?? [],
    interlocutorItem,
    routes.personInterlocutors(person.id),
  );
  const shown = <T>(page: Page<PersonEntry>, pick: (e: PersonEntry) => T | undefined) =>
    page.items.flatMap((e) => {
      const item = pick(e);
      return item === undefined ? [] : [item];
    });
  return pagePaths(personEntries(archive, person.id)).map(({ page, param }) => {
    const taking = shown(page, (e): Participation | undefined => ('participation' in e ? e.participation : undefined));
    const mentioning = shown(page, (e): MentionOf | undefined => ('mention' in e ? e.mention : undefined));
    return {
      param,
      view: {
        person: { id: person.id, data: person.data },
        position: position(routes.person(person.id), page),
        participations: {
          count: participations.length,
          items: taking.map((p) => listedReadout(p.readout, `${t('person.roleIn')} ${p.role}`)),
          firstPage: 1,
        },
        mentions: {
          count: mentions.length,
          items: mentioning.map((m) =>
            listedReadout(
              m.readout,
              m.designation ? t('readout.designation', { designation: m.designation }) : undefined,
            ),
          ),
          firstPage: pageOf(participations.length, participations.length + mentions.length),
        },
        roles: taking.map((p) => ({ date: p.readout.data.date, role: p.role })),
        ...(page.number === 1 && { ...(timeline && { timeline }), interlocutors }),
      },
    };
  });
}

/** A page of a list of records ranked by what they share with one (a person's interlocutors, a topic's related topics). */
export interface RankedPage {
  /** The record the list is of: its id, and its name or label. */
  of: { id: string; name: string };
  position: PagePosition;
  count: number;
  items: RecordItem[];
}

export function rankedPages<T>(
  of: { id: string; name: string },
  list: string,
  ranked: readonly Ranked<T>[],
  show: (item: Ranked<T>) => RecordItem,
): Paged<RankedPage>[] {
  if (!hasOwnPages(ranked.length)) return [];
  return pagePaths(ranked).map(({ page, param }) => ({
    param,
    view: { of, position: position(list, page), count: ranked.length, items: page.items.map(show) },
  }));
}

// The meetings.

/** A meeting of several accounts, as the list of meetings shows it. */
export type MeetingItem = Pick<MeetingView, 'id' | 'title' | 'start' | 'end'> & { summary: string };

/** A page of the list of meetings: where it stands, and its meetings. */
export interface MeetingsPage {
  position: PagePosition;
  items: MeetingItem[];
}

export function meetingsPages(archive: Archive, views: Map<string, MeetingView>): Paged<MeetingsPage>[] {
  const items = archive.meetings.map((m): MeetingItem => {
    const { title, start, end } = need(views, m.id, 'Rencontre');
    return { id: m.id, title, start, end, summary: meetingSummary(m) };
  });
  return pagePaths(items).map(({ page, param }) => ({
    param,
    view: { position: position(routes.meetings(), page), items: page.items },
  }));
}

// The indexes of records.

export const personIndexItem = (archive: Archive, p: Person): RecordItem => ({
  route: routes.person(p.id),
  label: p.data.name,
  nameParts: nameParts(p.data),
  original: p.data.nameOriginal,
  originalLang: p.data.nameOriginalLang,
  detail: [
    tCount('participations', archive.participationsOf.get(p.id)?.length ?? 0),
    tCount('mentions', archive.mentionsOf.get(p.id)?.length ?? 0),
  ].join(', '),
});

export const topicIndexItem = (archive: Archive, topic: Topic): RecordItem => ({
  route: routes.topic(topic.id),
  label: topic.data.label,
  detail: `${t(`topicKind.${topic.data.kind}`)} · ${tCount('readouts', archive.readoutsOnTopic.get(topic.id)?.length ?? 0)}`,
});

export const placeIndexItem = (archive: Archive, place: Place): RecordItem => ({
  route: routes.place(place.id),
  label: place.data.name,
  original: place.data.nameOriginal,
  originalLang: place.data.nameOriginalLang,
  detail: `${countryName(place.data.country)} · ${tCount('readouts', archive.readoutsAtPlace.get(place.id)?.length ?? 0)}`,
});
