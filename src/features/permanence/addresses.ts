/**
 * What the archive publishes, and what its build writes besides: known from the content before
 * any build (`plannedAddresses`), or read from a finished build (`builtAddresses`). From them one
 * rule decides what a redirect may take (`redirects.ts`) and where a link in a text may lead
 * (`src/content/validate/body.ts`): `npm run check:content`, the build (which runs that check
 * first, then checks its output with `builtAddresses`) and `npm run deploy:nginx` ask the same
 * questions of the same answers.
 *
 * The plan follows the routes of `src/pages/` and of the files next to each document: a page
 * added there must be added here too. `tests/build/urls-manifest.test.ts` compares the plan with
 * every file of the test builds, so that the two cannot drift apart unseen.
 */
import { join } from 'node:path';
import { buildArchive, type Archive } from '#archive/archive.ts';
import { archiveYears } from '#archive/chronology.ts';
import { readoutsByFormat } from '#archive/formats.ts';
import { pageCount } from '#archive/pagination.ts';
import { personEntries } from '#archive/person-pages.ts';
import { hasOwnPages } from '#archive/together.ts';
import { apiSchemaNames, entryRoute, routes } from '#archive/urls.ts';
import { parseEntries } from '#content/entries.ts';
import { isId } from '#content/ids.ts';
import type { ContentFile } from '#content/read.ts';
import { readoutFormats } from '#content/schema.ts';
import { readoutFileRoutes } from '#features/readout-files/files.ts';
import { listFiles } from '#features/site-files.ts';

/** The addresses of a site, as the rules about redirects and links ask about them. */
export interface Addresses {
  /**
   * Whether the site publishes `route` (a page, `personnes/wang-yi/`, or a file,
   * `comptes-rendus/flux.xml`), or writes it (`404.html`); nothing when that cannot be known
   * before the build (a page of a list, when the content is not valid yet).
   */
  has(route: string): boolean | undefined;
  /** An address of the site under the page `prefix` (`api/` → `api/comptes-rendus.json`), or nothing. */
  below(prefix: string): string | undefined;
}

/**
 * Folders the build fills with files of its own, none an address of the archive (styles and
 * scripts, the search index): no redirect may take an address in them.
 */
export const GENERATED_FOLDERS: Readonly<Record<string, string>> = {
  '_astro/': 'styles et scripts du site',
  'pagefind/': 'index de recherche',
};

/** The generated folder `route` lies in, or nothing. */
export function generatedFolder(route: string): string | undefined {
  return Object.keys(GENERATED_FOLDERS).find((folder) => route.startsWith(folder));
}

/** Files every build writes that are not pages of the archive: they are its addresses all the same. */
const SITE_FILES = ['404.html', '_redirects', '_headers', 'robots.txt', 'sitemap-index.xml'];
/** The sitemap's parts, numbered from 0 (`sitemap-0.xml`): as many as its size needs. */
const SITEMAP_PART = /^sitemap-\d+\.xml$/;

/** Where the pages of a list live: its first page's route, then `page/<n>/` below it. */
function listPages(list: string, length: number): string[] {
  return Array.from({ length: pageCount(length) }, (_, i) => routes.page(list, i + 1));
}

/** Routes sorted, with the questions `Addresses` asks answered by binary search. */
class RouteSet {
  private readonly sorted: string[];
  private readonly set: Set<string>;
  constructor(routes: Iterable<string>) {
    this.set = new Set(routes);
    this.sorted = [...this.set].sort();
  }
  has(route: string): boolean {
    return this.set.has(route);
  }
  /** A route that starts with `prefix` but is not `prefix`, or nothing. */
  below(prefix: string): string | undefined {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]! <= prefix) low = mid + 1;
      else high = mid;
    }
    const next = this.sorted[low];
    return next !== undefined && next.startsWith(prefix) ? next : undefined;
  }
}

/**
 * The pages whose number depends on what the documents say (the pages of each list, the
 * chronology's years, the meetings, a person's interlocutors, a topic's related topics), from the
 * archive the content makes; nothing
 * when the content is not valid yet (the archive cannot be made).
 */
