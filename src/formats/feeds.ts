/**
 * RSS 2.0 feeds: the whole archive, and one per person and per topic, so that a reader can
 * follow them. This module decides what a feed says; `@astrojs/rss` writes the XML.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { t } from '#i18n/index.ts';
import { compareReadouts, need, recordsOf, type Archive, type Readout } from '#archive/archive.ts';
import { parseCalendarDate } from '#content/dates.ts';
import { formatSpan } from '#i18n/dates.ts';
import { routes, type Absolute } from '#archive/urls.ts';
import { formatInline } from '#archive/formats.ts';
import { pageKey, readoutDigest } from '#archive/page-keys.ts';

/**
 * The instant RSS requires for a document that only has a calendar day: noon UTC of that day.
 * Built from the day's numbers with `Date.UTC`, so the build's time zone never enters, and
 * noon keeps the same calendar day on a reader's clock from UTC−11 to UTC+11.
 */
export function feedDate(date: string): Date {
  const day = parseCalendarDate(date);
  if (!day) throw new Error(`Date invalide : « ${date} »`);
  return new Date(Date.UTC(day.year, day.month - 1, day.day, 12));
}

/**
 * How many documents a feed lists: the newest. A reader's feed reader keeps what it has seen;
 * the whole list of a person's or a topic's documents is on its pages and in the JSON API.
 */
export const FEED_SIZE = 50;

/**
 * The key of a feed for Astro's incremental build (see `src/archive/page-keys.ts`): its title and
 * what it shows of its newest `FEED_SIZE` documents, and nothing of the older ones.
 */
export function feedKey(title: string, readouts: readonly Readout[], archive: Archive): string {
  return pageKey(
    title,
    readouts.slice(0, FEED_SIZE).map((r) => readoutDigest(r, archive)),
  );
}

/** One item per document, the newest `FEED_SIZE` of those given (newest first): title, permanent link, date, place (or form of a call), participants. */
export function feedItems(readouts: readonly Readout[], archive: Archive, url: Absolute): RSSFeedItem[] {
  return readouts.slice(0, FEED_SIZE).map((readout) => {
    const { data } = readout;
    const { place, participants, topics } = recordsOf(readout, archive);
    const common = {
      date: formatSpan(data.date, data.dateEnd),
      participants: participants.map((p) => p.person.data.name).join(', '),
    };
    return {
      title: data.title,
      link: url(routes.readout(readout.id)),
      pubDate: feedDate(data.date),
      // A meeting in person by its place; a call, which has none, by its form.
      description: place
        ? t('feed.item', { ...common, place: place.data.name })
        : t('feed.itemCall', { ...common, format: formatInline(data.format) }),
      categories: topics.map((topic) => topic.data.label),
    };
  });
}

/** The documents a person's feed lists: those they take part in and those that mention them, newest first. */
export function readoutsConcerning(archive: Archive, personId: string): Readout[] {
  const byId = new Map<string, Readout>();
  for (const { readout } of archive.participationsOf.get(personId) ?? []) byId.set(readout.id, readout);
  for (const { readout } of archive.mentionsOf.get(personId) ?? []) byId.set(readout.id, readout);
  return [...byId.values()].sort(compareReadouts);
}

export interface Feed {
  title: string;
  description: string;
  /** Route of the page the feed follows (its `<link>`). */
  page: string;
  /** Route of the feed itself (its `atom:link rel="self"`). */
  self: string;
  items: RSSFeedItem[];
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

/** The options `@astrojs/rss` needs: absolute links, French language, and the feed's own address. */
export function rssOptions(feed: Feed, url: Absolute): RSSOptions {
  return {
    title: feed.title,
    description: feed.description,
    site: url(feed.page),
    items: feed.items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>fr</language><atom:link href="${escapeXml(url(feed.self))}" rel="self" type="application/rss+xml"/>`,
  };
}

/** Feed titles, also given to the `<link rel="alternate">` that lets browsers and readers find them. */
export const feedTitles = {
  archive: () => t('feed.all.title', { site: t('site.name') }),
  person: (name: string) => t('feed.person.title', { name, site: t('site.name') }),
  topic: (label: string) => t('feed.topic.title', { label, site: t('site.name') }),
};

/** The feed of every document. */
export function archiveFeed(archive: Archive, url: Absolute): Feed {
  return {
    title: feedTitles.archive(),
    description: t('feed.all.description'),
    page: routes.readouts(),
    self: routes.readoutsFeed(),
    items: feedItems(archive.readouts, archive, url),
  };
}

/** The feed that follows one person. */
export function personFeed(archive: Archive, personId: string, url: Absolute): Feed {
  const name = need(archive.person, personId, 'Personne').data.name;
  return {
    title: feedTitles.person(name),
    description: t('feed.person.description', { name }),
    page: routes.person(personId),
    self: routes.personFeed(personId),
    items: feedItems(readoutsConcerning(archive, personId), archive, url),
  };
}

/** The feed that follows one topic. */
export function topicFeed(archive: Archive, topicId: string, url: Absolute): Feed {
  const label = need(archive.topic, topicId, 'Thème').data.label;
  return {
    title: feedTitles.topic(label),
    description: t('feed.topic.description', { label }),
    page: routes.topic(topicId),
    self: routes.topicFeed(topicId),
    items: feedItems(archive.readoutsOnTopic.get(topicId) ?? [], archive, url),
  };
}
