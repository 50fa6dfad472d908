/**
 * People's names in a readout's words, and the records they are. A name is a run of two to four
 * capitalised words (initials such as « J. » and particles such as « de » or « bin » aside) that
 * no table of the language says is a title, an office, a body, a month or part of a place's
 * name; one word is a surname only right after a title (« Secretary Blinken », « M. Aleïnik »).
 * Records are matched under other spellings: `nameKey` forgets case, accents, middle initials,
 * word order and the usual variants of transliteration (Sergei, Sergueï, Sergey; Aleinik,
 * Aleïnik, Alejnik; Loukachenko, Lukashenko; Alexandre, Alexander, Aleksandr). A name a few letters from a record's is a
 * suggestion (« vouliez-vous dire `sergei-aleinik` ? »), never a record of its own.
 */
import { editDistance } from '#content/validate/suggest.ts';
import { wordKey, type LanguagePatterns } from './languages/patterns.ts';
import { unaccented } from '#content/letters.ts';

/** A record as the importer needs it: its id, its name and the words that name it. */
export interface RecordNames {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** A name found in the text, at `[start, end)`. */
export interface NameInText {
  start: number;
  end: number;
  /** The name's words, titles left out (« Antony J. Blinken »). */
  words: string;
  /** Only a surname after a title (« Secretary Blinken » gives « Blinken »). */
  surname: boolean;
  /** The title or honorific right before it, if any (« Secretary », « M. »). */
  title?: string | undefined;
}

/** One word of a name as the keys compare it: lower case, unaccented, transliteration variants folded. */
export function wordOfKey(word: string): string {
  return unaccented(word)
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z]/g, '')
    .replace(/ou/g, 'u') // Loukachenko, Lukashenko
    .replace(/gu(?=[ei])/g, 'g') // Sergueï, Sergei
    .replace(/tch|tsch|ch|sh|sch/g, 'S') // Loukachenko, Lukashenko, Łukaszenka aside
    .replace(/zh/g, 'j') // Joukov, Zhukov
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ks/g, 'x')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i') // Sergey, Sergej, Sergei; Aleynik, Alejnik
    .replace(/([a-zS])\1+/g, '$1')
    .replace(/(?<=[^aeiou])(?:er|re)$/, 'r') // Alexander, Alexandre, Aleksandr; Peter, Petr
    .replace(/(?<=[^aeiou])e$/, '')
    .replace(/S/g, 'sh');
}

/** Words of a name that a key leaves out: initials (« J. ») and particles. */
const isInitial = (word: string) => /^\p{Lu}\.?$/u.test(word) || /^\p{Lu}\.-?\p{Lu}\.?$/u.test(word);
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'da',
  'dos',
  'di',
  'van',
  'von',
  'der',
  'bin',
  'ben',
  'al',
  'el',
  'ibn',
  'le',
  'la',
]);

/** The words of a name as keys compare them, without initials and particles. */
export function nameWords(name: string): string[] {
  return name
    .split(/[\s-]+/u)
    .filter((w) => w !== '' && !isInitial(w) && !PARTICLES.has(w.toLowerCase()))
    .map(wordOfKey)
    .filter((w) => w !== '');
}

/** A name's key: its words folded, in alphabetical order (`Sergei Alejnik` and `Aleïnik Sergueï` are one key). */
export function nameKey(name: string): string {
  return nameWords(name).sort().join(' ');
}

/** What a name is to the records: a record's (under any spelling), near one, or none. */
export type Match =
  { kind: 'record'; record: RecordNames; exact: boolean } | { kind: 'near'; record: RecordNames } | { kind: 'none' };

/** The records' names, by key and by surname, to match the names of a text. */
export class NameIndex {
  readonly #byKey = new Map<string, RecordNames>();
  readonly #bySurname = new Map<string, RecordNames[]>();
  readonly #keys: { key: string; record: RecordNames }[] = [];
  readonly #spellings = new Map<string, Set<string>>();

