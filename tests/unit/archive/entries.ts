/** Documents for the model's unit tests: a readout entry as the collections give it, and lists of them. */
import { compareReadouts, type Readout } from '#archive/archive.ts';
import type { ReadoutData } from '#content/schema.ts';

/** A document of `date`, in person at Astana, person `a` taking part, on topic `t`, unless `extra` says otherwise. */
export function readout(id: string, date: string, extra: Partial<ReadoutData> = {}) {
  return {
    id,
    filePath: `content/readouts/${id}.md`,
    data: {
      title: id,
      date,
      format: 'in-person' as const,
      place: 'astana',
      participants: [{ person: 'a', role: 'ministre' }],
      mentions: [],
      topics: ['t'],
      language: 'fr' as const,
      ...extra,
    },
  };
}

/** Documents in the archive's order (newest first), one per date given. */
export function datedReadouts(...dates: string[]): Readout[] {
  return dates
    .map((date, i) => readout(`${date}-d${i}`, date))
    .map((r): Readout => ({ ...r, data: { ...r.data, mentions: [] }, listedOn: r.data.date }))
    .sort(compareReadouts);
}
