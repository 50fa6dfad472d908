/**
 * The draft a readout becomes: its id (the day, then the ids of the participants the archive
 * has records of, as the content guide says; never a name no record confirms), its title (the
 * archive's own, in French, made from the form, the participants and the place: never a line
 * of the page), its frontmatter with every value found, and its text as Markdown that shows
 * exactly the source's characters (`verbatim.ts`). What was not found is written « À COMPLÉTER :
 * … » (refused by the validator until it is replaced); a person or a place that no record knows
 * is written with the id its record will have, with a comment, and listed with that record; a
 * name near a record's is a question, marked, never a record.
 */
import { IMPORT_MARKER } from '#content/furniture.ts';
import type { ReadoutFormat } from '#content/schema.ts';
import { formatLabel } from '#archive/formats.ts';
import type { Found, Named } from './find.ts';
import { paragraphMarkdown } from './verbatim.ts';

export interface Source {
  publisher?: string | undefined;
  /** Where `publisher` was read, when the page gave it (its « Source : » line). */
  publisherFrom?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
  /** Where `published` was read, when the page showed it (its date-and-time line). */
  publishedFrom?: string | undefined;
  modified?: string | undefined;
  /** Where `modified` was read (« Dernière modification : … »). */
  modifiedFrom?: string | undefined;
  retrieved: string;
}

/** A record the draft names and the archive does not have yet. */
export interface RecordToCreate {
  /** `content/people/serguei-lavrov.yaml`. */
  file: string;
  /** The file to write, a start that names what the text gives and asks for the rest. */
  yaml: string;
}

export interface Draft {
  id: string;
  title: string;
  /** The whole file: frontmatter, then the text. */
  source: string;
  /** The text as stored: every byte after the frontmatter (what the fixity is computed from). */
  body: string;
  /** What is left to complete, by field. */
  todo: { field: string; what: string }[];
  records: RecordToCreate[];
}

/** A YAML double-quoted string (JSON's escapes are YAML's). */
const q = (text: string) => JSON.stringify(text);
const marker = (what: string) => q(`${IMPORT_MARKER} : ${what}`);
const names = new Intl.ListFormat('fr', { type: 'conjunction' });

/** The longest an id is made (date included); more participants are left out of it, not of the document. */
const MAX_ID = 64;

/** What the archive knows of a name (drafts of other code may leave `kind` out: `create` then says). */
const kindOf = (named: Named) => named.kind ?? (named.create ? 'new' : 'record');

/** The document's id: its day, then the ids of its participants that are records, while they fit. */
export function draftId(date: string, participants: readonly Named[]): string {
  let id = date;
  for (const p of participants.filter((p) => kindOf(p) === 'record')) {
    if (id !== date && id.length + 1 + p.id.length > MAX_ID) break;
    id += `-${p.id}`;
  }
  return id === date ? `${date}-entretien` : id;
}

/** What a title calls the meeting, by its form; « Entretien » when the form is not known. */
const TITLE_KIND: Record<ReadoutFormat, string> = {
  'in-person': 'Entretien',
  phone: formatLabel('phone'),
  video: formatLabel('video'),
  call: 'Appel',
};

/**
 * The archive's title: « Entretien téléphonique entre Wang Yi et Sergueï Aleïnik », « Entretien
 * entre … à Astana », « Appel de … ». A participant is named as the record names them, or as the
 * text does when no record is theirs yet.
 */
export function factualTitle(
  format: ReadoutFormat | undefined,
  participants: readonly Named[],
  place: Named | undefined,
): string {
  const who = names.format(participants.map((p) => p.name));
  const kind = format === undefined ? 'Entretien' : TITLE_KIND[format];
  const between = participants.length > 1 ? ` entre ${who}` : participants.length === 1 ? ` de ${who}` : '';
  return `${kind}${between}${place && kindOf(place) === 'record' ? ` à ${place.name}` : place ? ` à ${place.words}` : ''}`;
}

function recordToCreate(folder: 'people' | 'places', named: Named): RecordToCreate {
  const lines = [
    `name: ${q(named.name)}`,
    `# Code ISO 3166-1 alpha-2 du pays, comme « FR » ou « CN ».`,
    `country: ""`,
    ...(folder === 'people' ? ['# Facultatif : une phrase qui dit qui est la personne.', '# description: '] : []),
    'aliases:',
    `  - ${q(named.words)}`,
  ];
  return { file: `content/${folder}/${named.id}.yaml`, yaml: `${lines.join('\n')}\n` };
}

/** The text as the document stores it: each paragraph escaped, a blank line between them. */
export function draftBody(paragraphs: readonly string[]): string {
  return `\n${paragraphs.map(paragraphMarkdown).join('\n\n')}\n`;
}

