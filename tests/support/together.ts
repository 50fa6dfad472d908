/**
 * Who meets whom, computed for the tests from the documents alone (see `src/archive/together.ts`):
 * a meeting counts once however many of its accounts name a pair.
 */

export interface SharedWith {
  id: string;
  label: string;
  count: number;
  /** The day of the newest meeting. */
  last: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The records that share meetings with `id`, each document giving its meeting (`unit`), the day
 * it is listed under and its records: most meetings in common first, then the newest, then by
 * label the French way.
 */
export function sharedWith(
  docs: readonly { unit: string; date: string; ids: readonly string[] }[],
  id: string,
  labels: ReadonlyMap<string, string>,
): SharedWith[] {
  // Each meeting's partners of `id`, as any of its accounts names them.
  const meetings = new Map<string, { date: string; others: Set<string> }>();
  for (const doc of docs) {
    const ids = new Set(doc.ids);
    if (!ids.has(id)) continue;
    const meeting = meetings.get(doc.unit) ?? { date: doc.date, others: new Set<string>() };
    for (const other of ids) if (other !== id) meeting.others.add(other);
    meetings.set(doc.unit, meeting);
  }
  const seen = new Map<string, { count: number; last: string }>();
  for (const { date, others } of meetings.values()) {
    for (const other of others) {
      const s = seen.get(other) ?? { count: 0, last: '' };
      seen.set(other, { count: s.count + 1, last: s.last > date ? s.last : date });
    }
  }
  return [...seen]
    .map(([other, s]) => ({ id: other, label: labels.get(other)!, ...s }))
    .sort((a, b) => b.count - a.count || b.last.localeCompare(a.last) || collator.compare(a.label, b.label));
}
