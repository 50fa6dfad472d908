/**
 * The forms a meeting takes (`format`: in person, on the telephone, by video link), as pages,
 * the API, feeds and JSON-LD show them: a label for each, and the documents of each form, which
 * have a list of their own (`routes.readoutsInFormat`). A static site with no script filters by
 * pages, not by a query: each list has its own permanent address, recorded in `urls.txt`, and
 * links from the list of all documents.
 */
import { readoutFormats, type ReadoutFormat } from '#content/schema.ts';
import { t } from '#i18n/index.ts';
import type { Readout } from './archive.ts';

export { readoutFormats, type ReadoutFormat };

/** « Entretien téléphonique »: the form as a label (a description list, a list of documents). */
export function formatLabel(format: ReadoutFormat): string {
  return t(`format.${format}`);
}

/** « entretien téléphonique »: the form inside a sentence. */
export function formatInline(format: ReadoutFormat): string {
  return t(`format.${format}.inline`);
}

/** « Entretiens téléphoniques »: the title of the list of the documents of one form. */
export function formatListTitle(format: ReadoutFormat): string {
  return t(`formatList.${format}`);
}

/** The sentence under that title. */
export function formatListIntro(format: ReadoutFormat): string {
  return t(`formatList.intro.${format}`);
}

/** Whether the meeting was a call (telephone or video), which has no place. */
export function isCall(format: ReadoutFormat): boolean {
  return format !== 'in-person';
}

/** The documents of each form, in the order given (the archive's: newest first); every form has its list, empty or not. */
export function readoutsByFormat(readouts: readonly Readout[]): Map<ReadoutFormat, Readout[]> {
  const lists = new Map<ReadoutFormat, Readout[]>(readoutFormats.map((f) => [f, []]));
  for (const readout of readouts) lists.get(readout.data.format)!.push(readout);
  return lists;
}
