import { describe, expect, test } from 'vitest';
import { buildArchive } from '#archive/archive.ts';
import { accountNames } from '#archive/accounts.ts';
import { meetingView } from '#archive/meeting-page.ts';
import { groupMeetings } from '#archive/meetings.ts';
import type { Collections } from '#content/entries.ts';
import { readout } from './entries.ts';

const base: Omit<Collections, 'readouts'> = {
  people: [
    { id: 'a', data: { name: 'Ada Ebert', country: 'FR', aliases: [] } },
    { id: 'b', data: { name: 'Bea Lind', country: 'NO', aliases: [] } },
    { id: 'c', data: { name: 'Cyr Oblak', country: 'SI', aliases: [] } },
  ],
  places: [
    { id: 'astana', data: { name: 'Astana', country: 'KZ', aliases: [] } },
    { id: 'minsk', data: { name: 'Minsk', country: 'BY', aliases: [] } },
  ],
  topics: ['t', 'u'].map((id) => ({
    id,
    data: { label: `Thème ${id}`, kind: 'theme' as const, description: 'x', aliases: [] },
  })),
};
const two = (a: string, b: string) => [
  { person: a, role: 'ministre' },
  { person: b, role: 'ministre' },
];
const routeOf = {
  person: (id: string) => `p/${id}/`,
  topic: (id: string) => `t/${id}/`,
  place: (id: string) => `l/${id}/`,
};

describe('groupMeetings', () => {
  test('gathers the accounts of each meeting, the earliest first, over the days they all give', () => {
    const meetings = groupMeetings([
      readout('x', '2024-05-21', { meeting: 'm' }),
      readout('y', '2024-05-20', { meeting: 'm', dateEnd: '2024-05-22' }),
      readout('z', '2024-05-20'),
    ]);
    expect([...meetings.keys()]).toEqual(['m']);
    expect(meetings.get('m')!.accounts.map((r) => r.id)).toEqual(['y', 'x']);
    expect(meetings.get('m')!.span).toEqual({ start: '2024-05-20', end: '2024-05-22' });
  });
});

describe('accountNames: each account told apart in the fewest words', () => {
  const label = (by: string, value: string) => `${by}:${value}`;
  test.each([
    [
      'by language, when each has its own',
      [{ language: 'fr' }, { language: 'en' }],
      ['language:français', 'language:anglais'],
    ],
    [
      'by publisher, when they share a language',
      [
        { language: 'fr', source: { publisher: 'A' } },
        { language: 'fr', source: { publisher: 'B' } },
      ],
      ['publisher:A', 'publisher:B'],
    ],
    [
      'by day, when publishers are unknown',
      [{ date: '2024-05-20' }, { date: '2024-05-21' }],
      ['date:2024-05-20', 'date:2024-05-21'],
    ],
    ['by number, when nothing else tells them apart', [{}, {}], ['number:1', 'number:2']],
  ])('%s', (_, extras, expected) => {
    const accounts = buildArchive({
      ...base,
      readouts: extras.map((extra, i) => readout(`r${i}`, '2024-05-20', { meeting: 'm', ...extra })),
    }).meeting.get('m')!.accounts;
    expect(accountNames(accounts, label)).toEqual(expected);
  });
});

describe('meetingView: what each account names, and where they differ', () => {
  const archive = buildArchive({
    ...base,
    readouts: [
      readout('fr', '2024-05-20', { meeting: 'm', participants: two('a', 'b'), mentions: ['c'], topics: ['t', 'u'] }),
      readout('en', '2024-05-20', {
        meeting: 'm',
        language: 'en',
        participants: [...two('a', 'b'), { person: 'c', role: 'adviser' }],
        topics: ['t'],
        place: 'minsk',
      }),
    ],
  });
  const view = meetingView(archive.meeting.get('m')!, archive, () => 10, routeOf);

  test('titles the meeting by the people every account says took part, and its days', () => {
    expect(view.title).toBe('Entretien entre Ada Ebert et Bea Lind, 20 mai 2024');
  });

  test('marks each difference in a sentence, and nothing where the accounts agree', () => {
    expect(view.differences).toEqual([
      'Cyr Oblak prend part à l’entretien selon le compte rendu en anglais\u202f; le compte rendu en français ne fait que mentionner son nom.',
      'Seul le compte rendu en français évoque le thème «\u00a0Thème u\u00a0».',
      // Places in the archive's order, by name.
      'Seul le compte rendu en français situe l’entretien à Astana.',
      'Seul le compte rendu en anglais situe l’entretien à Minsk.',
    ]);
    expect(view.people.filter((r) => r.difference === undefined).map((r) => r.id)).toEqual(['a', 'b']);
  });

  test('gives no common place when the accounts disagree on it', () => {
    expect(view.place).toBeUndefined();
  });
});
