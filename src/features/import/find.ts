/**
 * What a readout's own words say about it, read with the table of its language
 * (`languages/`) and the archive's records: the day of the meeting (« Le 20 mai 2024 », "On May
 * 20, 2024", or "today" from a stated day of publication), its form (« au téléphone », "video
 * call", "spoke with": a call whose medium is unstated), its place (« à Astana », "in Geneva"),
 * its participants (the people its first sentence names, with the role words the text gives
 * them), the people it mentions and its topics. Records are found by their aliases, as the site
 * links them (`#content/aliases.ts`), and under other spellings (`names.ts`). Nothing is
 * invented: a name is proposed only if its words look like a person's; a near one is a
 * question, never a record; the spokesperson who issues a statement is not a participant; and
 * what the words do not say is left for the archivist.
 */
import { compileAliases, type AliasMatch } from '#content/aliases.ts';
import { isId } from '#content/ids.ts';
import { unaccented } from '#content/letters.ts';
import type { ReadoutFormat } from '#content/schema.ts';
import { addDays, findDay, findRelativeDay } from './days.ts';
import { detectLanguage, type DetectedLanguage } from './language.ts';
import { languagePatterns, type LanguagePatterns } from './languages/index.ts';
import { wordKey } from './languages/patterns.ts';
import { NameIndex, namesIn, nameKey, type NameInText, type RecordNames } from './names.ts';

export type { RecordNames } from './names.ts';

export interface Records {
  people: readonly RecordNames[];
  places: readonly RecordNames[];
  topics: readonly RecordNames[];
}

/**
 * A person or a place found in the text. `kind` says what the archive knows of it:
 * - `record`: a record's (`id`), by one of its aliases, another spelling of its name, or its
 *   surname alone (`match`);
 * - `new`: no record, and the words look like a name: `id` is the record to create, to check;
 * - `near`: no record, but the words are a few letters from a record's name: `id` is that
 *   record, offered as a question (« vouliez-vous dire … ? »), never written as found;
 * - `incomplete`: a surname alone after a title, which no record has: no record is proposed.
 */
export interface Named {
  id: string;
  /** The record's name, or the words of the text (titles left out) for the others. */
  name: string;
  /** The words of the text that name it. */
  words: string;
  /** No record has this id yet: `content/<folder>/<id>.yaml` is to be created. */
  create: boolean;
  /** Left out by callers that only know `create`: a record, or a new one when `create`. */
  kind?: 'record' | 'new' | 'near' | 'incomplete' | undefined;
  match?: 'alias' | 'spelling' | 'surname' | undefined;
}

export interface Participant extends Named {
  /** The role the text gives, in its words, if it gives one. */
  role?: string | undefined;
  /** The words the text uses for the person before naming them (« son homologue biélorusse »). */
  designation?: string | undefined;
}

export interface Found {
  date?: { value: string; end?: string | undefined; words: string; relative?: string | undefined } | undefined;
  /** The form; no `value` when the words do not say it. `from` says where it was read, when not in the opening. */
  format: { value?: ReadoutFormat | undefined; words?: string | undefined; from?: 'headline' | 'place' | undefined };
  place?: Named | undefined;
  participants: Participant[];
  mentions: Named[];
  topics: { id: string; words: string }[];
  /** The spokesperson who issues the text (« The below is attributable to Spokesperson … »): not a participant. */
  spokespeople: string[];
  /** People named after the first sentence whom no record knows: listed for the archivist, not added. */
  unlisted: Named[];
  /** The words « today » when no day of publication resolves them. */
  unresolved?: string | undefined;
}

/** What the text is read with: its language, the day it was published (for « aujourd’hui »), the page's headline. */
export interface FindContext {
  language?: DetectedLanguage | undefined;
  published?: string | undefined;
  headline?: string | undefined;
}

/** The language tables to read `text` with: the one given, else the detected one, else any that reads it. */
function tablesFor(text: string, patterns: LanguagePatterns | undefined): LanguagePatterns[] {
  if (patterns) return [patterns];
  const detected = detectLanguage(text).patterns;
  return detected ? [detected] : Object.values(languagePatterns);
}

/** The meeting's day, from the date the opening paragraph gives (in its language's words). */
export function findDate(opening: string, patterns?: LanguagePatterns): Found['date'] {
  for (const table of tablesFor(opening, patterns)) {
    const day = findDay(opening, table);
    if (day) return { value: day.value, end: day.end, words: day.words };
  }
  return undefined;
}

