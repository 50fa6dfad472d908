/**
 * The draft a readout becomes: its id (the day, then its participants' ids, as the content guide
 * says), its title (the page's headline, or a factual one made from the participants and the
 * place), its frontmatter with every value found, and its text. What was not found is written
 * « À COMPLÉTER : … » (refused by the validator until it is replaced); a person or a place that
 * no record knows is written with the id its record will have, with a comment, and listed with
 * that record.
 */
import { IMPORT_MARKER } from '#content/furniture.ts';
import type { ReadoutFormat } from '#content/schema.ts';
import { formatLabel } from '#archive/formats.ts';
import type { Found, Named } from './find.ts';

export interface Source {
  publisher?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
  /** Where `published` was read, when the page showed it (its date-and-time line). */
  publishedFrom?: string | undefined;
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

/** The document's id: its day, then its participants' ids while they fit. */
export function draftId(date: string, participants: readonly Named[]): string {
  let id = date;
  for (const p of participants) {
    if (id !== date && id.length + 1 + p.id.length > MAX_ID) break;
    id += `-${p.id}`;
  }
  return id === date ? `${date}-entretien` : id;
}

/** A factual title: « Entretien téléphonique entre Wang Yi et Sergueï Aleïnik », « … à Astana ». */
export function factualTitle(format: ReadoutFormat, participants: readonly Named[], place: Named | undefined): string {
  const who = names.format(participants.map((p) => p.name));
  const kind = format === 'in-person' ? 'Entretien' : formatLabel(format);
  const between = participants.length > 1 ? ` entre ${who}` : participants.length === 1 ? ` de ${who}` : '';
  return `${kind}${between}${place ? ` à ${place.name}` : ''}`;
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

/** The draft of the readout whose text is `paragraphs`, with what was found in it. */
export function makeDraft(options: {
  found: Found & { date: { value: string } };
  paragraphs: readonly string[];
  headline?: string | undefined;
  source?: Source | undefined;
  id?: string | undefined;
}): Draft {
  const { found, paragraphs, headline, source } = options;
  const { format, place, participants, mentions, topics } = found;
  const date = found.date.value;
  const todo: Draft['todo'] = [];
  const records: RecordToCreate[] = [];
  const lines: string[] = [];
  const title = headline ?? factualTitle(format.value, participants, place);

  lines.push(`title: ${q(title)}`, `date: ${date}`, `format: ${format.value}`);
  if (format.value === 'in-person') {
    if (place === undefined) {
      const what = 'l’identifiant du lieu, que le texte ne nomme pas (un fichier de content/places/)';
      lines.push(`place: ${marker(what)}`);
      todo.push({ field: 'place', what });
    } else if (place.create) {
      lines.push(`place: ${place.id} # fiche à créer : content/places/${place.id}.yaml`);
      records.push(recordToCreate('places', place));
    } else lines.push(`place: ${place.id}`);
  }

  lines.push('participants:');
  if (participants.length === 0) {
    const what = 'les participants, que le paragraphe d’ouverture ne nomme pas';
    lines.push(`  - person: ${marker(what)}`, `    role: ${marker('leur rôle')}`);
    todo.push({ field: 'participants[0]', what });
  }
  participants.forEach((p, i) => {
    lines.push(`  - person: ${p.id}${p.create ? ` # fiche à créer : content/people/${p.id}.yaml` : ''}`);
    if (p.create) records.push(recordToCreate('people', p));
    if (p.role !== undefined) lines.push(`    role: ${q(p.role)}`);
    else {
      const what = `le rôle que le texte donne à ${p.name}${p.designation ? `, qu’il désigne comme « ${p.designation} »` : ''}`;
      lines.push(`    role: ${marker(what)}`);
      todo.push({ field: `participants[${i}].role`, what });
    }
    if (p.designation !== undefined) lines.push(`    designation: ${q(p.designation)}`);
  });

  lines.push(mentions.length === 0 ? 'mentions: []' : 'mentions:', ...mentions.map((m) => `  - ${m.id}`));
  lines.push('topics:');
  if (topics.length === 0) {
    const what = 'au moins un thème de content/topics/ (aucun alias de thème dans le texte)';
    lines.push(`  - ${marker(what)}`);
    todo.push({ field: 'topics[0]', what });
  }
  lines.push(...topics.map((t) => `  - ${t.id}`));
  lines.push('language: fr');

  if (source) {
    lines.push('source:');
    if (source.publisher !== undefined) lines.push(`  publisher: ${q(source.publisher)}`);
    else {
      const what = 'qui a publié l’original (--publisher)';
      lines.push(`  publisher: ${marker(what)}`);
      todo.push({ field: 'source.publisher', what });
    }
    if (source.url !== undefined) lines.push(`  url: ${q(source.url)}`);
    if (source.published !== undefined) {
      const from = source.publishedFrom ? ` # lu sur la page : « ${source.publishedFrom} »` : '';
      lines.push(`  published: ${source.published}${from}`);
    }
    lines.push(`  retrieved: ${source.retrieved}`);
  }

  const body = `\n${paragraphs.join('\n\n')}\n`;
  return {
    id: options.id ?? draftId(date, participants),
    title,
    source: `---\n${lines.join('\n')}\n---\n${body}`,
    body,
    todo,
    records,
  };
}
