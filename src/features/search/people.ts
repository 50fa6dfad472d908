/**
 * The people of the search page: their names, kept out of the index (`SearchRecord.astro`) and
 * given to the page in the index's manifest (`SearchManifest.people`), made by the build from
 * the site's own list of people (`/api/personnes.json`). The page names the person filter's
 * choices with them, and shows the people whose names a search's words make up, each with a link
 * to their page, which lists every document naming them, whatever its language or script.
 * Plain TypeScript: the build and the browser both use it.
 */
import type { PersonName } from './manifest.ts';
import type { peopleIndex } from '#formats/api.ts';
import { UNSPACED, unaccented } from '#content/letters.ts';

/** What the build reads of `/api/personnes.json`: what `peopleIndex` writes. */
type ApiPeople = Pick<ReturnType<typeof peopleIndex>, 'people'>;

/** The manifest's people, from the site's `/api/personnes.json` (its parsed JSON), in its order. */
export function peopleNames(api: unknown): PersonName[] {
  const { people } = (api ?? {}) as Partial<ApiPeople>;
  const readable = (p: ApiPeople['people'][number]) =>
    typeof p.id === 'string' &&
    typeof p.name === 'string' &&
    Array.isArray(p.aliases) &&
    Array.isArray(p.participations) &&
    Array.isArray(p.mentions);
  if (!Array.isArray(people) || !people.every(readable)) {
    throw new Error(
      'liste des personnes de l’API (/api/personnes.json) illisible : attendu id, name, aliases, participations et mentions pour chacune',
    );
  }
  return people.map((p) => {
    const others = [...new Set([p.nameOriginal, ...p.aliases])].filter(
      (n): n is string => typeof n === 'string' && n !== p.name,
    );
    const documents = new Set([...p.participations.map((x) => x.readout), ...p.mentions]).size;
    return [p.id, p.name, others, documents];
  });
}

/** The words of a name or a search: without accents or case, split at what is not a letter or digit. */
export function searchWords(text: string): string[] {
  return unaccented(text, 'NFKD')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * The archive's people as the search page knows them, made once when its index opens: the
 * words of every name, the person filter's labels, and whom a search or an address names.
 */
export class SearchPeople {
  /**
   * How the person filter names its choices, by id: by name, and a namesake also by id
   * (« Wang Yi — wang-yi-2 »), so that no two choices read the same.
   */
  readonly labels: ReadonlyMap<string, string>;
  /** The words of each person's name, and of their other names (`searchWords`), in the list's order. */
  private readonly words: { name: string[]; others: string[][]; all: string[][] }[];

  constructor(private readonly people: readonly PersonName[]) {
    const times = new Map<string, number>();
    for (const [, name] of people) times.set(name, (times.get(name) ?? 0) + 1);
    this.labels = new Map(people.map(([id, name]) => [id, times.get(name)! > 1 ? `${name} — ${id}` : name]));
    this.words = people.map(([, name, others]) => {
      const words = { name: searchWords(name), others: others.map(searchWords) };
      // A name without a letter or digit names no one.
      return { ...words, all: [words.name, ...words.others].filter((n) => n.length > 0) };
    });
  }

  /**
   * The people a search names, most documents first: those one of whose names the search's
   * words make up whole (« Wang Yi », « 王毅 », « Wang Yi Ukraine »), then those whose name holds
   * every word of the search (« Lavrov »). A word in a script written without spaces (Chinese,
   * Japanese, Thai) is found inside the search's words.
   */
  searched(term: string): PersonName[] {
    const words = searchWords(term);
    if (words.length === 0) return [];
    const joined = words.join(' ');
    const inSearch = (word: string) => (UNSPACED.test(word) ? joined.includes(word) : words.includes(word));
    // « de » or « li » alone would name too many people in part.
    const telling = words.some((w) => w.length >= 3 || UNSPACED.test(w));
    const whole: PersonName[] = [];
    const partial: PersonName[] = [];
    for (const [i, person] of this.people.entries()) {
      const names = this.words[i]!.all;
      if (names.some((name) => name.every(inSearch))) whole.push(person);
      else if (telling && names.some((name) => words.every((w) => name.includes(w)))) partial.push(person);
    }
    const order = (a: PersonName, b: PersonName) => b[3] - a[3] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    return [...whole.sort(order), ...partial.sort(order)];
  }

  /**
   * The person an address's filter names, by id, or by name as addresses did before ids
   * (`?Personne=Wang Yi`): the person's name, else one of their other names (a name they had).
   */
  addressed(value: string): string | undefined {
    if (this.labels.has(value)) return value;
    const wanted = searchWords(value).join(' ');
    if (wanted === '') return undefined;
    const named = (which: (words: SearchPeople['words'][number]) => string[][]) =>
      this.people.find((_, i) => which(this.words[i]!).some((n) => n.join(' ') === wanted))?.[0];
    return named((w) => [w.name]) ?? named((w) => w.others);
  }
}
