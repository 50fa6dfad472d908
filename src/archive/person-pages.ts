/**
 * A person's page lists the documents where the person takes part, then those that mention
 * the person. Both lists are paginated as one, in that order, so that each page holds as many
 * documents as any list's (`pagination.ts`) whatever the person's share of each.
 */
import type { Archive, MentionOf, Participation } from './archive.ts';

export type PersonEntry = { participation: Participation } | { mention: MentionOf };

/** A person's documents as one list: participations first, then mentions. */
export function personEntries(
  archive: Pick<Archive, 'participationsOf' | 'mentionsOf'>,
  personId: string,
): PersonEntry[] {
  return [
    ...(archive.participationsOf.get(personId) ?? []).map((participation) => ({ participation })),
    ...(archive.mentionsOf.get(personId) ?? []).map((mention) => ({ mention })),
  ];
}
