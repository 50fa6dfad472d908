/**
 * Who meets whom, and which topics come up together: for each pair of people taking part in
 * the same meetings, and each pair of topics of the same meetings, how many meetings they
 * share and the day of the newest. A meeting is counted once however many of its accounts the
 * archive holds (`meetings.ts`): `buildArchive`'s single pass gathers each meeting's pairs
 * (`addPairs`), they are counted (`countPairSets`), then each record's list is ranked once
 * (`rankPairs`): no page looks through the collection for them.
 */

/** How many interlocutors a person's page shows, and related topics a topic's page; a person's whole list has pages of its own. */
export const TOGETHER_SHOWN = 10;

/**
 * Whether a ranked list of `count` records (a person's interlocutors, a topic's related topics)
 * has pages of its own: when its record's page cannot show it whole. The routes
 * (`rankedPages` in `page-views.ts`) and the address plan (`src/features/permanence/addresses.ts`)
 * both ask this.
 */
export const hasOwnPages = (count: number): boolean => count > TOGETHER_SHOWN;

/** What two records share: how many meetings, and the day of the newest (`YYYY-MM-DD`). */
export interface Shared {
  count: number;
  last: string;
}

/** For each record, the records it shares meetings with. */
export type PairTable = Map<string, Map<string, Shared>>;

/** The pairs of records one meeting names: each pair once, however many of its accounts name it. */
export type PairSet = Map<string, Set<string>>;

/** Adds every pair of distinct ids among `ids` (given once each) to a meeting's pairs. */
export function addPairs(pairs: PairSet, ids: readonly string[]): void {
  if (ids.length < 2) return;
  for (const a of ids) {
    let row = pairs.get(a);
    if (!row) pairs.set(a, (row = new Set()));
    for (const b of ids) if (a !== b) row.add(b);
  }
}

/** Counts each meeting once for every pair it names; `date` is the meeting's day. */
export function countPairSets(meetings: Iterable<{ date: string; pairs: PairSet }>): PairTable {
  const table: PairTable = new Map();
  for (const { date, pairs } of meetings) {
    for (const [a, others] of pairs) {
      let row = table.get(a);
      if (!row) table.set(a, (row = new Map()));
      for (const b of others) {
        const shared = row.get(b);
        if (!shared) row.set(b, { count: 1, last: date });
        else {
          shared.count++;
          if (date > shared.last) shared.last = date;
        }
      }
    }
  }
  return table;
}

/** A record and what it shares with another. */
export type Ranked<T> = Shared & { record: T };

/**
 * Each record's partners, most meetings in common first, then the most recent, then in the
 * order of `records` (the archive's alphabetical order).
 */
export function rankPairs<T extends { id: string }>(table: PairTable, records: readonly T[]): Map<string, Ranked<T>[]> {
  const position = new Map(records.map((r, i) => [r.id, i]));
  const ranked = new Map<string, Ranked<T>[]>();
  for (const [id, row] of table) {
    const list = [...row].map(([other, shared]) => ({ ...shared, record: records[position.get(other)!]! }));
    list.sort(
      (a, b) =>
        b.count - a.count ||
        (a.last === b.last ? 0 : a.last < b.last ? 1 : -1) ||
        position.get(a.record.id)! - position.get(b.record.id)!,
    );
    ranked.set(id, list);
  }
  return ranked;
}