function listRoutes(files: readonly ContentFile[]): string[] | undefined {
  let archive: Archive;
  try {
    archive = buildArchive(parseEntries(files.filter((f) => isId(f.id))));
  } catch {
    return undefined;
  }
  const byFormat = readoutsByFormat(archive.readouts);
  return [
    ...listPages(routes.readouts(), archive.readouts.length),
    ...[...byFormat].flatMap(([format, list]) => listPages(routes.readoutsInFormat(format), list.length)),
    ...archiveYears(archive.readouts).flatMap((year) =>
      listPages(routes.chronologyYear(year.year), year.readouts.length),
    ),
    ...archive.people.flatMap((person) => {
      const interlocutors = archive.interlocutorsOf.get(person.id)?.length ?? 0;
      return [
        ...listPages(routes.person(person.id), personEntries(archive, person.id).length),
        ...rankedListPages(routes.personInterlocutors(person.id), interlocutors),
      ];
    }),
    ...archive.topics.flatMap((t) => {
      const related = archive.topicsWith.get(t.id)?.length ?? 0;
      return [
        ...listPages(routes.topic(t.id), archive.readoutsOnTopic.get(t.id)?.length ?? 0),
        ...rankedListPages(routes.topicRelated(t.id), related),
      ];
    }),
    ...archive.places.flatMap((p) => listPages(routes.place(p.id), archive.readoutsAtPlace.get(p.id)?.length ?? 0)),
    // A meeting's id is a value of its documents, not a file's name: its page and file are counted here.
    ...listPages(routes.meetings(), archive.meetings.length),
    ...archive.meetings.flatMap((meeting) => [routes.meeting(meeting.id), routes.apiMeeting(meeting.id)]),
  ];
}

/** The pages of a ranked list (a person's interlocutors, a topic's related topics): none while its record's page shows it whole. */
function rankedListPages(route: string, count: number): string[] {
  return hasOwnPages(count) ? listPages(route, count) : [];
}

/** The top folders of the routes the plan knows; any other address is taken from `urls.txt`. */
const PLANNED_TOPS = new Set([
  'api',
  'chronologie',
  'comptes-rendus',
  'lieux',
  'personnes',
  'recherche',
  'rencontres',
  'themes',
]);

/**
 * Every address whose existence follows from the names of the content's files, and what the
 * build writes whatever the content: pages, files next to each document, feeds, the API, site
 * files, `public/`, and what `urls.txt` lists under a top folder the plan does not know.
 */
function knownRoutes(files: readonly ContentFile[], options: PlanOptions): string[] {
  const ids = (collection: ContentFile['collection']) =>
    files.filter((f) => f.collection === collection && isId(f.id)).map((f) => f.id);
  return [
    routes.home(),
    routes.readouts(),
    ...readoutFormats.map((format) => routes.readoutsInFormat(format)),
    routes.people(),
    routes.topics(),
    routes.places(),
    routes.chronology(),
    routes.search(),
    routes.readoutsFeed(),
    routes.meetings(),
    routes.apiMeetings(),
    routes.apiReadouts(),
    routes.apiPeople(),
    routes.apiTopics(),
    routes.apiPlaces(),
    ...apiSchemaNames.map((name) => routes.apiSchema(name)),
    ...SITE_FILES,
    ...publicFiles(options.root),
    ...ids('readouts').flatMap((id) => [routes.readout(id), ...readoutFileRoutes(id)]),
    ...ids('people').flatMap((id) => [routes.person(id), routes.personFeed(id)]),
    ...ids('topics').flatMap((id) => [routes.topic(id), routes.topicFeed(id)]),
    ...ids('places').map((id) => routes.place(id)),
    ...(options.manifest ?? []).filter((route) => !PLANNED_TOPS.has(route.split('/')[0]!) && route !== ''),
  ];
}

/** What the plan reads besides the content's files. */
export interface PlanOptions {
  /** The project, whose `public/` the build copies. */
  root: string;
  /** The routes `content/urls.txt` lists. */
  manifest?: readonly string[] | undefined;
}

/**
 * Every address the build of `files` will write, at once (the pages of lists counted), or
 * nothing when the content is not valid: what `tests/build/addresses.test.ts` compares with
 * the test builds.
 */
