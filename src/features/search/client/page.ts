/**
 * The search page's script (`src/pages/recherche/index.astro`): a form, a count read out by
 * screen readers, filters, and the results, the first `PAGE_SIZE` at a time. Only the shown
 * results' fragments are loaded; the rest wait for « more results ». Filters list the values
 * the results hold, with their counts, built once per search.
 *
 * The page gives it every word it shows (`data-messages`, from the French dictionary), the
 * index's folder and the site's base. The form's words and filters go in the address
 * (`?q=…&Personne=…`), so that a search can be linked to, and is there again when a reader
 * comes back to the page.
 */
import { SearchEngine, type Fragment, type Hit, type SearchOutcome } from './engine.ts';
import type { FilterCounts } from './rank.ts';
import type { PersonName } from '../manifest.ts';
import { SearchPeople } from '../people.ts';
import { href, routes } from '#archive/urls.ts';

/** How many results are shown at first, and added by each « more results » (the page's `data-page-size`). */
export const PAGE_SIZE = 20;
/** From this width on, the filters show open; on a phone, they wait under their summary, after the count. */
const WIDE = '(min-width: 40rem)';
/** How long typing pauses before the words are searched. */
const PAUSE_MS = 250;
/** How many of the people a search names are shown, most documents first. */
const PEOPLE_SHOWN = 8;

/** The words of the page, by name, from `src/i18n/fr.ts` (`search.*`). */
export interface SearchMessages {
  count: { one: string; other: string };
  countFiltered: { one: string; other: string };
  none: string;
  noneFiltered: string;
  more: string;
  failed: string;
  /** Each filter, in the order shown: its name in the index, and the first choice of its list. */
  filters: { name: string; any: string }[];
  /** The person filter's name: its values are the people's ids, shown by their names. */
  personFilter: string;
  /** How many documents name a person the search names (`{count}`). */
  personDocuments: { one: string; other: string };
  /** Said after the count when the search names people (`{count}`): the block is not read out. */
  peopleFound: { one: string; other: string };
}

const numbers = new Intl.NumberFormat('fr-FR');
const plural = new Intl.PluralRules('fr-FR');

function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    return typeof value === 'number' ? numbers.format(value) : String(value ?? '');
  });
}

/** The message of `forms` that `count` asks for (one, or more), with `{count}` and `values` filled in. */
function formatCount(
  forms: { one: string; other: string },
  count: number,
  values: Record<string, string | number> = {},
): string {
  return format(plural.select(count) === 'one' ? forms.one : forms.other, { ...values, count });
}

/** Pagefind's excerpt (text with `<`, `>` escaped, words found in `<mark>`) as nodes: no HTML is parsed. */
export function excerptNodes(excerpt: string, document: Document): Node[] {
  const text = (s: string) => document.createTextNode(s.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  return excerpt.split(/(<mark>[^<]*<\/mark>)/).map((piece) => {
    const found = /^<mark>([^<]*)<\/mark>$/.exec(piece);
    if (!found) return text(piece);
    const mark = document.createElement('mark');
    mark.append(text(found[1]!));
    return mark;
  });
}

/**
 * The counts each filter's list shows: those of the results, but, for the one filter chosen
 * (`chosen`), those of the results without it, which `totalFilters` gives: the other choices it offers.
 */
function counts(outcome: SearchOutcome, chosen: readonly string[]): FilterCounts {
  return { ...outcome.filters, ...Object.fromEntries(chosen.map((name) => [name, outcome.totalFilters[name] ?? {}])) };
}

/** The elements of the page the script fills. */
interface Parts {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  outcome: HTMLElement;
  filters: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  people: HTMLElement;
  peopleList: HTMLUListElement;
}

function partsOf(document: Document): Parts | undefined {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return undefined;
  const get = <T extends Element>(name: string) => root.querySelector<T>(`[data-search-${name}]`)!;
  return {
    root,
    form: get<HTMLFormElement>('form'),
    input: get<HTMLInputElement>('input'),
    status: get<HTMLElement>('status'),
    outcome: get<HTMLElement>('outcome'),
    filters: get<HTMLElement>('filters'),
    list: get<HTMLOListElement>('list'),
    more: get<HTMLButtonElement>('more'),
    people: get<HTMLElement>('people'),
    peopleList: get<HTMLUListElement>('people-list'),
  };
}

/** One result as the site lists documents: the title as a link, the date, then the excerpt. */
function resultItem(hit: Hit, fragment: Fragment, document: Document): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h3');
  heading.className = 'result-title';
  const link = document.createElement('a');
  link.href = fragment.url;
  link.textContent = fragment.meta['title'] ?? fragment.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  const time = document.createElement('time');
  time.dateTime = fragment.meta['datetime'] ?? '';
  time.textContent = fragment.meta['date'] ?? '';
  meta.append(time);
  for (const extra of [fragment.meta['form'], fragment.meta['language']]) {
    if (extra) meta.append(` · ${extra}`);
  }
  item.append(heading, meta);
  if (fragment.excerpt) {
    const excerpt = document.createElement('p');
    excerpt.className = 'result-excerpt';
    // The excerpt is the document's own words: in its language (the title is the archive's, in French).
    excerpt.lang = hit.part.language;
    excerpt.append(...excerptNodes(fragment.excerpt, document));
    item.append(excerpt);
  }
  return item;
}

