import { describe, expect, test } from 'vitest';
import { buildArchive, type Archive, type Readout } from '#archive/archive.ts';
import { RELATED_LIMIT, relatedReadouts } from '#archive/related.ts';

interface Doc {
  id: string;
  date: string;
  people?: string[];
  mentions?: string[];
  topics?: string[];
  place?: string;
}

/** An archive of the documents given, with a record for every id they use. */
function archiveOf(docs: Doc[]): Archive {
  const people = new Set(docs.flatMap((d) => [...(d.people ?? ['nobody']), ...(d.mentions ?? [])]));
  const topics = new Set(docs.flatMap((d) => d.topics ?? ['none']));
  const places = new Set(docs.map((d) => d.place ?? 'nowhere'));
  return buildArchive({
    readouts: docs.map((d) => ({
      id: d.id,
      data: {
        title: d.id,
        date: d.date,
        format: 'in-person' as const,
        place: d.place ?? 'nowhere',
        participants: (d.people ?? ['nobody']).map((person) => ({ person, role: 'r' })),
        mentions: d.mentions ?? [],
        topics: d.topics ?? ['none'],
        language: 'fr' as const,
      },
    })),
    people: [...people].map((id) => ({ id, data: { name: id, country: 'CN' as const, aliases: [] } })),
    topics: [...topics].map((id) => ({
      id,
      data: { label: id, kind: 'theme' as const, description: id, aliases: [] },
    })),
    places: [...places].map((id) => ({ id, data: { name: id, country: 'CN' as const, aliases: [] } })),
  });
}

const related = (docs: Doc[], id = 'x') =>
  relatedReadouts(archiveOf(docs))
    .get(id)
    ?.map((r) => r.id);

describe('relatedReadouts', () => {
  test.each<[string, Doc[], string[]]>([
    [
      'a shared participant outranks any number of shared topics',
      [
        { id: 'x', date: '2024-01-01', people: ['a', 'b'], topics: ['t1', 't2', 't3'] },
        { id: 'topics', date: '2024-01-02', people: ['c'], topics: ['t1', 't2', 't3'] },
        { id: 'person', date: '2020-01-01', people: ['a'], topics: ['other'] },
      ],
      ['person', 'topics'],
    ],
    [
      'two shared participants outrank one',
      [
        { id: 'x', date: '2024-01-01', people: ['a', 'b'] },
        { id: 'one', date: '2024-02-01', people: ['a'] },
        { id: 'two', date: '2020-01-01', people: ['a', 'b'] },
      ],
      ['two', 'one'],
    ],
    [
      'shared topics outrank the same place; more topics outrank fewer',
      [
        { id: 'x', date: '2024-01-01', people: ['a'], topics: ['t1', 't2'], place: 'p' },
        { id: 'place', date: '2024-03-01', people: ['b'], topics: ['u'], place: 'p' },
        { id: 'one-topic', date: '2024-02-01', people: ['c'], topics: ['t1'], place: 'q' },
        { id: 'two-topics', date: '2019-01-01', people: ['d'], topics: ['t2', 't1'], place: 'q' },
      ],
      ['two-topics', 'one-topic', 'place'],
    ],
    [
      'the same place breaks a tie between equal participants and topics',
      [
        { id: 'x', date: '2024-01-01', people: ['a'], topics: ['t'], place: 'p' },
        { id: 'elsewhere', date: '2024-05-01', people: ['a'], topics: ['t'], place: 'q' },
        { id: 'here', date: '2020-01-01', people: ['a'], topics: ['t'], place: 'p' },
      ],
      ['here', 'elsewhere'],
    ],
    [
      'equal scores: the newer document first, then the smaller id',
      [
        { id: 'x', date: '2024-01-01', people: ['a'] },
        { id: 'old', date: '2020-01-01', people: ['a'] },
        { id: 'new-b', date: '2023-01-01', people: ['a'] },
        { id: 'new-a', date: '2023-01-01', people: ['a'] },
      ],
      ['new-a', 'new-b', 'old'],
    ],
    [
      'a person mentioned is not a participant in common; nothing in common, no relation',
      [
        { id: 'x', date: '2024-01-01', people: ['a'], topics: ['t'], place: 'p' },
        { id: 'mentions-a', date: '2024-01-02', people: ['b'], mentions: ['a'], topics: ['u'], place: 'q' },
      ],
      [],
    ],
  ])('%s', (_why, docs, expected) => {
    expect(related(docs)).toEqual(expected);
  });

  test(`keeps at most ${RELATED_LIMIT} and never the document itself`, () => {
    const docs = Array.from({ length: 12 }, (_, i) => ({
      id: i === 0 ? 'x' : `d${String(i).padStart(2, '0')}`,
      date: `2024-01-${String(i + 1).padStart(2, '0')}`,
      people: ['a'],
    }));
    const ids = related(docs)!;
    expect(ids).toHaveLength(RELATED_LIMIT);
    expect(ids).not.toContain('x');
    expect(ids).toEqual(['d11', 'd10', 'd09', 'd08', 'd07']);
  });

  /** The definition, written the slow and obvious way: compare every pair. */
  function bySpec(archive: Archive, readout: Readout): string[] {
    const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x)).length;
    const people = (r: Readout) => r.data.participants.map((p) => p.person);
    return archive.readouts
      .filter((other) => other !== readout)
      .map((other, position) => ({
        other,
        position,
        key: [
          shared(people(readout), people(other)),
          shared(readout.data.topics, other.data.topics),
          readout.data.place === other.data.place ? 1 : 0,
        ],
      }))
      .filter(({ key }) => key.some((k) => k > 0))
      .sort(
        (a, b) => b.key[0]! - a.key[0]! || b.key[1]! - a.key[1]! || b.key[2]! - a.key[2]! || a.position - b.position,
      )
      .slice(0, RELATED_LIMIT)
      .map(({ other }) => other.id);
  }

  test.each([1, 2, 3, 4])('agrees with the pairwise definition on a random archive (seed %i)', (seed) => {
    let state = seed;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const pickSome = (prefix: string, pool: number, max: number) => [
      ...new Set(Array.from({ length: 1 + random(max) }, () => `${prefix}${random(pool)}`)),
    ];
    const docs = Array.from({ length: 80 }, (_, i) => ({
      id: `d${i}`,
      date: `202${random(4)}-0${1 + random(9)}-1${random(9)}`,
      people: pickSome('p', 12, 3),
      topics: pickSome('t', 15, 4),
      place: `l${random(6)}`,
    }));
    const archive = archiveOf(docs);
    const fast = relatedReadouts(archive);
    expect(archive.readouts).toHaveLength(80);
    for (const readout of archive.readouts) {
      expect(
        fast.get(readout.id)?.map((r) => r.id),
        readout.id,
      ).toEqual(bySpec(archive, readout));
    }
  });
});