/** The draft of the readout whose text is `paragraphs`, with what was found in it. */
export function makeDraft(options: {
  found: Found & { date: { value: string } };
  paragraphs: readonly string[];
  /** The BCP 47 tag of the text's language, when it was told. */
  language?: string | undefined;
  /** Why it was not, for the marked value. */
  languageWhy?: string | undefined;
  source?: Source | undefined;
  id?: string | undefined;
}): Draft {
  const { found, paragraphs, source } = options;
  const { format, place, participants, mentions, topics } = found;
  const date = found.date.value;
  const todo: Draft['todo'] = [];
  const records: RecordToCreate[] = [];
  const lines: string[] = [];
  const mark = (field: string, what: string) => {
    todo.push({ field, what });
    return marker(what);
  };

  const title =
    participants.length > 0 || format.value !== undefined ? factualTitle(format.value, participants, place) : undefined;
  lines.push(
    `title: ${title ? q(title) : mark('title', 'un titre factuel en français (les participants, la forme, le lieu)')}`,
  );
  lines.push(`date: ${date}`);
  if (found.date.end !== undefined) lines.push(`dateEnd: ${found.date.end}`);
  lines.push(
    `format: ${format.value ?? mark('format', 'la forme de l’entretien (in-person, phone, video, ou call pour un appel dont le moyen n’est pas dit), que le texte ne dit pas')}`,
  );
  if (format.value === 'in-person' || format.value === undefined) {
    const ifInPerson = format.value === undefined ? ' (en personne seulement : un appel n’a pas de lieu)' : '';
    if (place === undefined) {
      if (format.value === 'in-person') {
        lines.push(
          `place: ${mark('place', 'l’identifiant du lieu, que le texte ne nomme pas (un fichier de content/places/)')}`,
        );
      }
    } else if (kindOf(place) === 'near') {
      const what = `le lieu : vouliez-vous dire \`${place.id}\` ? le texte dit « ${place.words} »${ifInPerson}`;
      lines.push(`place: ${mark('place', what)}`);
    } else if (place.create) {
      lines.push(`place: ${place.id} # fiche à créer : content/places/${place.id}.yaml${ifInPerson}`);
      records.push(recordToCreate('places', place));
    } else lines.push(`place: ${place.id}${ifInPerson ? ` #${ifInPerson}` : ''}`);
  }

  lines.push('participants:');
  if (participants.length === 0) {
    lines.push(
      `  - person: ${mark('participants[0]', 'les participants, que la première phrase ne nomme pas')}`,
      `    role: ${marker('leur rôle')}`,
    );
  }
  participants.forEach((p, i) => {
    const kind = kindOf(p);
    if (kind === 'record') lines.push(`  - person: ${p.id}`);
    else if (kind === 'new') {
      lines.push(`  - person: ${p.id} # fiche à créer : content/people/${p.id}.yaml (personne à vérifier)`);
      records.push(recordToCreate('people', p));
    } else if (kind === 'near') {
      const what = `vouliez-vous dire \`${p.id}\` ? le texte dit « ${p.words} » (aucune fiche n’est de ce nom)`;
      lines.push(`  - person: ${mark(`participants[${i}].person`, what)}`);
    } else {
      const what = `la fiche de « ${p.words} », que le texte ne nomme que par son nom de famille`;
      lines.push(`  - person: ${mark(`participants[${i}].person`, what)}`);
    }
    if (p.role !== undefined) lines.push(`    role: ${q(p.role)}`);
    else {
      const what = `le rôle que le texte donne à ${p.name}${p.designation ? `, qu’il désigne comme « ${p.designation} »` : ''}`;
      lines.push(`    role: ${mark(`participants[${i}].role`, what)}`);
    }
    if (p.designation !== undefined) lines.push(`    designation: ${q(p.designation)}`);
  });

  lines.push(mentions.length === 0 ? 'mentions: []' : 'mentions:', ...mentions.map((m) => `  - ${m.id}`));
  lines.push('topics:');
  if (topics.length === 0) {
    lines.push(`  - ${mark('topics[0]', 'au moins un thème de content/topics/ (aucun alias de thème dans le texte)')}`);
  }
  lines.push(...topics.map((t) => `  - ${t.id}`));
  lines.push(
    `language: ${options.language ?? mark('language', `la langue du texte, une étiquette BCP 47 comme « fr » ou « en » (${options.languageWhy ?? 'non reconnue'})`)}`,
  );

  if (source) {
    lines.push('source:');
    if (source.publisher !== undefined) {
      const from = source.publisherFrom ? ` # lu sur la page : « ${source.publisherFrom} »` : '';
      lines.push(`  publisher: ${q(source.publisher)}${from}`);
    } else lines.push(`  publisher: ${mark('source.publisher', 'qui a publié l’original (--publisher)')}`);
    if (source.url !== undefined) lines.push(`  url: ${q(source.url)}`);
    if (source.published !== undefined) {
      const from = source.publishedFrom ? ` # lu sur la page : « ${source.publishedFrom} »` : '';
      lines.push(`  published: ${source.published}${from}`);
    }
    if (source.modified !== undefined) {
      const from = source.modifiedFrom ? ` # lu sur la page : « ${source.modifiedFrom} »` : '';
      lines.push(`  modified: ${source.modified}${from}`);
    }
    lines.push(`  retrieved: ${source.retrieved}`);
  }

  const body = draftBody(paragraphs);
  return {
    id: options.id ?? draftId(date, participants),
    title: title ?? '',
    source: `---\n${lines.join('\n')}\n---\n${body}`,
    body,
    todo,
    records,
  };
}
