/**
 * A person's page lists the documents where the person takes part, then those that mention
 * the person. Both lists are paginated as one, in that order, so that each page holds at most
 * `PAGE_SIZE` documents whatever the person's share of each.
 */
import type { MentionOf, Participation } from './archive.ts';
import { PAGE_SIZE, paginate, type Page } from './pagination.ts';

export type PersonEntry = { participation: Participation } | { mention: MentionOf };

/** The pages of a person's documents: participations first, then mentions. */
export function personPages(
  participations: readonly Participation[],
  mentions: readonly MentionOf[],
  size: number = PAGE_SIZE,
): Page<PersonEntry>[] {
  return paginate<PersonEntry>(
    [...participations.map((participation) => ({ participation })), ...mentions.map((mention) => ({ mention }))],
    size,
  );
}
