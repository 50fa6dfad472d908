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
import { sha256 } from '#archive/fixity.ts';
import { formatLabel } from '#archive/formats.ts';
import { findInText, type Records, type RecordNames } from './find.ts';
import { htmlText } from './html.ts';
import { pageText } from './text.ts';
import { makeDraft, type Source } from './draft.ts';

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

/** A text's paragraphs, whatever its line breaks and blank lines: what « the same text » means. */
const paragraphsKey = (body: string) =>
  body
    .replace(/\r\n?/g, '\n')
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

  const page = options.html ? htmlText(options.input) : { text: options.input, headline: undefined };
  const text = pageText(page.text, page.headline);
  if (text.paragraphs.length === 0) return refuse('aucun texte trouvé dans le fichier');
  const found = findInText(text.paragraphs, readRecords(root, contentDir));

  const date = options.date ?? found.date?.value;
  if (date === undefined) {
    return refuse(
      'le jour de l’entretien n’est pas au début du texte (« Le 20 mai 2024, … ») : donnez-le avec --date AAAA-MM-JJ',
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

  const posted = text.posted;
  const wantsSource = [options.publisher, options.url, options.published].some((v) => v !== undefined) || !!posted;
  const source: Source | undefined = wantsSource
    ? {
        publisher: options.publisher,
        url: options.url,
        published: options.published ?? posted?.date,
        publishedFrom: options.published === undefined ? posted?.line : undefined,
        retrieved: options.retrieved ?? today(),
      }
    : undefined;

  const draft = makeDraft({
    found: { ...found, date: { value: date, words: found.date?.words ?? '' } },
    paragraphs: text.paragraphs,
    headline: text.headline,
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
  report.push(`Texte : ${text.paragraphs.length} paragraphe(s), gardés tels quels.`);
  if (text.removed.length > 0) {
    report.push('Retiré (hors du texte) :');
    // Lines of a copied text are the file's; those of a page, of the text read from it.
    const where = (line: number) => (options.html ? '' : `ligne ${line}, `);
    for (const r of text.removed) report.push(`  ${where(r.line)}${r.why} : « ${r.text} »`);
  }
  for (const t of text.trailing) {
    report.push(`Gardé en fin de texte, à vérifier : « ${t.text} » (supprimez-le s’il n’est pas du document).`);
  }
  const made = found.format.value === 'in-person' ? 'les participants et le lieu' : 'la forme et les participants';
  report.push(`Titre : « ${draft.title} » (${text.headline ? 'titre de la page' : `établi d’après ${made}`}).`);
  report.push(`Date : ${date}${found.date && !options.date ? ` (« ${found.date.words} »)` : ''}.`);
  report.push(
    `Forme : ${formatLabel(found.format.value)}${found.format.words ? ` (« ${found.format.words} »)` : ' (le texte ne parle ni de téléphone ni de visioconférence)'}.`,
  );
  if (found.place)
    report.push(`Lieu : ${found.place.id} (« ${found.place.words} »)${found.place.create ? ', fiche à créer' : ''}.`);
  for (const p of found.participants) {
    const role = p.role ? `rôle « ${p.role} »` : 'rôle à compléter';
    report.push(
      `Participant : ${p.id} (« ${p.words} »), ${role}${p.designation ? `, désigné comme « ${p.designation} »` : ''}${p.create ? ', fiche à créer' : ''}.`,
    );
  }
  if (found.mentions.length > 0) report.push(`Mentions : ${found.mentions.map((m) => m.id).join(', ')}.`);
  if (found.topics.length > 0) report.push(`Thèmes : ${found.topics.map((t) => t.id).join(', ')}.`);
  if (source?.published !== undefined) {
    report.push(
      `Publié le ${source.published}${source.publishedFrom ? ` (lu sur la page : « ${source.publishedFrom} »)` : ''}.`,
    );
  }
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
