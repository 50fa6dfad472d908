/**
 * Page furniture: the lines a web page puts around a readout that are not its text, and that
 * come along when the page is copied: a breadcrumb (« Page d’accueil > Actualités »), the date
 * and time of posting (`2024-05-20 21:14`), the date the page says it last changed
 * (« Dernière modification : … », "Last updated …"), action links (« [ Imprimer ] », « Haut de
 * page », "Print", "Suggest To A Friend"), share lines (« Partager : Facebook Twitter », "Share
 * this page"), the page's source line ("Source: …") and the office it comes from ("Office of the
 * Spokesperson"). One table for the importer, which drops them (`src/features/import/`), and
 * for the validator, which refuses them in a document's text (`validate/furniture.ts`). A rule
 * matches a whole line, never part of one, and none matches a sentence: a readout's text never
 * loses a word to it. Another site's furniture is a row (or a label) added below.
 */

export type FurnitureKind = 'breadcrumb' | 'date-time' | 'modified' | 'actions' | 'share' | 'source' | 'office';

/** What each kind is, as messages name it. */
export const furnitureNames: Record<FurnitureKind, string> = {
  breadcrumb: 'fil d’Ariane de la page',
  'date-time': 'date et heure de mise en ligne',
  modified: 'date de dernière modification de la page',
  actions: 'liens d’action de la page',
  share: 'ligne de partage',
  source: 'ligne de source de la page',
  office: 'service émetteur de la page',
};

const APOSTROPHE = '[’\'ʼ]';
/** « Page d’accueil > … », « Accueil › … », « Vous êtes ici : … ». */
const BREADCRUMB_START = new RegExp(
  `^(?:(?:page d${APOSTROPHE}accueil|accueil|home)\\s*[>›»/|]|vous êtes ici\\s*:|you are here\\s*:)`,
  'iu',
);
/** Three short parts or more separated by `>` or `›`: a breadcrumb without its « Accueil ». */
const BREADCRUMB_PARTS = /^[^<>›.!?]{1,80}(?:\s[>›]\s[^<>›.!?]{1,80}){2,}$/u;

