import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArchive } from '#archive/archive.ts';
import { monthIndex } from '#archive/activity.ts';
import { addPairs, countPairSets, rankPairs, type PairSet } from '#archive/together.ts';
import { parseEntries, type Collections } from '#content/entries.ts';
import { readContent } from '#content/read.ts';
import { root } from '../../support/build.ts';
import { readout } from './entries.ts';

/** One meeting of `date` whose accounts name the ids of each list. */
const meeting = (date: string, ...accounts: string[][]) => {
  const pairs: PairSet = new Map();
  for (const ids of accounts) addPairs(pairs, ids);
  return { date, pairs };
};

describe('addPairs, countPairSets and rankPairs', () => {
  const records = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

  test('count every pair of a meeting both ways, keep the newest date, and rank most shared first', () => {
    const table = countPairSets([
      meeting('2024-01-01', ['a', 'b', 'c']),
      meeting('2023-06-01', ['a', 'c']),
      meeting('2024-03-01', ['a', 'd']),
      meeting('2025-01-01', ['b']),
    ]);
    const ranked = rankPairs(table, records);
    const of = (id: string) => ranked.get(id)?.map((r) => [r.record.id, r.count, r.last]);
    // c: two documents; then d and b, one each: the more recent first.
    expect(of('a')).toEqual([
      ['c', 2, '2024-01-01'],
      ['d', 1, '2024-03-01'],
      ['b', 1, '2024-01-01'],
    ]);
    expect(of('c')).toEqual([
      ['a', 2, '2024-01-01'],
      ['b', 1, '2024-01-01'],
    ]);
    expect(of('d')).toEqual([['a', 1, '2024-03-01']]);
  });

  test('a pair named by several accounts of one meeting shares one meeting; pairs no account names are not counted', () => {
    const ranked = rankPairs(countPairSets([meeting('2024-01-01', ['a', 'b'], ['a', 'b', 'c'], ['d', 'c'])]), records);
    const of = (id: string) => ranked.get(id)?.map((r) => [r.record.id, r.count]);
    expect(of('a')).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
    // d and a take part in the same meeting by two different accounts: no account names them together.
    expect(of('d')).toEqual([['c', 1]]);
  });

  test('ties of count and date follow the order of the records', () => {
    const table = countPairSets([meeting('2024-01-01', ['d', 'c', 'b', 'a'])]);
    expect(
      rankPairs(table, records)
        .get('d')
        ?.map((r) => r.record.id),
    ).toEqual(['a', 'b', 'c']);
  });
});

const base: Omit<Collections, 'readouts'> = {
  people: [
    { id: 'a', data: { name: 'Ada', country: 'CN', aliases: [] } },
    { id: 'b', data: { name: 'Bea', country: 'BY', aliases: [] } },
    { id: 'c', data: { name: 'Cyr', country: 'BY', aliases: [] } },
  ],
  places: [
    { id: 'astana', data: { name: 'Astana', country: 'KZ', aliases: [] } },
    { id: 'minsk', data: { name: 'Minsk', country: 'BY', aliases: [] } },
  ],
  topics: ['t', 'u', 'v'].map((id) => ({
    id,
    data: { label: id, kind: 'theme' as const, description: 'x', aliases: [] },
  })),
};

