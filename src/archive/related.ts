/**
 * « See also »: for every document, the documents closest to it. Closeness is ranked
 * strictly in this order: more participants in common, then more topics in common, then the
 * same place; ties go to the newer document, then to the smaller id (the archive's own order),
 * so the lists never depend on file order.
 *
 * All lists are computed in one pass that only walks the archive's indexes (a document's
 * participants, topics and place lead straight to the documents sharing them), with scores
 * kept in typed arrays: no document is compared with the whole collection.
 */
import type { Archive, Readout } from './archive.ts';

/** How many related documents a page shows. */
export const RELATED_LIMIT = 5;

type Indexes = Pick<Archive, 'readouts' | 'participationsOf' | 'readoutsOnTopic' | 'readoutsAtPlace'>;

/** The related documents of every document, by id; a document related to nothing maps to `[]`. */
export function relatedReadouts(archive: Indexes, limit: number = RELATED_LIMIT): Map<string, Readout[]> {
  const { readouts } = archive;
  if (limit < 1) return new Map(readouts.map((r) => [r.id, []]));
  const position = new Map(readouts.map((r, i) => [r.id, i]));
  const positions = (list: readonly Readout[]) => Int32Array.from(list, (r) => position.get(r.id)!);
  const byPerson = new Map([...archive.participationsOf].map(([id, ps]) => [id, positions(ps.map((p) => p.readout))]));
  const byTopic = new Map([...archive.readoutsOnTopic].map(([id, rs]) => [id, positions(rs)]));
  const byPlace = new Map([...archive.readoutsAtPlace].map(([id, rs]) => [id, positions(rs)]));

  // One score per document, reset after each use. Weights make the order strict: a topic
  // weighs more than a place, and a participant more than all the topics a document can share.
  const score = new Int32Array(readouts.length);
  const touched = new Int32Array(readouts.length);
  const result = new Map<string, Readout[]>();

  readouts.forEach((readout, self) => {
    const { participants, topics, place } = readout.data;
    const topicWeight = 2;
    const personWeight = topicWeight * (topics.length + 1);
    let count = 0;
    const add = (list: Int32Array | undefined, weight: number) => {
      if (!list) return;
      for (const other of list) {
        if (other === self) continue;
        if (score[other] === 0) touched[count++] = other;
        score[other] = score[other]! + weight;
      }
    };
    for (const p of participants) add(byPerson.get(p.person), personWeight);
    for (const t of topics) add(byTopic.get(t), topicWeight);
    if (place !== undefined) add(byPlace.get(place), 1);

    // The best `limit`, kept sorted: higher score first, then lower position (newer, then smaller id).
    const best: number[] = [];
    const before = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
    for (let i = 0; i < count; i++) {
      const candidate = touched[i]!;
      if (best.length === limit && !before(candidate, best[limit - 1]!)) continue;
      let at = best.length;
      while (at > 0 && before(candidate, best[at - 1]!)) at--;
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
    result.set(
      readout.id,
      best.map((i) => readouts[i]!),
    );
    for (let i = 0; i < count; i++) score[touched[i]!] = 0;
  });
  return result;
}
