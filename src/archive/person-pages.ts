/**
 * A person's page lists the documents where the person takes part, then those that mention
 * the person. Both lists are paginated as one, in that order, so that each page holds at most
 * `PAGE_SIZE` documents whatever the person's share of each.
 */
import type { Archive, MentionOf, Participation } from './archive.ts';
import { PAGE_SIZE, paginate, pagePaths, type Page } from './pagination.ts';

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

/** The pages of a person's documents with the `[...page]` parameter of each (see `pagePaths`). */
export function personPagePaths(
  archive: Pick<Archive, 'participationsOf' | 'mentionsOf'>,
  personId: string,
  size: number = PAGE_SIZE,
): { page: Page<PersonEntry>; param: string | undefined }[] {
  return pagePaths(entries(archive.participationsOf.get(personId) ?? [], archive.mentionsOf.get(personId) ?? []), size);
}
