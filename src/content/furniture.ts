/**
 * Page furniture: the lines a web page puts around a readout that are not its text, and that
 * come along when the page is copied: a breadcrumb (« Page d’accueil > Actualités »), the date
 * and time of posting (`2024-05-20 21:14`), action links (« [ Envoyer ce lien à un ami ] »,
 * « [ Imprimer ] ») and share lines (« Partager : Facebook Twitter »). One list for the
 * importer, which drops them (`src/features/import/`), and for the validator, which refuses them in a
 * document's text (`validate/furniture.ts`). A pattern matches a whole line, never part of one,
 * and none matches a sentence: a readout's text never loses a word to it.
 */

export type FurnitureKind = 'breadcrumb' | 'date-time' | 'actions' | 'share';

/** What each kind is, as messages name it. */
export const furnitureNames: Record<FurnitureKind, string> = {
  breadcrumb: 'fil d’Ariane de la page',
  'date-time': 'date et heure de mise en ligne',
  actions: 'liens d’action de la page',
  share: 'ligne de partage',
};

const APOSTROPHE = '[’\'ʼ]';
/** « Page d’accueil > … », « Accueil › … », « Vous êtes ici : … ». */
const BREADCRUMB_START = new RegExp(
  `^(?:(?:page d${APOSTROPHE}accueil|accueil|home)\\s*[>›»/|]|vous êtes ici\\s*:)`,
  'iu',
);
/** Three short parts or more separated by `>` or `›`: a breadcrumb without its « Accueil ». */
const BREADCRUMB_PARTS = /^[^<>›.!?]{1,80}(?:\s[>›]\s[^<>›.!?]{1,80}){2,}$/u;

const DAY = String.raw`(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})`;
const TIME = String.raw`\d{1,2}[:h]\d{2}(?::\d{2})?`;
/** `2024-05-20 21:14`, `20/05/2024`, « Publié le 2024-05-20 à 21:14 », « Mis à jour : 2024-05-21 ». */
const DATE_TIME = new RegExp(
  `^(?:(?:publié|mis à jour|date de publication|date)\\s*(?:le|:)?\\s*)?${DAY}(?:\\s*(?:à|,)?\\s*${TIME})?$`,
  'iu',
);

/** The labels of action links, in brackets: « [ Imprimer ] », « 【大 中 小】 ». */
const ACTION_LABELS = new RegExp(
  `^(?:envoyer ce lien à un ami|envoyer à un ami|envoyer|imprimer|version imprimable|fermer|fermer la fenêtre|haut de page|retour|retour en haut|partager|agrandir|réduire|taille du texte|[大中小](?:\\s+[大中小])*|a[+-]?)$`,
  'iu',
);
const BRACKETED = /\[\s*([^\]]{1,40}?)\s*\]|【\s*([^】]{1,40}?)\s*】/gu;

const NETWORKS =
  'facebook|twitter|x|linkedin|wechat|weibo|whatsapp|telegram|e-?mail|courriel|mail|bluesky|mastodon|reddit|vk|imprimer';
/** « Partager : », « Partager sur Facebook », « Partagez cet article », « Share ». */
const SHARE = new RegExp(
  `^(?:partager|partagez(?:\\s+(?:cet article|cette page))?|share|suivez-nous)(?:\\s*(?:sur|on|via))?\\s*:?(?:[\\s|·,/-]*(?:${NETWORKS}))*\\s*:?$`,
  'iu',
);
/** Two network names or more and nothing else: « Facebook Twitter LinkedIn ». */
const NETWORKS_ONLY = new RegExp(`^(?:(?:${NETWORKS})[\\s|·,/-]*){2,}$`, 'iu');

/** Whether every bracketed group of the line is an action label, and the line holds nothing else. */
function isActionLine(line: string): boolean {
  const labels = [...line.matchAll(BRACKETED)];
  if (labels.length === 0 || line.replace(BRACKETED, '').trim() !== '') return false;
  return labels.every((m) => ACTION_LABELS.test((m[1] ?? m[2] ?? '').trim()));
}

/** The kind of furniture a line is, or `undefined` for a line of text. */
export function furnitureOf(line: string): FurnitureKind | undefined {
  const text = line.trim();
  if (text === '' || text.length > 200) return undefined;
  if (BREADCRUMB_START.test(text) || BREADCRUMB_PARTS.test(text)) return 'breadcrumb';
  if (DATE_TIME.test(text)) return 'date-time';
  if (isActionLine(text)) return 'actions';
  if (SHARE.test(text) || NETWORKS_ONLY.test(text)) return 'share';
  return undefined;
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
