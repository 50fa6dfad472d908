/**
 * A person's page lists the documents where the person takes part, then those that mention
 * the person. Both lists are paginated as one, in that order, so that each page holds at most
 * `PAGE_SIZE` documents whatever the person's share of each.
 */
import type { Archive, MentionOf, Participation } from './archive.ts';
import { PAGE_SIZE, paginate, pagePaths, type Page } from './pagination.ts';
import { listed } from './page-keys.ts';

export type PersonEntry = { participation: Participation } | { mention: MentionOf };

const entries = (participations: readonly Participation[], mentions: readonly MentionOf[]): PersonEntry[] => [
  ...participations.map((participation) => ({ participation })),
  ...mentions.map((mention) => ({ mention })),
];

/** The pages of a person's documents: participations first, then mentions. */
export function personPages(
  participations: readonly Participation[],
  mentions: readonly MentionOf[],
  size: number = PAGE_SIZE,
): Page<PersonEntry>[] {
  return paginate(entries(participations, mentions), size);
}

/** A person's documents as one list: participations first, then mentions. */
export function personEntries(
  archive: Pick<Archive, 'participationsOf' | 'mentionsOf'>,
  personId: string,
): PersonEntry[] {
  return entries(archive.participationsOf.get(personId) ?? [], archive.mentionsOf.get(personId) ?? []);
}

/** The pages of a person's documents with the `[...page]` parameter of each (see `pagePaths`). */
export function personPagePaths(
  archive: Pick<Archive, 'participationsOf' | 'mentionsOf'>,
  personId: string,
  size: number = PAGE_SIZE,
): { page: Page<PersonEntry>; param: string | undefined }[] {
  return pagePaths(personEntries(archive, personId), size);
}

/** What a person's page shows of an entry: the document as a list shows it, and the role, or the words that name the person. */
export function shownEntry(entry: PersonEntry): unknown {
  return 'participation' in entry
    ? [listed(entry.participation.readout), entry.participation.role]
    : [listed(entry.mention.readout), entry.mention.designation ?? null];
}

/** The date of an entry's document. */
export const entryDate = (entry: PersonEntry): string =>
  ('participation' in entry ? entry.participation.readout : entry.mention.readout).data.date;
