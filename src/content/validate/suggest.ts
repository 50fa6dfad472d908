/**
 * « Vouliez-vous dire … ? »: the existing id nearest to one that does not exist, so that a typo
 * (`sergei-aleinikk`) is answered with the id meant (`sergei-aleinik`). Near means a few edits
 * away (an optimal string alignment distance, where swapping two neighbours is one edit), or the
 * same words in another order (`aleinik-sergei`). Nothing is suggested for an id unlike any
 * other: a new person is not a typo of an old one.
 */

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, giving up beyond `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many edits still make a typo of an id of this length: one in a short id, up to three in a long one. */
const tolerance = (id: string) => Math.max(1, Math.min(3, Math.floor(id.length / 4)));

const words = (id: string) => id.split('-').sort().join('-');

/** The existing id nearest to `id`, if one is near enough; ties go to the first in alphabetical order. */
export function nearestId(id: string, known: Iterable<string>): string | undefined {
  const max = tolerance(id);
  let best: { id: string; distance: number } | undefined;
  for (const candidate of [...known].sort()) {
    if (candidate === id) return candidate;
    const distance = words(candidate) === words(id) ? 1 : editDistance(id, candidate, max);
    if (distance <= max && (best === undefined || distance < best.distance)) best = { id: candidate, distance };
  }
  return best?.id;
}

/** The message for an id that names no record of `folder`: the nearest id, or where to create the record. */
export function unknownIdMessage(id: string, known: Iterable<string>, folder: string): string {
  const near = nearestId(id, known);
  return near === undefined
    ? `« ${id} » n’existe pas : attendu l’identifiant d’une fiche de ${folder} (corrigez-le, ou créez ${folder}${id}.yaml)`
    : `« ${id} » n’existe pas ; vouliez-vous dire \`${near}\` ?`;
}