/** The page's state: the outcome shown, how many of its hits, and the search under way. */
class SearchPage {
  private outcome: SearchOutcome | undefined;
  private shown = 0;
  /** Whether the filters have been shown once (then their open state is the reader's). */
  private filtersShown = false;
  private readonly pageSize: number;
  private sequence = 0;
  private pause: ReturnType<typeof setTimeout> | undefined;
  private readonly parts: Parts;
  private readonly messages: SearchMessages;
  private readonly engine: Promise<SearchEngine>;
  private readonly document: Document;
  private readonly base: string;
  /** The archive's people, once the index is open. */
  private people: SearchPeople | undefined;

  constructor(
    parts: Parts,
    messages: SearchMessages,
    engine: Promise<SearchEngine>,
    document: Document,
    pageSize: number,
    base: string,
  ) {
    this.base = base;
    this.parts = parts;
    this.pageSize = pageSize;
    this.messages = messages;
    this.engine = engine;
    this.document = document;
  }

  /** The filters chosen, by name. */
  private chosen(): Record<string, string> {
    const chosen: Record<string, string> = {};
    for (const select of this.parts.filters.querySelectorAll('select'))
      if (select.value) chosen[select.name] = select.value;
    return chosen;
  }

  /** Searches what the form says now, with `filters` (those chosen on the page, by default). */
  async run(filters = this.chosen()): Promise<void> {
    const term = this.parts.input.value.trim();
    const sequence = ++this.sequence;
    this.remember(term, filters);
    if (!term) {
      const shown = this.outcome;
      if (shown) void this.engine.then((engine) => engine.forget(shown));
      void this.show(undefined, term, {});
      return;
    }
    let engine: SearchEngine;
    try {
      engine = await this.engine;
    } catch {
      this.parts.status.textContent = this.messages.failed;
      return;
    }
    if (sequence !== this.sequence) return;
    // A manifest cached from before the people were in it names none.
    const people = (this.people ??= new SearchPeople(engine.manifest.people ?? []));
    // An address made before the filter held ids names the person (`?Personne=Wang Yi`).
    const person = filters[this.messages.personFilter];
    if (person !== undefined && !people.labels.has(person)) {
      const id = people.addressed(person);
      if (id !== undefined) {
        filters = { ...filters, [this.messages.personFilter]: id };
        this.remember(term, filters);
      }
    }
    const started = performance.now();
    const outcome = await engine.search(term, filters);
    performance.measure('search:query', { start: started });
    if (sequence !== this.sequence) {
      engine.forget(outcome);
      return;
    }
    if (this.outcome) engine.forget(this.outcome);
    const active = Object.keys(filters);
    await this.show(outcome, term, filters, counts(outcome, active.length === 1 ? active : []));
    if (outcome.counted && active.length <= 1) return;
    // Searched before the filters were loaded, the results are right and their counts come now;
    // with several filters chosen, each one's list counts the results of the others alone.
    await engine.counted;
    const counted = outcome.counted ? outcome : await engine.search(term, filters);
    if (counted !== outcome) engine.forget(counted);
    const withoutEach = await Promise.all(
      active.map(async (name) => {
        if (active.length === 1) return [name, counted.totalFilters[name] ?? {}] as const;
        const others = { ...filters };
        delete others[name];
        const other = await engine.search(term, others);
        engine.forget(other);
        return [name, other.filters[name] ?? {}] as const;
      }),
    );
    if (sequence === this.sequence)
      this.fillFilters({ ...counted.filters, ...Object.fromEntries(withoutEach) }, filters);
  }

