/**
 * `npm run import`: a readout copied from a web page (text, or a saved `.html` page) becomes a
 * draft document of the archive, `content/readouts/<year>/<id>.md`. The steps: the page's text
 * (`html.ts`, `text.ts`), what its words say (`find.ts`), the draft (`draft.ts`). Before writing,
 * the text is compared with every document of the archive by its fixity: a text already archived
 * is refused, whatever furniture surrounds it. Nothing is ever overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCalendarDate, yearOf } from '#content/dates.ts';
import { isId } from '#content/ids.ts';
import { displayPath, listContent, readContent, splitReadout } from '#content/read.ts';
import { recordCollections } from '#content/schema.ts';
import { declaredAliases } from '#content/aliases.ts';
import { languageName, languageProblem } from '#content/languages.ts';
import { sha256 } from '#archive/fixity.ts';
import { formatLabel } from '#archive/formats.ts';
import { findInText, type Named, type Records, type RecordNames } from './find.ts';
import { htmlText } from './html.ts';
import { detectLanguage, type DetectedLanguage } from './language.ts';
import { languagePatterns, patternsOf } from './languages/index.ts';
import { pageText } from './text.ts';
import { makeDraft, type Source } from './draft.ts';
import { paragraphMarkdown, withoutControls } from './verbatim.ts';

export interface ImportOptions {
  /** The copied text, or a saved page's HTML. */
  input: string;
  html: boolean;
  url?: string | undefined;
  published?: string | undefined;
  publisher?: string | undefined;
  id?: string | undefined;
  /** The meeting's day, when the text does not give it. */
  date?: string | undefined;
  /** The day the archive copied the page; today by default. */
  retrieved?: string | undefined;
  /** The text's language (BCP 47), when the archivist says it: detected otherwise. */
  language?: string | undefined;
}

export type ImportResult =
  { written: true; file: string; report: string[] } | { written: false; error: string; report: string[] };

/** Today's calendar day on the archivist's clock. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** The records the text may name, with the words that name them. */
function readRecords(root: string, contentDir: string): Records {
  const { files } = readContent(root, contentDir, recordCollections);
  const of = (collection: 'people' | 'places' | 'topics'): RecordNames[] =>
    files
      .filter((f) => f.collection === collection && f.unreadable === undefined && isId(f.id))
      .map((f) => {
        const data = (f.data ?? {}) as { name?: unknown; label?: unknown };
        const name = typeof data.name === 'string' ? data.name : typeof data.label === 'string' ? data.label : f.id;
        return { id: f.id, name, aliases: declaredAliases(f.data) };
      });
  return { people: of('people'), places: of('places'), topics: of('topics') };
}

/**
 * A text's paragraphs, whatever its line breaks, blank lines and escapes: what « the same text »
 * means. A document's Markdown is read as the characters it shows (`\*` is `*`, a backslash at
 * the end of a line is a line break), so a text imported before, escaped, is the same text.
 */
const paragraphsKey = (body: string) =>
  body
    .replace(/\r\n?/g, '\n')
    .replace(/\\\n/g, '\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n\n');

/** The archived document whose text is `body`, if there is one. */
function archivedAs(root: string, contentDir: string, body: string): { id: string; path: string } | undefined {
  const fixity = sha256(body);
  const key = paragraphsKey(body);
  for (const file of listContent(root, contentDir, ['readouts']).files) {
    const parts = splitReadout(readFileSync(file.abs ?? file.path, 'utf8').replace(/^\uFEFF/, ''));
    if (parts && (sha256(parts.body) === fixity || paragraphsKey(parts.body) === key))
      return { id: file.id, path: file.path };
  }
  return undefined;
}

/** The language the archivist gave (`--language`), as a detection would give it. */
function givenLanguage(tag: string): DetectedLanguage {
  return { tag, name: languageName(tag), patterns: patternsOf(tag), how: 'donnée par --language', guesses: [] };
}

/** « français, anglais »: the languages whose words the importer reads. */
const known = Object.keys(languagePatterns)
  .map((tag) => languageName(tag) ?? tag)
  .join(', ');

