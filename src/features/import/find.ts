/**
 * What a readout's own words say about it, read with the archive's records: the day of the
 * meeting (« Le 20 mai 2024, heure locale, »), its form (« au téléphone », « par
 * visioconférence », otherwise in person), its place (« à Astana »), its participants (the people
 * the opening paragraph names, with the role words the text gives them), the people it mentions
 * and its topics. Records are found by their aliases, as the site links them
 * (`#content/aliases.ts`). A name the records do not know is reported with the record to create;
 * nothing is guessed: what the words do not say is left out, for the archivist to complete.
 */
import { compileAliases, type AliasMatch } from '#content/aliases.ts';
import { isCalendarDate } from '#content/dates.ts';
import { isId } from '#content/ids.ts';
import type { ReadoutFormat } from '#content/schema.ts';
import { DATE_OPENING } from './text.ts';

/** A record as the importer needs it: its id, its name and the words that name it. */
export interface RecordNames {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface Records {
  people: readonly RecordNames[];
  places: readonly RecordNames[];
  topics: readonly RecordNames[];
}

/** A person or a place found in the text: a record's id, or the id proposed for the record to create. */
export interface Named {
  id: string;
  /** The record's name, or the words of the text for a record to create. */
  name: string;
  /** The words of the text that name it. */
  words: string;
  /** No record has this id yet: `content/<folder>/<id>.yaml` is to be created. */
  create: boolean;
}

export interface Participant extends Named {
  /** The role the text gives, in its words, if it gives one. */
  role?: string | undefined;
  /** The words the text uses for the person before naming them (« son homologue biélorusse »). */
  designation?: string | undefined;
}

export interface Found {
  date?: { value: string; words: string } | undefined;
  format: { value: ReadoutFormat; words?: string | undefined };
  place?: Named | undefined;
  participants: Participant[];
  mentions: Named[];
  topics: { id: string; words: string }[];
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const unaccented = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

/** The meeting's day, from the date the opening paragraph starts with. */
export function findDate(opening: string): Found['date'] {
  const match = DATE_OPENING.exec(opening);
  if (!match) return undefined;
  const [words, day, month, year] = match as unknown as [string, string, string, string];
  const m = MONTHS.findIndex((name) => unaccented(name) === unaccented(month.toLowerCase())) + 1;
  const d = day.startsWith('1ᵉ') || day === '1er' ? 1 : Number(day);
  const value = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // « Le 31 février » is a typo of the source: no day is made up from it.
  return isCalendarDate(value) ? { value, words } : undefined;
}

const PHONE = /\b(?:au téléphone|par téléphone|téléphoniques?|entretien téléphonique)\b/iu;
const VIDEO =
  /\b(?:par visioconférence|en visioconférence|visioconférence|par liaison vidéo|par vidéo(?:conférence)?)\b/iu;

/** The form of the meeting, from the opening paragraph's words; in person when they name no call. */
export function findFormat(opening: string): Found['format'] {
  const phone = PHONE.exec(opening);
  const video = VIDEO.exec(opening);
  const first = [phone && { value: 'phone' as const, m: phone }, video && { value: 'video' as const, m: video }]
    .filter((x) => !!x)
    .sort((a, b) => a.m.index - b.m.index)[0];
  return first ? { value: first.value, words: first.m[0] } : { value: 'in-person' };
}

/** An id made from a name found in the text: `Sergueï Lavrov` → `serguei-lavrov`. */
export function slugify(name: string): string {
  return unaccented(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Words a role starts with, after « le », « la » or « l’ »: how the text says who a person is. */
const ROLE_HEAD =
  '(?:membre|ministre|vice-ministre|vice-premier|vice-premi[èe]re|premier|premi[èe]re|vice-président|vice-présidente|président|présidente|secrétaire|sous-secrétaire|ambassadeur|ambassadrice|chef|cheffe|directeur|directrice|conseiller|conseillère|commissaire|porte-parole|haut|haute|envoyé|envoyée|représentant|représentante|roi|reine|prince|princesse|émir|chancelier|chancelière|gouverneur|gouverneure|maire|sénateur|sénatrice|député|députée|général|générale|administrateur|administratrice|délégué|déléguée|consul|consule|chargé|chargée|coordinateur|coordinatrice|assistant|assistante|adjoint|adjointe)';
const ROLE_AFTER = new RegExp(`^\\s*,\\s*((?:l[ae]\\s+|l[’']\\s*)?${ROLE_HEAD}\\b[^,;.!?]*?)\\s*(?=[,;.!?]|$)`, 'iu');
const ROLE_BEFORE = new RegExp(`(?:^|[\\s,(])(?:le|la|l[’'])\\s*(${ROLE_HEAD}\\b[^,;.!?«»]*?)\\s+$`, 'iu');
const DESIGNATION_BEFORE = /(?:^|[\s,(])((?:son|sa|ses|leur)\s+[^,;.!?«»]{2,60}?)\s*,\s*$/u;

/** The role the text gives a person named at `[start, end)`, and the words it designates them by. */
function roleAt(text: string, start: number, end: number): Pick<Participant, 'role' | 'designation'> {
  const before = text.slice(Math.max(0, start - 200), start);
  const after = ROLE_AFTER.exec(text.slice(end, end + 300));
  const role = after?.[1] ?? ROLE_BEFORE.exec(before)?.[1];
  const designation = DESIGNATION_BEFORE.exec(before)?.[1];
  return { role: role?.replace(/^l[ae]\s+|^l[’']\s*/iu, ''), designation };
}

/** A capitalised word of a name: « Sergueï », « Jean-Noël », « O’Brien ». */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[-’']\p{Lu}?[\p{Ll}\p{M}]+)*`;
const PARTICLE = String.raw`(?:de|du|des|da|dos|di|van|von|der|bin|ben|al|el|ibn)`;
const NAME = new RegExp(
  `(?<![\\p{L}\\p{N}])${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){1,3}(?![\\p{L}\\p{N}])`,
  'gu',
);
/** Capitalised words that start a sentence or a title, not a name. */
const NOT_NAMES = new Set(
  'Le La Les Lors Selon Ce Cette Ces En Au Aux Du Des Dans Par Pour Avec Sur Il Elle Ils Elles Son Sa Ses Leur Monsieur Madame Mademoiselle Président Présidente Premier Première Ministre Excellence Son Sir Docteur Général Roi Reine Prince Princesse Cheikh Émir Chancelier Chancelière Secrétaire Ambassadeur Ambassadrice Vice Haut Haute Envoyé Envoyée Chef Cheffe'.split(
    ' ',
  ),
);
/** Words of institutions and places, never of a person's name. */
const NOT_IN_NAMES = new Set(
  'Affaires Comité Conseil Parti Bureau Ministère Assemblée Nations Unies Unis République États Etats Union Organisation Sommet Forum Initiative Ceinture Route Banque Fonds Agence Commission Parlement Sénat Cour Tribunal Gouvernement Ambassade Coopération Sécurité Développement Nord Sud Est Ouest Saint Sainte Nouvelle Nouveau Royaume Uni Golfe Moyen Orient Proche Asie Afrique Europe Amérique Pacifique Atlantique Arabie Émirats Arabes Communauté Conférence Réunion Dialogue Partenariat Mer Océan'.split(
    ' ',
  ),
);

/** Names of people that no record knows, in the opening paragraph: capitalised words, two to four. */
function unknownNames(
  text: string,
  taken: readonly { start: number; end: number }[],
): { start: number; end: number; words: string }[] {
  const found: { start: number; end: number; words: string }[] = [];
  for (const match of text.matchAll(NAME)) {
    let start = match.index;
    let words = match[0].split(/\s+/);
    while (words.length > 0 && NOT_NAMES.has(words[0]!)) {
      start = text.indexOf(words[1] ?? '', start + words[0]!.length);
      words = words.slice(1);
    }
    if (words.length < 2 || words.some((w) => NOT_IN_NAMES.has(w))) continue;
    const end = match.index + match[0].length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    // « à Buenos Aires », « de Costa Rica »: a place, not a person.
    if (/(?:^|\s)(?:à|au|aux|en|de|du|d[’'])\s*$/iu.test(text.slice(Math.max(0, start - 6), start))) continue;
    found.push({ start, end, words: text.slice(start, end) });
  }
  return found;
}

/** « à Washington », « au Caire »: a place the records may not know, after its preposition. */
const PLACE_WORDS = new RegExp(
  `(?:^|\\s)(?:à|au|aux)\\s+(${NAME_WORD}(?:[\\s-]${NAME_WORD}){0,2})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Everything the text says, read with the archive's records. */
export function findInText(paragraphs: readonly string[], records: Records): Found {
  const opening = paragraphs[0] ?? '';
  const table = (kind: keyof Records) =>
    records[kind].flatMap((r) => r.aliases.map((text) => ({ text, href: '', record: `${kind}/${r.id}` })));
  const matcher = compileAliases([...table('people'), ...table('places'), ...table('topics')]);
  const byId = (kind: keyof Records, id: string) => records[kind].find((r) => r.id === id);
  const idOf = (m: AliasMatch) => m.alias.record.slice(m.alias.record.indexOf('/') + 1);
  const kindOf = (m: AliasMatch) => m.alias.record.slice(0, m.alias.record.indexOf('/')) as keyof Records;
  const inOpening = matcher.find(opening);
  const format = findFormat(opening);

  // A name the records do not know, unless its id is a record's (a name with no alias yet).
  const named = (kind: 'people' | 'places', words: string): Named => {
    const id = slugify(words);
    const record = byId(kind, id);
    return record
      ? { id, name: record.name, words, create: false }
      : { id: isId(id) ? id : kind === 'people' ? 'personne' : 'lieu', name: words, words, create: true };
  };

  // Participants: the people the opening paragraph names, in its order.
  const people = inOpening.filter((m) => kindOf(m) === 'people');
  const unknown = unknownNames(opening, inOpening);
  const places = [...opening.matchAll(PLACE_WORDS)].map((m) => ({
    start: m.index + m[0].length - m[1]!.length,
    end: m.index + m[0].length,
    words: m[1]!,
  }));
  const candidates = [
    ...people.map((m) => {
      const record = byId('people', idOf(m))!;
      const person: Named = { id: record.id, name: record.name, words: opening.slice(m.start, m.end), create: false };
      return { start: m.start, end: m.end, person };
    }),
    ...unknown
      .filter((u) => !places.some((p) => p.start === u.start))
      .map((u) => ({ start: u.start, end: u.end, person: named('people', u.words) })),
  ].sort((a, b) => a.start - b.start);
  const participants: Participant[] = [];
  for (const c of candidates) {
    if (participants.some((p) => p.id === c.person.id)) continue;
    participants.push({ ...c.person, ...roleAt(opening, c.start, c.end) });
  }

  // The place: none for a call; a place record named in the opening paragraph; else the last
  // « à … » of it that names no one.
  let place: Named | undefined;
  if (format.value === 'in-person') {
    const known = inOpening.find((m) => kindOf(m) === 'places');
    if (known) {
      const record = byId('places', idOf(known))!;
      place = { id: record.id, name: record.name, words: opening.slice(known.start, known.end), create: false };
    } else {
      const taken = [...inOpening, ...candidates];
      const free = places.filter((p) => !taken.some((t) => t.start < p.end && p.start < t.end));
      if (free.length > 0) place = named('places', free.at(-1)!.words);
    }
  }

  // Mentions and topics, over the whole text.
  const mentions: Named[] = [];
  const topics: Found['topics'] = [];
  paragraphs.forEach((paragraph, i) => {
    for (const m of i === 0 ? inOpening : matcher.find(paragraph)) {
      const id = idOf(m);
      const words = paragraph.slice(m.start, m.end);
      if (kindOf(m) === 'topics' && !topics.some((t) => t.id === id)) topics.push({ id, words });
      if (
        kindOf(m) === 'people' &&
        i > 0 &&
        !participants.some((p) => p.id === id) &&
        !mentions.some((p) => p.id === id)
      ) {
        mentions.push({ id, name: byId('people', id)!.name, words, create: false });
      }
    }
  });

  return { date: findDate(opening), format, place, participants, mentions, topics };
}