  /** Puts the words and filters in the address, without a new entry in the history for each letter. */
  private remember(term: string, filters: Record<string, string>): void {
    const url = new URL(this.document.location.href);
    url.search = '';
    if (term) url.searchParams.set('q', term);
    for (const [name, value] of Object.entries(filters)) url.searchParams.set(name, value);
    this.document.defaultView?.history.replaceState(null, '', url);
  }

  /** Shows an outcome (none: an empty form) once its first results are ready, all at once. */
  private async show(
    outcome: SearchOutcome | undefined,
    term: string,
    filters: Record<string, string>,
    filterCounts: FilterCounts = {},
  ): Promise<void> {
    const { status, outcome: box, list } = this.parts;
    this.outcome = outcome;
    this.shown = 0;
    if (!outcome) {
      list.replaceChildren();
      status.textContent = '';
      box.hidden = true;
      this.showPeople([]);
      this.fillFilters({}, {});
      return;
    }
    const items = await this.nextItems(outcome);
    if (outcome !== this.outcome) return;
    list.replaceChildren(...items);
    const named = (this.people?.searched(term) ?? []).slice(0, PEOPLE_SHOWN);
    this.showPeople(named);
    this.shown = items.length;
    this.fillFilters(filterCounts, filters);
    const total = outcome.hits.length;
    const filtered = Object.keys(filters).length > 0;
    const m = this.messages;
    const found =
      total === 0
        ? format(filtered ? m.noneFiltered : m.none, { term })
        : formatCount(filtered ? m.countFiltered : m.count, total, { term });
    // The people listed are said too: the block itself is not read out.
    status.textContent = named.length > 0 ? `${found} ${formatCount(m.peopleFound, named.length)}` : found;
    box.hidden = total === 0 && !filtered;
    this.offerMore(outcome);
  }