const DAY = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})`;
const TIME = String.raw`\d{1,2}[:h]\d{2}(?::\d{2})?`;
/** `2024-05-20 21:14`, `20/05/2024`, « Publié le 2024-05-20 à 21:14 », « Date : 2024-05-21 ». */
const DATE_TIME = new RegExp(
  `^(?:(?:publié|date de publication|date|published|posted)\\s*(?:le|on|:)?\\s*)?${DAY}(?:\\s*(?:à|,|at)?\\s*${TIME})?$`,
  'iu',
);
/** A day in words: « 21 mai 2024 », « mardi 21 mai 2024 », "May 21, 2024", "21st May 2024". */
const WORDS_DAY = String.raw`(?:\p{L}+,?\s+)?(?:\d{1,2}(?:er|ᵉʳ|st|nd|rd|th)?\s+(?:of\s+)?\p{L}+\.?|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4}`;
/**
 * « Dernière modification : 21/05/2024 », « Mis à jour le 21 mai 2024 », "Last updated: May 21,
 * 2024": a label, then a day in figures or in words (the importer reads it).
 */
const MODIFIED = new RegExp(
  `^(?:dernière (?:modification|mise à jour)|mise? à jour|modifié|last (?:updated|modified|update)|page last updated|updated|modified)\\s*(?:le|on)?\\s*:?\\s*(?:${DAY}|${WORDS_DAY})(?:\\s*(?:à|,|at)?\\s*${TIME})?$`,
  'iu',
);

/**
 * The labels of action links, on a line of their own, alone or several joined by `|`, `·` or
 * `•`, in brackets (« [ Imprimer ] ») or not (« Haut de page », "Print"). Lower case.
 */
export const ACTION_LABELS: readonly string[] = [
  // French.
  'envoyer ce lien à un ami',
  'envoyer à un ami',
  'imprimer',
  'imprimer la page',
  'imprimer cette page',
  'version imprimable',
  'fermer la fenêtre',
  'haut de page',
  'retour en haut',
  'retour en haut de page',
  'taille du texte',
  // English.
  'print',
  'print this page',
  'printer-friendly version',
  'printer friendly version',
  'email this page',
  'e-mail this page',
  'suggest to a friend',
  'send to a friend',
  'back to top',
  'top of page',
  'text size',
];
/** Labels that are action links only in brackets (« [ Retour ] », « 【大 中 小】 »): alone, they may be text. */
export const BRACKETED_ACTION_LABELS: readonly string[] = [
  'envoyer',
  'partager',
  'share',
  'fermer',
  'retour',
  'agrandir',
  'réduire',
  'close',
  'email',
  '大 中 小',
  '大',
  '中',
  '小',
  'a',
  'a+',
  'a-',
];
const spacedLower = (label: string) => label.trim().replace(/\s+/gu, ' ').toLowerCase();
const actionLabels = new Set(ACTION_LABELS.map(spacedLower));
const bracketedLabels = new Set([...actionLabels, ...BRACKETED_ACTION_LABELS.map(spacedLower)]);
const BRACKETED = /\[\s*([^\]]{1,40}?)\s*\]|【\s*([^】]{1,40}?)\s*】/gu;

const NETWORKS =
  'facebook|twitter|x|linkedin|wechat|weibo|whatsapp|telegram|e-?mail|courriel|mail|bluesky|mastodon|reddit|vk|imprimer|print';
/** « Partager : », « Partager sur Facebook », « Partagez cet article », "Share on X", "Share this page:". */
const SHARE = new RegExp(
  `^(?:partager|partagez(?:\\s+(?:cet article|cette page))?|share(?:\\s+this(?:\\s+(?:page|article|story))?)?|suivez-nous|follow us)(?:\\s*(?:sur|on|via))?\\s*:?(?:[\\s|·,/-]*(?:${NETWORKS}))*\\s*:?$`,
  'iu',
);
/** Two network names or more and nothing else: « Facebook Twitter LinkedIn ». */
const NETWORKS_ONLY = new RegExp(`^(?:(?:${NETWORKS})[\\s|·,/-]*){2,}$`, 'iu');

/** "Source: Ministry of Foreign Affairs", « Source : ambassade » : the page's credit line. */
const SOURCE = /^(?:source|sources|fonte|quelle|fuente)\s*:\s*\S.{0,150}$/iu;

/**
 * The office or the section a page comes from, on a line of its own: "Office of the
 * Spokesperson", "Readout", "Media Note". Lower case; add a site's own below.
 */
export const OFFICE_LINES: readonly string[] = [
  'office of the spokesperson',
  'office of the press secretary',
  'press office',
  'press service',
  'press statement',
  'media note',
  'readout',
  'service de presse',
  'bureau du porte-parole',
  'porte-parole du ministère',
];
const officeLines = new Set(OFFICE_LINES.map(spacedLower));

/** Whether a line is action labels and nothing else: bracketed, or joined by separators. */
function isActionLine(line: string): boolean {
  const labels = [...line.matchAll(BRACKETED)];
  if (labels.length > 0) {
    return (
      line.replace(BRACKETED, '').trim() === '' && labels.every((m) => bracketedLabels.has(spacedLower(m[1] ?? m[2] ?? '')))
    );
  }
  // Several labels joined by separators may include the share link: "Print | Share".
  const parts = line.split(/\s*[|·•]\s*/u);
  return parts.every((part) => actionLabels.has(spacedLower(part)) || (parts.length > 1 && SHARE.test(part)));
}

/** The rules, in the order they are tried: a kind and the test of a whole line (trimmed). */
export const FURNITURE: readonly { kind: FurnitureKind; test: (line: string) => boolean }[] = [
  { kind: 'breadcrumb', test: (line) => BREADCRUMB_START.test(line) || BREADCRUMB_PARTS.test(line) },
  { kind: 'date-time', test: (line) => DATE_TIME.test(line) },
  { kind: 'modified', test: (line) => MODIFIED.test(line) },
  { kind: 'actions', test: isActionLine },
  { kind: 'share', test: (line) => SHARE.test(line) || NETWORKS_ONLY.test(line) },
  { kind: 'source', test: (line) => SOURCE.test(line) },
  { kind: 'office', test: (line) => officeLines.has(spacedLower(line)) },
];

/** The kind of furniture a line is, or `undefined` for a line of text. */
export function furnitureOf(line: string): FurnitureKind | undefined {
  const text = line.trim();
  if (text === '' || text.length > 200) return undefined;
  return FURNITURE.find((rule) => rule.test(text))?.kind;
}

/**
 * The first words of the text `npm run new` puts where the document's text goes: a document
 * that still holds them has not been filled in.
 */
export const SCAFFOLD_PLACEHOLDER = 'Collez ici le texte exact du document';

/**
 * What `npm run import` writes where it could not find a value, followed by what is missing:
 * a document that still holds one has not been completed.
 */
export const IMPORT_MARKER = 'À COMPLÉTER';