/** How many characters of the text were escaped, and how many line breaks inside paragraphs were kept. */
function escapes(paragraphs: readonly string[]): { markup: number; breaks: number } {
  let markup = 0;
  let breaks = 0;
  for (const p of paragraphs) {
    const lines = p.split('\n').length - 1;
    breaks += lines;
    markup += paragraphMarkdown(p).length - p.replace(/^[ \t]+/, '').length - lines;
  }
  return { markup, breaks };
}

/** A person or place of the report: its id and the words of the text. */
const named = (n: Named) => (n.id !== '' ? `${n.id} (« ${n.words} »)` : `« ${n.words} »`);

/** Imports one readout into `contentDir`; writes the draft, or nothing and says why. */
export function importReadout(root: string, contentDir: string, options: ImportOptions): ImportResult {
  const report: string[] = [];
  const refuse = (error: string): ImportResult => ({ written: false, error, report });
  for (const [option, value] of [
    ['--published', options.published],
    ['--date', options.date],
    ['--retrieved', options.retrieved],
  ] as const) {
    if (value !== undefined && !isCalendarDate(value))
      return refuse(`${option} « ${value} » : attendu une date réelle AAAA-MM-JJ`);
  }
  if (options.url !== undefined && !/^https?:\/\/[^\s/]/.test(options.url)) {
    return refuse(`--url « ${options.url} » : attendu une adresse http(s) complète`);
  }
  if (options.language !== undefined) {
    const problem = languageProblem(options.language);
    if (problem !== undefined) return refuse(`--language : ${problem}`);
  }

  // Control characters are no text a page shows, and no file of the archive holds them.
  const input = withoutControls(options.input);
  const page = options.html ? htmlText(input.text) : { text: input.text, headline: undefined };
  const text = pageText(page.text, page.headline);
  if (text.paragraphs.length === 0) return refuse('aucun texte trouvé dans le fichier');

  const language =
    options.language !== undefined ? givenLanguage(options.language) : detectLanguage(text.paragraphs.join('\n\n'));
  const published = options.published ?? text.posted?.date;
  const found = findInText(text.paragraphs, readRecords(root, contentDir), {
    language,
    published,
    headline: text.headline,
  });

  const date = options.date ?? found.date?.value;
  if (date === undefined) {
    const postedHint = text.posted
      ? ` ; la page est datée du ${text.posted.date} : --date ${text.posted.date} si l’entretien a eu lieu ce jour-là`
      : '';
    if (found.unresolved !== undefined) {
      return refuse(
        `le texte dit « ${found.unresolved} » : le jour de l’entretien est celui de la publication, que la page ne donne pas : donnez-le avec --published AAAA-MM-JJ (ou le jour de l’entretien avec --date AAAA-MM-JJ)`,
      );
    }
    if (!language.patterns) {
      return refuse(
        `la langue du texte (${language.name ?? 'non reconnue'}) n’est pas de celles dont l’importateur lit les dates (${known}) : donnez le jour de l’entretien avec --date AAAA-MM-JJ${postedHint}`,
      );
    }
    return refuse(
      `le jour de l’entretien n’est pas au début du texte (« Le 20 mai 2024, … », "On May 20, 2024, …") : donnez-le avec --date AAAA-MM-JJ${postedHint}`,
    );
  }
  if (options.date !== undefined && found.date && found.date.value !== options.date) {
    report.push(`Date : ${options.date} (--date), et non ${found.date.value} (« ${found.date.words} » dans le texte).`);
  }

  let id = options.id;
  if (id !== undefined) {
    if (!id.startsWith(`${date}-`)) id = `${date}-${id}`;
    if (!isId(id))
      return refuse(`--id « ${options.id} » : attendu des mots en minuscules ASCII séparés par des tirets`);
  }

  const credit = options.publisher === undefined ? text.credit : undefined;
  const wantsSource =
    [options.publisher, options.url, options.published].some((v) => v !== undefined) ||
    !!text.posted ||
    !!text.modified ||
    !!credit;
  const source: Source | undefined = wantsSource
    ? {
        publisher: options.publisher ?? credit?.name,
        publisherFrom: credit?.line,
        url: options.url,
        published,
        publishedFrom: options.published === undefined ? text.posted?.line : undefined,
        modified: text.modified?.date,
        modifiedFrom: text.modified?.line,
        retrieved: options.retrieved ?? today(),
      }
    : undefined;

  const draft = makeDraft({
    found: {
      ...found,
      date: { value: date, end: options.date ? undefined : found.date?.end, words: found.date?.words ?? '' },
    },
    paragraphs: text.paragraphs,
    language: language.tag,
    languageWhy: language.how,
    source,
    id,
  });

  // A text already archived is refused, whatever surrounds it.
  const archived = archivedAs(root, contentDir, draft.body);
  if (archived) {
    return refuse(
      `ce texte est déjà dans l’archive : ${archived.id} (${archived.path}, même empreinte SHA-256 ${sha256(draft.body).slice(0, 12)}…) ; rien n’a été écrit`,
    );
  }
  const taken = listContent(root, contentDir, ['readouts']).files.find((f) => f.id === draft.id);
  if (taken)
    return refuse(`l’identifiant « ${draft.id} » est déjà pris par ${taken.path} : choisissez-en un autre avec --id`);
  const abs = join(contentDir, 'readouts', String(yearOf(date)), `${draft.id}.md`);
  const file = displayPath(root, abs);
  if (existsSync(abs)) return refuse(`${file} existe déjà : rien n’a été écrit`);

  // What was found, what was removed, what is left to do.
  report.push(
    language.tag === undefined
      ? `Langue : non reconnue (${language.how}) : marquée « À COMPLÉTER », avec ce que seules ses tournures diraient.`
      : `Langue : ${language.name ?? language.tag} (${language.tag}), ${language.how}.${
          language.patterns
            ? ''
            : ` L’importateur ne connaît que les tournures de ces langues : ${known} ; ce qu’elles seules diraient (forme, rôles, personnes sans fiche) est marqué « À COMPLÉTER ».`
        }`,
  );
  const { markup, breaks } = escapes(text.paragraphs);
  report.push(
    `Texte : ${text.paragraphs.length} paragraphe(s), gardés tels quels${
      breaks > 0 ? ` ; ${breaks} saut(s) de ligne simple(s) gardé(s) comme sauts de ligne (« \\ » en fin de ligne)` : ''
    }${markup > 0 ? ` ; ${markup} caractère(s) que Markdown lirait comme du balisage, échappé(s) par « \\ » : la page les montre tels quels` : ''}.`,
  );
  if (input.removed.length > 0) {
    report.push(`Caractères de contrôle retirés (aucune page ne les montre) : ${input.removed.join(', ')}.`);
  }
  if (text.removed.length > 0) {
    report.push('Retiré (hors du texte) :');
    // Lines of a copied text are the file's; those of a page, of the text read from it.
    const where = (line: number) => (options.html ? '' : `ligne ${line}, `);
    for (const r of text.removed) report.push(`  ${where(r.line)}${r.why} : « ${r.text} »`);
  }
  for (const t of text.trailing) {
    report.push(`Gardé en fin de texte, à vérifier : « ${t.text} » (supprimez-le s’il n’est pas du document).`);
  }
  if (draft.title !== '') {
    const made = [
      found.format.value ? 'la forme' : '',
      found.participants.length > 0 ? 'les participants' : '',
      found.place ? 'le lieu' : '',
    ].filter((w) => w !== '');
    report.push(
      `Titre : « ${draft.title} » (titre de l’archive, établi d’après ${new Intl.ListFormat('fr').format(made)} ; jamais une ligne de la page).`,
    );
  }
  const dateWords = found.date?.relative
    ? ` (« ${found.date.words} » : le jour de publication, ${found.date.relative}${found.date.value !== found.date.relative ? `, moins ${Math.round((Date.parse(found.date.relative) - Date.parse(found.date.value)) / 86_400_000)} jour(s)` : ''})`
    : found.date && !options.date
      ? ` (« ${found.date.words} »)`
      : '';
  report.push(`Date : ${date}${found.date?.end && !options.date ? ` au ${found.date.end}` : ''}${dateWords}.`);
  const format = found.format;
  report.push(
    format.value === undefined
      ? 'Forme : à compléter (le texte ne dit ni entretien en personne, ni téléphone, ni visioconférence, ni appel).'
      : `Forme : ${formatLabel(format.value)}${
          format.from === 'place'
            ? ' (le texte ne dit pas la forme, mais nomme un lieu)'
            : format.words
              ? ` (« ${format.words} »${format.from === 'headline' ? ', dans le titre de la page' : ''})`
              : ''
        }.`,
  );
  if (found.place) {
    const p = found.place;
    report.push(
      p.kind === 'near'
        ? `Lieu : « ${p.words} » : vouliez-vous dire \`${p.id}\` ? aucune fiche créée ; marqué « À COMPLÉTER ».`
        : `Lieu : ${p.id} (« ${p.words} »)${p.create ? ', fiche à créer' : ''}.`,
    );
  }
  for (const p of found.participants) {
    const role = `${p.role ? `rôle « ${p.role} »` : 'rôle à compléter'}${p.designation ? `, désigné comme « ${p.designation} »` : ''}`;
    if (p.kind === 'near') {
      report.push(
        `Participant : « ${p.words} » : vouliez-vous dire \`${p.id}\` ? aucune fiche créée ; marqué « À COMPLÉTER », ${role}.`,
      );
    } else if (p.kind === 'incomplete') {
      report.push(
        `Participant : « ${p.words} », à vérifier : nom de famille seul, qu’aucune fiche ne porte ; marqué « À COMPLÉTER », ${role}.`,
      );
    } else if (p.create) {
      report.push(
        `Participant : ${named(p)}, à vérifier : aucune fiche, fiche à créer (ci-dessous), absent du nom du fichier, ${role}.`,
      );
    } else {
      const how =
        p.match === 'spelling'
          ? `fiche trouvée sous une autre graphie (${p.name}) ; pour que le site relie ce nom, ajoutez l’alias « ${p.words} » à content/people/${p.id}.yaml`
          : p.match === 'surname'
            ? `fiche trouvée par le nom de famille (${p.name})`
            : 'fiche trouvée';
      report.push(`Participant : ${named(p)}, ${how}, ${role}.`);
    }
  }
  for (const s of found.spokespeople) {
    report.push(`Porte-parole qui publie le texte, pas un participant : « ${s} ».`);
  }
  if (found.mentions.length > 0) report.push(`Mentions : ${found.mentions.map(named).join(', ')}.`);
  if (found.unlisted.length > 0) {
    report.push(
      `Nommés dans le texte, sans fiche, non repris (à vérifier) : ${found.unlisted
        .map((u) => (u.kind === 'near' ? `« ${u.words} » (vouliez-vous dire \`${u.id}\` ?)` : `« ${u.words} »`))
        .join(', ')}.`,
    );
  }
  if (found.topics.length > 0) report.push(`Thèmes : ${found.topics.map((t) => t.id).join(', ')}.`);
  if (source?.published !== undefined) {
    report.push(
      `Publié le ${source.published}${source.publishedFrom ? ` (lu sur la page : « ${source.publishedFrom} »)` : ''}.`,
    );
  }
  if (source?.modified !== undefined) {
    report.push(`Modifié le ${source.modified} (lu sur la page : « ${source.modifiedFrom} »).`);
  }
  if (source?.publisherFrom !== undefined) {
    report.push(
      `Éditeur : « ${source.publisher} » (lu sur la page : « ${source.publisherFrom} » ; --publisher pour un autre).`,
    );
  }
  report.push(`Fichier : ${draft.id}.md (le jour, puis les participants dont l’archive a la fiche).`);
  if (draft.todo.length > 0) {
    report.push('À compléter (marqué « À COMPLÉTER » dans le fichier) :');
    for (const t of draft.todo) report.push(`  ${t.field} : ${t.what}`);
  }
  if (draft.records.length > 0) {
    report.push('Fiches à créer, avant « npm run check:content » :');
    for (const r of draft.records) {
      report.push(
        `  ${r.file} :`,
        ...r.yaml
          .trimEnd()
          .split('\n')
          .map((l) => `    ${l}`),
      );
    }
  }
  report.push('Relisez le brouillon, puis : npm run check:content');

  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, draft.source, { flag: 'wx' });
  return { written: true, file, report };
}