describe('buildArchive: the same pass counts who meets whom and when', () => {
  const two = (a: string, b: string) => [
    { person: a, role: 'r' },
    { person: b, role: 'r' },
  ];
  const archive = buildArchive({
    ...base,
    readouts: [
      readout('one', '2024-01-10', { participants: two('a', 'b'), mentions: ['c'], topics: ['t', 'u'] }),
      readout('two', '2024-01-20', { participants: two('a', 'b'), topics: ['t', 'u', 'v'], place: 'minsk' }),
      readout('three', '2024-03-05', { participants: two('a', 'c'), mentions: ['b'], topics: ['u'] }),
    ],
  });

  test('interlocutors: participants of the same documents, never people only mentioned', () => {
    const of = (id: string) => archive.interlocutorsOf.get(id)?.map((r) => [r.record.data.name, r.count, r.last]);
    expect(of('a')).toEqual([
      ['Bea', 2, '2024-01-20'],
      ['Cyr', 1, '2024-03-05'],
    ]);
    expect(of('b')).toEqual([['Ada', 2, '2024-01-20']]);
    expect(of('c')).toEqual([['Ada', 1, '2024-03-05']]);
  });

  test('topics that come up together', () => {
    const of = (id: string) => archive.topicsWith.get(id)?.map((r) => [r.record.id, r.count]);
    expect(of('t')).toEqual([
      ['u', 2],
      ['v', 1],
    ]);
    expect(of('u')).toEqual([
      ['t', 2],
      ['v', 1],
    ]);
  });

  test('documents by month of each person (taking part, or only mentioned), topic and place', () => {
    const months = (map: Map<string, Map<number, number>>, id: string) => Object.fromEntries(map.get(id) ?? []);
    const [jan, mar] = [monthIndex('2024-01-01'), monthIndex('2024-03-01')];
    expect(months(archive.monthsTakingPart, 'a')).toEqual({ [jan]: 2, [mar]: 1 });
    expect(months(archive.monthsMentioned, 'a')).toEqual({});
    expect(months(archive.monthsTakingPart, 'b')).toEqual({ [jan]: 2 });
    expect(months(archive.monthsMentioned, 'b')).toEqual({ [mar]: 1 });
    expect(months(archive.monthsTakingPart, 'c')).toEqual({ [mar]: 1 });
    expect(months(archive.monthsMentioned, 'c')).toEqual({ [jan]: 1 });
    expect(months(archive.monthsOnTopic, 'u')).toEqual({ [jan]: 2, [mar]: 1 });
    expect(months(archive.monthsAtPlace, 'astana')).toEqual({ [jan]: 1, [mar]: 1 });
    expect(months(archive.monthsAtPlace, 'minsk')).toEqual({ [jan]: 1 });
  });

  test('two accounts of one meeting share one meeting, listed under its first day', () => {
    const accounts = buildArchive({
      ...base,
      readouts: [
        readout('fr', '2024-01-10', { participants: two('a', 'b'), topics: ['t', 'u'], meeting: 'm' }),
        readout('en', '2024-01-09', {
          participants: two('a', 'b'),
          topics: ['t', 'u'],
          meeting: 'm',
          dateEnd: '2024-01-10',
          language: 'en',
        }),
        readout('other', '2024-01-09', { participants: two('a', 'c'), topics: ['t'] }),
      ],
    });
    expect(accounts.interlocutorsOf.get('a')?.map((r) => [r.record.id, r.count, r.last])).toEqual([
      ['b', 1, '2024-01-09'],
      ['c', 1, '2024-01-09'],
    ]);
    expect(accounts.topicsWith.get('t')?.map((r) => [r.record.id, r.count])).toEqual([['u', 1]]);
    expect(accounts.meeting.get('m')?.accounts.map((r) => r.id)).toEqual(['en', 'fr']);
    expect(accounts.meeting.get('m')?.span).toEqual({ start: '2024-01-09', end: '2024-01-10' });
    // Both accounts under the meeting's first day, together; the document of that day by itself.
    expect(accounts.readouts.map((r) => [r.id, r.listedOn])).toEqual([
      ['other', '2024-01-09'],
      ['en', '2024-01-09'],
      ['fr', '2024-01-09'],
    ]);
  });

  test('a person named twice in a document counts it once', () => {
    const twice = buildArchive({
      ...base,
      readouts: [readout('x', '2024-01-01', { participants: two('a', 'b'), mentions: ['a'] })],
    });
    expect(Object.fromEntries(twice.monthsTakingPart.get('a')!)).toEqual({ [monthIndex('2024-01-01')]: 1 });
    expect(twice.monthsMentioned.get('a')).toBeUndefined();
    expect(twice.interlocutorsOf.get('a')?.map((r) => r.count)).toEqual([1]);
  });
});

describe('the seed document', () => {
  // The seed alone, whatever else `content/` comes to hold.
  const { files } = readContent(root, join(root, 'content'));
  const entries = parseEntries(files);
  const seed = entries.readouts.filter((r) => r.id === '2024-05-20-wang-yi-sergei-aleinik');
  const archive = buildArchive({ ...entries, readouts: seed });

  test('makes Sergueï Aleïnik the one interlocutor of Wang Yi, with 1 document, on 20 May 2024', () => {
    expect(seed).toHaveLength(1);
    expect(archive.interlocutorsOf.get('wang-yi')?.map((r) => [r.record.data.name, r.count, r.last])).toEqual([
      ['Sergueï Aleïnik', 1, '2024-05-20'],
    ]);
  });
});