/** Where the form's words are, and which form they say; medium first, then a call, then in person. */
function formatIn(text: string, patterns: LanguagePatterns): Found['format'] | undefined {
  const order: ReadoutFormat[] = ['phone', 'video', 'call', 'in-person'];
  for (const format of order) {
    const found = patterns.formats
      .filter((f) => f.format === format)
      .map((f) => f.pattern.exec(text))
      .filter((m) => m !== null)
      .sort((a, b) => a.index - b.index)[0];
    if (found) return { value: format, words: found[0] };
  }
  return undefined;
}

/** The form of the meeting, from the opening's words (its first sentence first); none when they do not say it. */
export function findFormat(opening: string, patterns?: LanguagePatterns): Found['format'] {
  for (const table of tablesFor(opening, patterns)) {
    const found = formatIn(firstSentence(opening), table) ?? formatIn(opening, table);
    if (found) return found;
  }
  return {};
}

/** An id made from a name found in the text: `Sergueï Lavrov` → `serguei-lavrov`; initials left out. */
export function slugify(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((w) => !/^\p{Lu}\.$/u.test(w))
    .join(' ');
  return unaccented(words)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Abbreviations whose dot does not end a sentence. */
const NOT_AN_END =
  /(?:^|[\s(])(?:\p{Lu}|\p{Lu}\.\p{Lu}|Mr|Mrs|Ms|Dr|St|Mme|Mlle|M|MM|Hon|Gen|Amb|No|Jr|Sr|U\.S|U\.K|Ph\.D)\.$/u;

/** The first sentence of a paragraph: up to the first full stop that ends one. */
export function firstSentence(paragraph: string): string {
  const re = /[.!?](?=\s+[\p{Lu}«“"(]|\s*$)/gu;
  for (const match of paragraph.matchAll(re)) {
    if (!NOT_AN_END.test(paragraph.slice(0, match.index + 1))) return paragraph.slice(0, match.index + 1);
  }
  return paragraph;
}

/** The role a text gives a person named at `[start, end)`, and the words it designates them by. */
function roleAt(
  text: string,
  start: number,
  end: number,
  patterns: LanguagePatterns,
): Pick<Participant, 'role' | 'designation'> {
  const heads = patterns.roleHeads;
  const article = patterns.roleArticle;
  const clean = (role: string | undefined) => role?.replace(article, '').trim() || undefined;
  // After the name: « Wang Yi, ministre des Affaires étrangères, », "Ilse Marchetti, Foreign Minister of …,".
  const after = new RegExp(
    `^\\s*,\\s*((?:${article.source.replace(/^\^/, '')})?(?:[\\p{L}.’'-]+\\s+){0,3}?${heads}(?![\\p{L}])[^,;.!?()«»“”]*?)\\s*(?=[,;.!?()]|$)`,
    'iu',
  ).exec(text.slice(end, end + 300))?.[1];

  // Before it: « son homologue biélorusse, », "his counterpart, ".
  const before = text.slice(Math.max(0, start - 250), start);
  const designation = patterns.designation.exec(before)?.[1]?.trim();
  // « le ministre des Affaires étrangères du Bélarus, Sergueï Aleïnik », "Belarusian Foreign
  // Minister Sergei Aleinik": the words since the clause began, when they start with a role.
  let clause = before.replace(/\s*,\s*$/u, '');
  const boundaries = [...clause.matchAll(new RegExp(patterns.clauseBoundary.source, 'giu'))];
  const lastBoundary = boundaries.at(-1);
  const cut = Math.max(lastBoundary ? lastBoundary.index + lastBoundary[0].length : 0, clause.lastIndexOf(',') + 1);
  clause = clause.slice(cut).trim();
  const beforeRole =
    designation === undefined
      ? new RegExp(
          `^((?:${article.source.replace(/^\^/, '')})?(?:[\\p{L}.’'-]+\\s+){0,3}?${heads}(?![\\p{L}]).*)$`,
          'iu',
        ).exec(clause)?.[1]
      : undefined;
  return { role: clean(after) ?? clean(beforeRole), designation };
}

/** The spokespeople a statement is attributed to, from its lines (« … attributable to Spokesperson X: »). */
function spokespeopleIn(paragraphs: readonly string[], patterns: LanguagePatterns): string[] {
  const names: string[] = [];
  for (const line of paragraphs.slice(0, 3).flatMap((p) => p.split('\n'))) {
    for (const pattern of patterns.spokesperson) {
      const name = pattern.exec(line.trim())?.groups?.name?.trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** Whether two names of the text are one person's: the same key, or `b` is a word of `a` (its surname). */
function sameName(a: string, b: string): boolean {
  const [ka, kb] = [nameKey(a), nameKey(b)];
  return ka === kb || ka.split(' ').includes(kb) || kb.split(' ').includes(ka);
}

/** « President Biden’s »: a possessive names someone the sentence is about, not one who took part. */
const POSSESSIVE = /[’']s$/u;

/** Everything the text says, read with the archive's records. */
export function findInText(paragraphs: readonly string[], records: Records, context: FindContext = {}): Found {
  // The opening: the first paragraph, after the lines that introduce the text (« … attributable to Spokesperson X: »).
  const lead = Math.max(
    0,
    paragraphs.findIndex((p) => !/:\s*$/u.test(p.trim())),
  );
  const opening = paragraphs[lead] ?? '';
  const language = context.language ?? detectLanguage(paragraphs.join('\n\n'));
  const patterns = language.patterns;
  const sentence = firstSentence(opening);
  const table = (kind: keyof Records) =>
    records[kind].flatMap((r) => r.aliases.map((text) => ({ text, href: '', record: `${kind}/${r.id}` })));
  const matcher = compileAliases([...table('people'), ...table('places'), ...table('topics')]);
  const byId = (kind: keyof Records, id: string) => records[kind].find((r) => r.id === id);
  const idOf = (m: AliasMatch) => m.alias.record.slice(m.alias.record.indexOf('/') + 1);
  const kindOf = (m: AliasMatch) => m.alias.record.slice(0, m.alias.record.indexOf('/')) as keyof Records;
  const people = new NameIndex(records.people);
  const placeIndex = new NameIndex(records.places);

  // A name of the text as the records know it.
  const resolve = (index: NameIndex, kind: 'people' | 'places', name: NameInText | string): Named => {
    const words = typeof name === 'string' ? name : name.words;
    const match = index.match(name);
    if (match.kind === 'record') {
      const how = typeof name !== 'string' && name.surname ? 'surname' : match.exact ? 'alias' : 'spelling';
      return { id: match.record.id, name: match.record.name, words, create: false, kind: 'record', match: how };
    }
    if (match.kind === 'near') return { id: match.record.id, name: words, words, create: false, kind: 'near' };
    if (typeof name !== 'string' && name.surname)
      return { id: '', name: words, words, create: false, kind: 'incomplete' };
    // A record whose id is the name's, with no alias yet, is that record.
    const id = slugify(words);
    const record = byId(kind, id);
    if (record) return { id, name: record.name, words, create: false, kind: 'record', match: 'spelling' };
    // The record's name leaves out middle initials (« Antony J. Blinken » is « Antony Blinken »); its alias keeps the words.
    return {
      id: isId(id) ? id : kind === 'people' ? 'personne' : 'lieu',
      name: words.replace(/\s\p{Lu}\.(?=\s)/gu, ''),
      words,
      create: true,
      kind: 'new',
    };
  };

  // The day: the opening's, or « aujourd’hui » from the day of publication.
  let date: Found['date'];
  let unresolved: string | undefined;
  if (patterns) {
    const day = findDay(opening, patterns);
    if (day) date = { value: day.value, end: day.end, words: day.words };
    else {
      const relative = findRelativeDay(opening, patterns);
      if (relative && context.published) {
        date = {
          value: addDays(context.published, relative.offset),
          words: relative.words,
          relative: context.published,
        };
      } else if (relative) unresolved = relative.words;
    }
  }

  // The participants: the people the first sentence names, in its order; the spokesperson who
  // issues the text is not one of them.
  const spokespeople = patterns ? spokespeopleIn(paragraphs, patterns) : [];
  const spokesKeys = new Set(spokespeople.map(nameKey));
  const isSpokesperson = (text: string, start: number, words: string) =>
    spokesKeys.has(nameKey(words)) ||
    (patterns !== undefined &&
      patterns.spokespersonRole.test(text.slice(Math.max(0, start - 40), start).replace(/^[^]*[:;.,()\n]/u, '')));
  const inSentence = matcher.find(sentence);
  const candidates: { start: number; end: number; person: Named }[] = [];
  for (const m of inSentence.filter((m) => kindOf(m) === 'people')) {
    const record = byId('people', idOf(m))!;
    const words = sentence.slice(m.start, m.end);
    if (isSpokesperson(sentence, m.start, words)) continue;
    const person: Named = { id: record.id, name: record.name, words, create: false, kind: 'record', match: 'alias' };
    candidates.push({ start: m.start, end: m.end, person });
  }
  const found = patterns ? namesIn(sentence, patterns, inSentence) : [];
  for (const name of found) {
    if (POSSESSIVE.test(name.words) || isSpokesperson(sentence, name.start, name.words)) continue;
    candidates.push({ start: name.start, end: name.end, person: resolve(people, 'people', name) });
  }
  candidates.sort((a, b) => a.start - b.start);
  const participants: Participant[] = [];
  for (const c of candidates) {
    const same = participants.find(
      (p) => (c.person.id !== '' && p.id === c.person.id) || sameName(p.words, c.person.words),
    );
    if (same) continue;
    participants.push({ ...c.person, ...(patterns ? roleAt(sentence, c.start, c.end, patterns) : {}) });
  }

  // The place: none for a call; a place record named in the first sentence; else the last
  // « à … » or "in …" of it that names no one.
  const format: Found['format'] = patterns
    ? (formatIn(sentence, patterns) ??
      formatIn(opening, patterns) ??
      (context.headline ? formatIn(context.headline, patterns) : undefined) ??
      {})
    : {};
  if (format.value && context.headline && !formatIn(opening, patterns!)) format.from = 'headline';
  let place: Named | undefined;
  if (format.value === 'in-person' || format.value === undefined) {
    const known = inSentence.find((m) => kindOf(m) === 'places');
    if (known) {
      const record = byId('places', idOf(known))!;
      place = {
        id: record.id,
        name: record.name,
        words: sentence.slice(known.start, known.end),
        create: false,
        kind: 'record',
        match: 'alias',
      };
    } else if (patterns) {
      const word = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)*`;
      const after = new RegExp(
        `(?:^|\\s)(?:${patterns.placePrepositions})\\s+(${word}(?:[\\s-]${word}){0,2})(?![\\p{L}\\p{N}])`,
        'gu',
      );
      const taken = [...inSentence, ...candidates];
      const free = [...sentence.matchAll(after)]
        .map((m) => ({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length, words: m[1]! }))
        .filter((p) => !taken.some((t) => t.start < p.end && p.start < t.end))
        .filter((p) => !p.words.split(/[\s-]/).some((w) => patterns.notNames.has(wordKey(w))));
      if (free.length > 0) place = resolve(placeIndex, 'places', free.at(-1)!.words);
    }
    if (format.value === undefined && place !== undefined) {
      format.value = 'in-person';
      format.from = 'place';
    }
  }

  // Mentions and topics, over the whole text: records, by alias or by another spelling; the
  // names no record knows are listed, not added.
  const mentions: Named[] = [];
  const unlisted: Named[] = [];
  const topics: Found['topics'] = [];
  const taken = (id: string) => participants.some((p) => p.id === id) || mentions.some((p) => p.id === id);
  paragraphs.forEach((paragraph, i) => {
    const matches = matcher.find(paragraph);
    for (const m of matches) {
      const id = idOf(m);
      const words = paragraph.slice(m.start, m.end);
      if (kindOf(m) === 'topics' && !topics.some((t) => t.id === id)) topics.push({ id, words });
      const inFirst = i === lead && m.end <= sentence.length;
      if (kindOf(m) === 'people' && !inFirst && !taken(id)) {
        mentions.push({ id, name: byId('people', id)!.name, words, create: false, kind: 'record', match: 'alias' });
      }
    }
    if (!patterns) return;
    for (const name of namesIn(paragraph, patterns, matches)) {
      if (i === lead && name.end <= sentence.length && !POSSESSIVE.test(name.words)) continue;
      if (isSpokesperson(paragraph, name.start, name.words)) continue;
      const person = resolve(people, 'people', { ...name, words: name.words.replace(POSSESSIVE, '') });
      if (person.kind === 'record') {
        if (!taken(person.id)) mentions.push(person);
      } else if (
        !participants.some((p) => p.id === person.id || sameName(p.words, person.words)) &&
        !unlisted.some((u) => sameName(u.words, person.words))
      ) {
        unlisted.push(person);
      }
    }
  });

  return { date, format, place, participants, mentions, topics, spokespeople, unlisted, unresolved };
}
