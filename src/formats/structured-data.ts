/**
 * Structured data (schema.org, as JSON-LD) describing each page for search engines and
 * library tools: a document is a `Report` about a meeting (an `Event` at a `Place`, whose
 * attendees carry the role the document gives them), people are `Person`s, and every page
 * with breadcrumbs has a `BreadcrumbList`. Every node that has a page here takes that page's
 * permanent URL as its `@id`, so the same person is the same node on every page.
 *
 * Dates: a document's `date` is the day of the meeting. It is the Event's `startDate` and the
 * Report's `temporalCoverage`; the Report's `datePublished` is given only when the source
 * shows the original's publication day (`source.published`), never inferred.
 */
import type {
  BreadcrumbList,
  EventLeaf,
  OrganizationLeaf,
  PersonLeaf,
  PlaceLeaf,
  Report,
  Role,
  Thing,
  ThingLeaf,
  VirtualLocationLeaf,
  WithContext,
} from 'schema-dts';
import { countryName } from '#content/countries.ts';
import { t } from '#i18n/index.ts';
import { recordsOf, type Archive, type Person, type Place, type Readout, type Topic } from '#archive/archive.ts';
import { formatSpan } from '#i18n/dates.ts';
import { routes, type Absolute } from '#archive/urls.ts';
import { formatInline, formatLabel, isCall } from '#archive/formats.ts';
import type { MeetingView } from '#archive/meeting-page.ts';

export type JsonLd = WithContext<Thing>;

const context = 'https://schema.org' as const;

/** A crumb with the full address of its page. */
export interface LinkedCrumb {
  name: string;
  url: string;
}

