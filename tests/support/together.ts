/** Who meets whom, computed for the tests from the documents alone (see `src/archive/together.ts`). */

export interface SharedWith {
  id: string;
  label: string;
  count: number;
  /** The newest document's date. */
  last: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The records that share documents with `id`, each document giving its date and its records:
 * most documents in common first, then the newest, then by label the French way.
 */
export function sharedWith(
  docs: readonly { date: string; ids: readonly string[] }[],
  id: string,
  labels: ReadonlyMap<string, string>,
): SharedWith[] {
  const seen = new Map<string, { count: number; last: string }>();
  for (const doc of docs) {
    const ids = new Set(doc.ids);
    if (!ids.has(id)) continue;
    for (const other of ids) {
      if (other === id) continue;
      const s = seen.get(other) ?? { count: 0, last: '' };
      seen.set(other, { count: s.count + 1, last: s.last > doc.date ? s.last : doc.date });
    }
  }
  return [...seen]
    .map(([other, s]) => ({ id: other, label: labels.get(other)!, ...s }))
    .sort((a, b) => b.count - a.count || b.last.localeCompare(a.last) || collator.compare(a.label, b.label));
}