export function plannedRoutes(files: readonly ContentFile[], options: PlanOptions): string[] | undefined {
  const lists = listRoutes(files);
  return lists && [...new Set([...knownRoutes(files, options), ...lists])].sort();
}

/**
 * The addresses the build of `files` will publish, and the files it writes besides, known before
 * it runs. Every page and file whose existence follows from the files' names is known at once;
 * the pages of lists (`…/page/2/`, a year of the chronology, a person's interlocutors) are
 * counted from the archive when a question needs them. An address under a top folder the plan
 * does not know is published when `urls.txt` (`manifest`) lists it.
 */
export function plannedAddresses(files: readonly ContentFile[], options: PlanOptions): Addresses {
  const ids = (collection: ContentFile['collection']) =>
    files.filter((f) => f.collection === collection && isId(f.id)).map((f) => f.id);
  const known = new RouteSet(knownRoutes(files, options));
  // The lists whose pages depend on the documents, by their first page's route.
  const lists = [routes.readouts(), ...readoutFormats.map((format) => routes.readoutsInFormat(format))];
  const recordLists = new Set(
    (['people', 'topics', 'places'] as const).flatMap((c) => ids(c).map((id) => entryRoute(c, id))),
  );
  /** The ranked lists below a record's page, by the folder of their records: `interlocuteurs/`, `associes/`, and the shape of their pages. */
  const rankedLists = [
    [routes.people(), routes.personInterlocutors('x').slice(routes.person('x').length)],
    [routes.topics(), routes.topicRelated('x').slice(routes.topic('x').length)],
  ].map(([folder, word]) => ({ folder: folder!, word: word!, shape: new RegExp(`^${word}(?:page/\\d+/)?$`) }));
  /**
   * Whether `route` may be a page counted from the documents (`partial`: may lie above one):
   * `<list>page/<n>/`, a year of the chronology, a meeting (its page and its file of the API), a
   * person's interlocutors, a topic's related topics.
   */
  const counted = (route: string, partial: boolean): boolean => {
    for (const tree of [routes.chronology(), routes.meetings(), `${routes.apiMeetings().replace(/\.json$/, '')}/`]) {
      if (route.startsWith(tree) || (partial && tree.startsWith(route))) return true;
    }
    const record = /^[^/]+\/[^/]+\//.exec(route)?.[0];
    for (const list of record !== undefined && recordLists.has(record) ? [...lists, record] : lists) {
      if (partial && list.startsWith(route)) return true;
      if (!route.startsWith(list)) continue;
      const rest = route.slice(list.length);
      const below = (shape: RegExp, word: string) =>
        partial ? word.startsWith(rest) || shape.test(rest) : shape.test(rest);
      if (below(/^page\/\d+\/$/, 'page/')) return true;
      for (const { folder, word, shape } of list === record ? rankedLists : []) {
        if (list.startsWith(folder) && below(shape, word)) return true;
      }
    }
    return false;
  };
  let pages: RouteSet | null | undefined;
  const listed = () => {
    if (pages === undefined) {
      const found = listRoutes(files);
      pages = found === undefined ? null : new RouteSet(found);
    }
    return pages;
  };
  return {
    has(route) {
      if (known.has(route) || SITEMAP_PART.test(route)) return true;
      return counted(route, false) ? listed()?.has(route) : false;
    },
    below(prefix) {
      const found = known.below(prefix);
      if (found !== undefined || !counted(prefix, true)) return found;
      return listed()?.below(prefix);
    },
  };
}

/** The files of `public/`, which the build copies as they are. */
function publicFiles(root: string): string[] {
  try {
    return listFiles(join(root, 'public'));
  } catch {
    return [];
  }
}

/**
 * The addresses of a finished build, from its list of files: every file, a page being its
 * folder (`x/index.html` → `x/`); `redirectPages`, the pages the build wrote for redirects,
 * are left out (they stand where the archive publishes nothing).
 */
export function builtAddresses(files: readonly string[], redirectPages: ReadonlySet<string>): Addresses {
  const built = new RouteSet(
    files
      .map((file) =>
        file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file,
      )
      .filter((route) => !redirectPages.has(route)),
  );
  return { has: (route) => built.has(route), below: (prefix) => built.below(prefix) };
}
