/**
 * Permanent URLs, decided in one place. A route is a path relative to the site's base
 * (`comptes-rendus/<id>/`); `href()` prefixes the base for links, `absoluteUrl()` adds the
 * origin for canonical and permanent links. Ids come from file names, never from titles,
 * and every page URL ends with a slash; files (feeds, references, the JSON API) keep their
 * extension. A URL published once must keep working: see `docs/urls.md`.
 */
import { isId } from '#content/ids.ts';
import type { CollectionName, ReadoutFormat } from '#content/schema.ts';

export const routes = {
  home: () => '',
  readouts: () => 'comptes-rendus/',
  readout: (id: string) => `comptes-rendus/${segment(id)}/`,
  /** The documents of one form of meeting: `comptes-rendus/forme/telephone/` (two segments: never a document's address). */
  readoutsInFormat: (format: ReadoutFormat) => `comptes-rendus/forme/${formatSegments[format]}/`,
  people: () => 'personnes/',
  person: (id: string) => `personnes/${segment(id)}/`,
  /** Everyone who took part in a document with the person, when the person's page cannot show them all. */
  personInterlocutors: (id: string) => `personnes/${segment(id)}/interlocuteurs/`,
  topics: () => 'themes/',
  topic: (id: string) => `themes/${segment(id)}/`,
  places: () => 'lieux/',
  place: (id: string) => `lieux/${segment(id)}/`,
  /** The meetings the archive holds several accounts of (or names ahead of the others). */
  meetings: () => 'rencontres/',
  /** A meeting: its accounts side by side, and what each names. */
  meeting: (id: string) => `rencontres/${segment(id)}/`,
  chronology: () => 'chronologie/',
  chronologyYear: (year: number) => `chronologie/${yearSegment(year)}/`,
  search: () => 'recherche/',
  /** Page `n` of a list whose first page is `list`: page 1 keeps the list's URL, the next ones add `page/<n>/`. */
  page: (list: string, n: number) => list + (pageParam(n) === undefined ? '' : `${pageParam(n)}/`),

  // Files next to a page (no trailing slash: they are files, not pages).
  /** The document's Markdown file, byte for byte as the archive holds it. */
  readoutSource: (id: string) => `comptes-rendus/${segment(id)}/source.md`,
  /** The document's reference as CSL-JSON (`json`), BibTeX (`bib`) or RIS (`ris`). */
  readoutCitation: (id: string, format: CitationFormat) => `comptes-rendus/${segment(id)}/citation.${format}`,
  /** The document's preview image (1200×630 PNG) for links shared on social sites. */
  readoutPreview: (id: string) => `comptes-rendus/${segment(id)}/apercu.png`,
  readoutsFeed: () => 'comptes-rendus/flux.xml',
  personFeed: (id: string) => `personnes/${segment(id)}/flux.xml`,
  topicFeed: (id: string) => `themes/${segment(id)}/flux.xml`,

  // The JSON API and its schemas.
  apiReadouts: () => 'api/comptes-rendus.json',
  apiReadout: (id: string) => `api/comptes-rendus/${segment(id)}.json`,
  apiPeople: () => 'api/personnes.json',
  apiTopics: () => 'api/themes.json',
  apiPlaces: () => 'api/lieux.json',
  apiMeetings: () => 'api/rencontres.json',
  apiMeeting: (id: string) => `api/rencontres/${segment(id)}.json`,
  apiSchema: (name: ApiSchemaName) => `api/schemas/${name}.schema.json`,
} as const;

/** The word of each form of meeting in its list's address. */
export const formatSegments = {
  'in-person': 'en-personne',
  phone: 'telephone',
  video: 'visioconference',
  call: 'appel',
} as const satisfies Record<ReadoutFormat, string>;

export const citationFormats = ['json', 'bib', 'ris'] as const;
export type CitationFormat = (typeof citationFormats)[number];

/** One JSON Schema per API file, kept in `public/api/schemas/`. */
export const apiSchemaNames = [
  'comptes-rendus',
  'compte-rendu',
  'personnes',
  'themes',
  'lieux',
  'rencontres',
  'rencontre',
] as const;
export type ApiSchemaName = (typeof apiSchemaNames)[number];

function segment(id: string): string {
  if (!isId(id)) throw new Error(`Identifiant impropre à une URL : « ${id} »`);
  return id;
}

/** The page of each collection's entries. */
const entryPages = {
  readouts: routes.readout,
  people: routes.person,
  topics: routes.topic,
  places: routes.place,
} as const satisfies Record<CollectionName, (id: string) => string>;

/** The page of an entry: a document's or a record's. */
export function entryRoute(collection: CollectionName, id: string): string {
  return entryPages[collection](id);
}

/**
 * The shape of an entry's segment, by the prefix of its pages. A document's id starts with its
 * date (the validator sees to it), so that `comptes-rendus/page/2/` and the lists of
 * `comptes-rendus/forme/…/` are never taken for documents' pages.
 */
const entrySegments = new Map(
  Object.entries(entryPages).map(([collection, route]) => [
    route('x').slice(0, -'x/'.length),
    collection === 'readouts' ? /^\d{4}-\d{2}-\d{2}-[^/]+\/$/ : /^[^/]+\/$/,
  ]),
);

/** Whether a route has the shape of an entry's page (`personnes/<id>/`), existing or not. */
export function isEntryRoute(route: string): boolean {
  return [...entrySegments].some(
    ([prefix, segment]) => route.startsWith(prefix) && segment.test(route.slice(prefix.length)),
  );
}

function yearSegment(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`Année impropre à une URL : ${year}`);
  return String(year);
}

/**
 * What page `n` adds to its list's URL, as the `[...page]` parameter of a list's route file:
 * nothing for page 1 (the list's own URL, never `page/1/`), `page/<n>` after.
 */
export function pageParam(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Numéro de page impropre à une URL : ${n}`);
  return n === 1 ? undefined : `page/${n}`;
}

/** `/`, `/archive/`: the base path with exactly one leading and one trailing slash. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The link a page prints for a route: `/archive/comptes-rendus/x/` under `BASE_PATH=/archive/`. */
export function href(route: string, base: string = import.meta.env.BASE_URL): string {
  return normalizeBase(base) + route.replace(/^\/+/, '');
}

/** The full address of a route, for canonical links and the permanent URL shown to readers. */
export function absoluteUrl(route: string, site: string | URL, base: string = import.meta.env.BASE_URL): string {
  return new URL(href(route, base), site).href;
}

/** Turns a route into its full address: what feeds, the JSON API and citations print. */
export type Absolute = (route: string) => string;

/** `absoluteUrl` bound to one site and base. */
export function absoluteUrls(site: string | URL, base: string = import.meta.env.BASE_URL): Absolute {
  return (route) => absoluteUrl(route, site, base);
}