  /**
   * The people the search's words name (at most `PEOPLE_SHOWN`), with a link to each one's page, which lists every
   * document naming them: their names are not searched in the documents' entries (see
   * `SearchRecord.astro`), and a document may name them in another script.
   */
  private showPeople(named: readonly PersonName[]): void {
    const { people, peopleList } = this.parts;
    const document = this.document;
    peopleList.replaceChildren(
      ...named.map(([id, name, , documents]) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = href(routes.person(id), this.base);
        link.textContent = name;
        item.append(link, ` (${formatCount(this.messages.personDocuments, documents)})`);
        return item;
      }),
    );
    people.hidden = named.length === 0;
  }

  /** The items of the next results of `outcome`, after those shown, their fragments loaded together. */
  private async nextItems(outcome: SearchOutcome): Promise<HTMLLIElement[]> {
    const hits = outcome.hits.slice(this.shown, this.shown + this.pageSize);
    const started = performance.now();
    const fragments = await Promise.all(hits.map((hit) => hit.fragment()));
    performance.measure('search:fragments', { start: started });
    return hits.map((hit, i) => resultItem(hit, fragments[i]!, this.document));
  }

  /** The « more results » button, with how many it adds, or hidden when all are shown. */
  private offerMore(outcome: SearchOutcome): void {
    const left = outcome.hits.length - this.shown;
    this.parts.more.hidden = left <= 0;
    this.parts.more.textContent = format(this.messages.more, { count: Math.min(this.pageSize, left) });
  }

  /** Shows the next results after those shown, and moves the focus to the first of them. */
  async showMore(): Promise<void> {
    const { outcome, parts } = this;
    if (!outcome || parts.more.disabled) return;
    parts.more.disabled = true;
    try {
      const items = await this.nextItems(outcome);
      if (outcome !== this.outcome) return;
      parts.list.append(...items);
      this.shown += items.length;
      this.offerMore(outcome);
      items[0]?.querySelector('a')?.focus();
    } finally {
      parts.more.disabled = false;
    }
  }

  /** One list per filter, of the values the results hold (and the one chosen), with their counts. */
  private fillFilters(counts: FilterCounts, chosen: Record<string, string>): void {
    const { filters } = this.parts;
    const document = this.document;
    const collator = new Intl.Collator('fr-FR', { numeric: true });
    const lists = this.messages.filters.map(({ name, any }, i) => {
      // A person is filtered by id, and shown by name.
      const shown = (value: string) =>
        name === this.messages.personFilter ? (this.people?.labels.get(value) ?? value) : value;
      const values = Object.entries(counts[name] ?? {}).filter(([value, n]) => n > 0 || value === chosen[name]);
      if (values.length === 0 && !chosen[name]) return undefined;
      // Years newest first; the rest in French alphabetical order.
      values.sort(([a], [b]) =>
        /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(b) - Number(a) : collator.compare(shown(a), shown(b)),
      );
      const field = document.createElement('div');
      field.className = 'filter';
      const label = document.createElement('label');
      label.htmlFor = `recherche-filtre-${i}`;
      label.textContent = name;
      const select = document.createElement('select');
      select.id = label.htmlFor;
      select.name = name;
      select.add(new Option(any, ''));
      for (const [value, n] of values) select.add(new Option(`${shown(value)} (${numbers.format(n)})`, value));
      select.value = chosen[name] ?? '';
      field.append(label, select);
      return field;
    });
    filters.querySelector('[data-search-filter-list]')!.replaceChildren(...lists.filter((l) => l !== undefined));
    filters.hidden = lists.every((l) => l === undefined);
    if (!filters.hidden && !this.filtersShown) {
      this.filtersShown = true;
      (filters as HTMLDetailsElement).open =
        Object.keys(chosen).length > 0 || (document.defaultView?.matchMedia(WIDE).matches ?? true);
    }
  }

  /** The words and filters of the address, searched once the page is ready. */
  restore(): Record<string, string> {
    const params = new URL(this.document.location.href).searchParams;
    this.parts.input.value = params.get('q') ?? '';
    const filters: Record<string, string> = {};
    for (const { name } of this.messages.filters) {
      const value = params.get(name);
      if (value) filters[name] = value;
    }
    return filters;
  }

  listen(): void {
    const { form, input, filters, more } = this.parts;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.pause);
      void this.run();
    });
    input.addEventListener('input', () => {
      clearTimeout(this.pause);
      this.pause = setTimeout(() => void this.run(), PAUSE_MS);
    });
    filters.addEventListener('change', () => void this.run());
    more.addEventListener('click', () => void this.showMore());
  }
}

/** Starts the search page: shows the form (hidden without JavaScript), opens the index, searches the address's words. */
export function startSearchPage(document: Document): void {
  const parts = partsOf(document);
  if (!parts) return;
  const { bundle = '/pagefind/', base = '/', messages = '{}', pageSize } = parts.root.dataset;
  const opening = performance.now();
  const preload = new URL(document.location.href).searchParams.get('q')?.trim() || undefined;
  const engine = SearchEngine.open({ bundle, base, excerptLength: 24, ...(preload && { preload }) });
  // A failure is shown when a search needs the engine, not before: the form is still there.
  // Once open with its filters, the page says so (`data-search-ready`), for the benchmark
  // (`scripts/bench/search.ts`): a reader who types a word finds it so.
  engine
    .then(async (opened) => {
      performance.measure('search:open', { start: opening });
      await opened.counted;
      parts.root.setAttribute('data-search-ready', '');
    })
    .catch(() => undefined);
  const page = new SearchPage(
    parts,
    JSON.parse(messages) as SearchMessages,
    engine,
    document,
    Number(pageSize) || PAGE_SIZE,
    base,
  );
  parts.root.hidden = false;
  const filters = page.restore();
  page.listen();
  if (parts.input.value.trim()) void page.run(filters);
}