  constructor(records: readonly RecordNames[]) {
    for (const record of records) {
      const spellings = new Set([record.name, ...record.aliases]);
      this.#spellings.set(record.id, spellings);
      for (const name of [...spellings, record.id.replace(/-/g, ' ')]) {
        const key = nameKey(name);
        if (key === '') continue;
        if (!this.#byKey.has(key)) this.#byKey.set(key, record);
        this.#keys.push({ key, record });
        const surname = nameWords(name).at(-1);
        if (surname !== undefined && nameWords(name).length > 1) {
          const list = this.#bySurname.get(surname) ?? [];
          if (!list.includes(record)) list.push(record);
          this.#bySurname.set(surname, list);
        }
      }
    }
  }

  /** The record a name of the text is, or the one it is near. */
  match(name: NameInText | string): Match {
    const words = typeof name === 'string' ? name : name.words;
    const surname = typeof name !== 'string' && name.surname;
    if (surname) {
      const records = this.#bySurname.get(nameKey(words)) ?? [];
      return records.length === 1 ? { kind: 'record', record: records[0]!, exact: false } : { kind: 'none' };
    }
    const key = nameKey(words);
    if (key === '') return { kind: 'none' };
    const record = this.#byKey.get(key);
    if (record) return { kind: 'record', record, exact: this.#spellings.get(record.id)!.has(words) };
    // A few letters away: one edit in a short name, up to three in a long one.
    const max = Math.max(1, Math.min(3, Math.floor(key.length / 5)));
    let best: { record: RecordNames; distance: number } | undefined;
    for (const known of this.#keys) {
      const distance = editDistance(key, known.key, max);
      if (distance <= max && (best === undefined || distance < best.distance))
        best = { record: known.record, distance };
    }
    return best ? { kind: 'near', record: best.record } : { kind: 'none' };
  }
}

/** The names of every country, in French and in English, as CLDR gives them (keys of `wordKey`). */
let countries: Set<string> | undefined;
function isCountry(words: string): boolean {
  if (countries === undefined) {
    countries = new Set();
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const locale of ['fr', 'en']) {
      const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
      for (const a of letters)
        for (const b of letters) {
          const name = names.of(a + b);
          if (name !== undefined) countries.add(wordKey(name));
        }
    }
  }
  return countries.has(wordKey(words));
}

/** A token of the text: a word with its offsets. */
interface Token {
  start: number;
  end: number;
  text: string;
}

/** A capitalised word of a name: « Sergueï », « Jean-Noël », « O’Brien », « McDonald ». */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:[-’']\p{Lu}?[\p{Ll}\p{M}]+)*$/u;
/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATION = /^(?:\p{Lu}|\p{Lu}\.\p{Lu}|Mr|Mrs|Ms|Dr|St|Mme|Mlle|M|MM|Hon|Gen|Sen|Rep|Amb)\.$/u;

/** The words of a text and where each is: letters, marks, apostrophes, hyphens and inner dots. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{M}](?:[\p{L}\p{M}’'.-]*[\p{L}\p{M}])?\.?/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

/**
 * The names of people in `text`, in its order, as the language's table tells them from other
 * capitalised words. `taken` are spans already known (records' aliases), left alone.
 */
export function namesIn(
  text: string,
  patterns: LanguagePatterns,
  taken: readonly { start: number; end: number }[] = [],
): NameInText[] {
  const words = tokens(text);
  const found: NameInText[] = [];
  const isStop = (t: Token) => patterns.notNames.has(wordKey(t.text));
  const isTitle = (t: Token | undefined) => t !== undefined && patterns.titles.has(wordKey(t.text));
  const bare = (t: Token) => (ABBREVIATION.test(t.text) ? t.text : t.text.replace(/\.$/, ''));
  const isNameWord = (t: Token) => NAME_WORD.test(bare(t));
  const joined = (a: Token, b: Token) => /^[ \t\u00a0]+$/u.test(text.slice(a.end, b.start));
  const inTaken = (t: Token) => taken.some((s) => s.start < t.end && t.start < s.end);

  // Runs of capitalised words (with initials and particles between them), split at every word
  // that is never a name's: each piece is a name, or a surname right after a title.
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    if (!/^\p{Lu}/u.test(first.text) || inTaken(first)) {
      i++;
      continue;
    }
    const run: Token[] = [first];
    let j = i + 1;
    while (j < words.length) {
      const previous = run.at(-1)!;
      const next = words[j]!;
      // A dot that is not an abbreviation's ends the sentence, and the run.
      if (previous.text.endsWith('.') && !ABBREVIATION.test(previous.text)) break;
      if (!joined(previous, next) || inTaken(next)) break;
      if (/^\p{Lu}/u.test(next.text)) run.push(next);
      else if (PARTICLES.has(next.text.toLowerCase()) && /^\p{Lu}/u.test(words[j + 1]?.text ?? '')) run.push(next);
      else break;
      j++;
    }
    i = j;

    let piece: Token[] = [];
    const flush = () => {
      let kept = piece;
      piece = [];
      const before = (t: Token) => text.slice(Math.max(0, t.start - 8), t.start);
      const countOf = (list: Token[]) =>
        list.filter((t) => !isInitial(bare(t)) && !PARTICLES.has(t.text.toLowerCase())).length;
      // « of Fictionland Ilse Marchetti », « du Bélarus Sergueï Aleïnik »: a country's name, then the person's.
      if (
        kept.length >= 3 &&
        (patterns.ofBefore.test(before(kept[0]!)) || isCountry(bare(kept[0]!))) &&
        countOf(kept.slice(1)) >= 2
      ) {
        kept = kept.slice(1);
      }
      const start = kept[0];
      const last = kept.at(-1);
      const count = countOf(kept);
      if (!start || !last || count === 0 || count > 4) return;
      if (!kept.every((t) => isNameWord(t) || isInitial(bare(t)) || PARTICLES.has(t.text.toLowerCase()))) return;
      if (PARTICLES.has(last.text.toLowerCase()) || PARTICLES.has(start.text.toLowerCase())) return;
      const preceding = words[words.indexOf(start) - 1];
      const title = isTitle(preceding) && joined(preceding!, start) ? preceding!.text : undefined;
      if (count === 1 && title === undefined) return;
      // « à Buenos Aires », "in Geneva", « de Costa Rica »: a place, not a person.
      if (title === undefined && patterns.placeBefore.test(before(start))) return;
      const end = last.text.endsWith('.') && !isInitial(bare(last)) ? last.end - 1 : last.end;
      const words_ = text.slice(start.start, end);
      if (isCountry(words_)) return;
      found.push({ start: start.start, end, words: words_, surname: count === 1, title });
    };
    for (const token of run) {
      if (isStop(token)) flush();
      else piece.push(token);
    }
    flush();
  }
  return found;
}