/** The trail from the home page to the page itself, positions from 1. */
export function breadcrumbList(crumbs: readonly LinkedCrumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': context,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/** A place, with the country it is in. */
export function placeNode(place: Place, url: Absolute): PlaceLeaf {
  const { data } = place;
  const page = url(routes.place(place.id));
  return {
    '@type': 'Place',
    '@id': page,
    url: page,
    name: data.name,
    ...(data.nameOriginal !== undefined && { alternateName: data.nameOriginal }),
    address: { '@type': 'PostalAddress', addressCountry: data.country },
  };
}

/*
 * A person or a topic is named by reference: their type, the URL of their page (`@id`) and their
 * name. Their own page adds the rest (a person's description and nationality, a topic's
 * description); a document's page names them by reference only, so that it does not carry a
 * copy of each record.
 */

/** A person by reference: their page and their names. */
function personReference(person: Person, url: Absolute): PersonLeaf {
  const { data } = person;
  return {
    '@type': 'Person',
    '@id': url(routes.person(person.id)),
    name: data.name,
    ...(data.nameOriginal !== undefined && { alternateName: data.nameOriginal }),
  };
}

/** A topic by reference: its page and its label. */
function topicReference(topic: Topic, url: Absolute): OrganizationLeaf | ThingLeaf {
  const page = url(routes.topic(topic.id));
  const common = { '@id': page, name: topic.data.label };
  return topic.data.kind === 'organisation' ? { '@type': 'Organization', ...common } : { '@type': 'Thing', ...common };
}

/** The person alone, for their own page. */
export function personJsonLd(person: Person, url: Absolute): WithContext<PersonLeaf> {
  const { data } = person;
  return {
    '@context': context,
    ...personReference(person, url),
    url: url(routes.person(person.id)),
    ...(data.description !== undefined && { description: data.description }),
    nationality: { '@type': 'Country', name: countryName(data.country), identifier: data.country },
  };
}

/** The place alone, for its own page. */
export function placeJsonLd(place: Place, url: Absolute): WithContext<PlaceLeaf> {
  return { '@context': context, ...placeNode(place, url) };
}

/** The topic alone, for its own page. */
export function topicJsonLd(topic: Topic, url: Absolute): WithContext<OrganizationLeaf | ThingLeaf> {
  return {
    '@context': context,
    ...topicReference(topic, url),
    url: url(routes.topic(topic.id)),
    description: topic.data.description,
  };
}

/**
 * The meeting a document reports: when, where, who took part and in what role, and how it was
 * held: in person at a place (`OfflineEventAttendanceMode`), or by telephone or video link, at no
 * place (`OnlineEventAttendanceMode`, a `VirtualLocation` named by the form of the call).
 */
export function meetingNode(readout: Readout, archive: Archive, url: Absolute): EventLeaf {
  const { data } = readout;
  const { place, participants } = recordsOf(readout, archive);
  const location: PlaceLeaf | VirtualLocationLeaf = place
    ? placeNode(place, url)
    : { '@type': 'VirtualLocation', name: formatLabel(data.format) };
  const attendee: Role<PersonLeaf, 'attendee'>[] = participants.map((p) => ({
    '@type': 'Role',
    roleName: p.role,
    attendee: personReference(p.person, url),
  }));
  return {
    '@type': 'Event',
    '@id': `${url(routes.readout(readout.id))}#rencontre`,
    name: data.title,
    startDate: data.date,
    ...(data.dateEnd !== undefined && { endDate: data.dateEnd }),
    eventAttendanceMode: isCall(data.format)
      ? 'https://schema.org/OnlineEventAttendanceMode'
      : 'https://schema.org/OfflineEventAttendanceMode',
    location,
    attendee,
    ...(data.event !== undefined && { superEvent: { '@type': 'Event', name: data.event, location } }),
  };
}

const names = new Intl.ListFormat('fr', { type: 'conjunction' });

/** One sentence describing a document: the page's description, its OpenGraph description and the Report's. */
export function readoutDescription(readout: Readout, archive: Archive): string {
  const { place, participants } = recordsOf(readout, archive);
  const common = {
    date: formatSpan(readout.data.date, readout.data.dateEnd),
    participants: names.format(participants.map((p) => p.person.data.name)),
  };
  return place
    ? t('readout.description', { ...common, place: place.data.name })
    : t('readout.descriptionCall', { ...common, format: formatInline(readout.data.format) });
}

/** A document: the report of a meeting, about its topics, mentioning people, in French. */
export function readoutJsonLd(
  readout: Readout,
  archive: Archive,
  url: Absolute,
  image?: string | undefined,
): WithContext<Report> {
  const { data } = readout;
  const page = url(routes.readout(readout.id));
  const home = url(routes.home());
  const records = recordsOf(readout, archive);
  const topics = records.topics.map((topic) => topicReference(topic, url));
  const source = data.source;
  // The original, then the copy the archive took it from when someone else republished it.
  const basedOn = [source?.url, source?.via?.url].filter((u): u is string => u !== undefined);
  return {
    '@context': context,
    '@type': 'Report',
    '@id': page,
    url: page,
    name: data.title,
    headline: data.title,
    description: readoutDescription(readout, archive),
    inLanguage: data.language,
    temporalCoverage: data.dateEnd === undefined ? data.date : `${data.date}/${data.dateEnd}`,
    ...(source?.published !== undefined && { datePublished: source.published }),
    ...(source?.modified !== undefined && { dateModified: source.modified }),
    ...(source !== undefined && { publisher: { '@type': 'Organization', name: source.publisher } }),
    ...(basedOn.length > 0 && { isBasedOn: basedOn.length === 1 ? basedOn[0]! : basedOn }),
    about: [
      meetingNode(readout, archive, url),
      // The meeting all its accounts report, by its page, when the archive holds several.
      ...(data.meeting === undefined
        ? []
        : [{ '@type': 'Event' as const, '@id': `${url(routes.meeting(data.meeting))}#rencontre` }]),
      ...topics,
    ],
    mentions: records.mentions.map((m) => personReference(m.person, url)),
    // The place, described in the meeting's location, by its page.
    ...(records.place !== undefined && {
      contentLocation: { '@type': 'Place', '@id': url(routes.place(records.place.id)) },
    }),
    isPartOf: { '@type': 'WebSite', '@id': home, url: home, name: t('site.name'), inLanguage: 'fr' },
    ...(image !== undefined && { image }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so that no
 * text (a title with `</script>`) can end the element, and U+2028/U+2029 are escaped too.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A meeting the archive holds several accounts of: an `Event` at its own page, over the days its
 * accounts give, at the place they all give (none when they differ), with each account as a
 * `Report` about it (`subjectOf`). Who took part is left to each account's own Event: the
 * accounts may differ, and the meeting's node says only what they share.
 */
export function meetingJsonLd(view: MeetingView, url: Absolute): WithContext<EventLeaf> {
  const page = url(routes.meeting(view.id));
  return {
    '@context': context,
    '@type': 'Event',
    '@id': `${page}#rencontre`,
    url: page,
    name: view.title,
    startDate: view.start,
    ...(view.end !== view.start && { endDate: view.end }),
    ...(view.place && {
      location: { '@type': 'Place', '@id': url(routes.place(view.place.id)), name: view.place.name },
    }),
    subjectOf: view.accounts.map((a) => ({
      '@type': 'Report',
      '@id': url(routes.readout(a.id)),
      name: a.title,
      inLanguage: a.language,
    })),
  };
}
