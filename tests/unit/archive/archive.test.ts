import { describe, expect, test } from 'vitest';
import { buildArchive, compareLabels, groupByYear, recordsOf } from '#archive/archive.ts';
import { readoutsByFormat } from '#archive/formats.ts';
import { type Collections } from '#content/entries.ts';
import { readout } from './entries.ts';

const base: Omit<Collections, 'readouts'> = {
  people: [
    { id: 'a', data: { name: 'Élise Zola', country: 'CN', aliases: [] } },
    { id: 'b', data: { name: 'Ada Ebert', country: 'BY', aliases: [] } },
    { id: 'c', data: { name: 'eric Abel', country: 'BY', aliases: [] } },
  ],
  places: [{ id: 'astana', data: { name: 'Astana', country: 'KZ', aliases: [] } }],
  topics: [
    { id: 't', data: { label: 'Œuvre', kind: 'theme', description: 'x', aliases: [] } },
    { id: 'u', data: { label: 'Organisation', kind: 'organisation', description: 'x', aliases: [] } },
  ],
};

describe('buildArchive', () => {
  test('sorts documents newest first, and by id on the same day', () => {
    const archive = buildArchive({
      ...base,
      readouts: [
        readout('b', '2024-05-20'),
        readout('c', '2023-01-01'),
        readout('a', '2024-05-20'),
        readout('d', '2025-01-01'),
      ],
    });
    expect(archive.readouts.map((r) => r.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  test('sorts people by family name the French way, accents and case aside', () => {
    const archive = buildArchive({ ...base, readouts: [readout('x', '2024-01-01')] });
    expect(archive.people.map((p) => p.data.name)).toEqual(['eric Abel', 'Ada Ebert', 'Élise Zola']);
  });

  test('joins participants, mentions, topics and places to their documents', () => {
    const archive = buildArchive({
      ...base,
      readouts: [
        readout('one', '2024-01-01', {
          mentions: ['b', { person: 'c', designation: 'le président' }],
          topics: ['t', 'u'],
        }),
        readout('two', '2024-02-01', {
          participants: [
            { person: 'a', role: 'ministre' },
            { person: 'b', role: 'hôte' },
          ],
        }),
      ],
    });
    expect(archive.participationsOf.get('a')?.map((p) => p.readout.id)).toEqual(['two', 'one']);
    expect(archive.participationsOf.get('b')?.map((p) => [p.readout.id, p.role])).toEqual([['two', 'hôte']]);
    expect(archive.mentionsOf.get('b')?.map((m) => m.readout.id)).toEqual(['one']);
    expect(archive.mentionsOf.get('c')?.[0]?.designation).toBe('le président');
    expect(archive.readoutsOnTopic.get('u')?.map((r) => r.id)).toEqual(['one']);
    expect(archive.readoutsOnTopic.get('t')?.map((r) => r.id)).toEqual(['two', 'one']);
    expect(archive.readoutsAtPlace.get('astana')).toHaveLength(2);
  });

  test.each([
    [{ place: 'nowhere' }, 'place: « nowhere »'],
    [{ participants: [{ person: 'ghost', role: 'x' }] }, 'participants[0].person: « ghost »'],
    [{ mentions: ['a', 'ghost'] }, 'mentions[1]: « ghost »'],
    [{ topics: ['t', 'missing'] }, 'topics[1]: « missing »'],
  ])('refuses a reference to a missing record (%o), naming file and field', (extra, message) => {
    expect(() => buildArchive({ ...base, readouts: [readout('bad', '2024-01-01', extra)] })).toThrow(
      `content/readouts/bad.md: ${message}`,
    );
  });
});

describe('a call, which has no place', () => {
  const archive = buildArchive({
    ...base,
    readouts: [readout('met', '2024-01-01'), readout('called', '2024-02-01', { format: 'phone', place: undefined })],
  });

  test('is listed at no place, and its records have none', () => {
    expect(archive.readoutsAtPlace.get('astana')?.map((r) => r.id)).toEqual(['met']);
    expect(recordsOf(archive.readout.get('called')!, archive).place).toBeUndefined();
    expect(recordsOf(archive.readout.get('met')!, archive).place?.id).toBe('astana');
  });

  test('is listed with the documents of its form, and every form has its list', () => {
    const lists = readoutsByFormat(archive.readouts);
    expect([...lists].map(([format, list]) => [format, list.map((r) => r.id)])).toEqual([
      ['in-person', ['met']],
      ['phone', ['called']],
      ['video', []],
      ['call', []],
    ]);
  });
});

describe('groupByYear', () => {
  test('groups newest year first and keeps the order within a year', () => {
    const { readouts } = buildArchive({
      ...base,
      readouts: [
        readout('a', '2023-03-01'),
        readout('b', '2024-06-01'),
        readout('c', '2024-01-01'),
        readout('d', '2023-12-01'),
      ],
    });
    expect(groupByYear(readouts).map((g) => [g.year, g.readouts.map((r) => r.id)])).toEqual([
      [2024, ['b', 'c']],
      [2023, ['d', 'a']],
    ]);
  });
});

describe('compareLabels', () => {
  test('ignores accents, then falls back to the id', () => {
    expect(compareLabels('Été', 'ete', 'b', 'a')).toBeGreaterThan(0);
    expect(compareLabels('Élan', 'Zèbre')).toBeLessThan(0);
  });
});
