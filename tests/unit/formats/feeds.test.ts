import { afterEach, describe, expect, test } from 'vitest';
import { buildArchive } from '#archive/archive.ts';
import { feedDate, feedItems, readoutsConcerning } from '#formats/feeds.ts';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('feedDate', () => {
  const buildZones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'Pacific/Pago_Pago'];

  test.each(buildZones)('writes the same RFC 822 date whatever the build’s time zone (%s)', (zone) => {
    process.env.TZ = zone;
    expect(feedDate('2024-05-20').toUTCString()).toBe('Mon, 20 May 2024 12:00:00 GMT');
    expect(feedDate('2024-01-01').toUTCString()).toBe('Mon, 01 Jan 2024 12:00:00 GMT');
  });

  test.each(['Pacific/Pago_Pago', 'America/Los_Angeles', 'Europe/Paris', 'Asia/Shanghai', 'Pacific/Noumea'])(
    'shows the calendar day of the document to a reader in %s',
    (zone) => {
      for (const day of ['2024-05-20', '2024-01-01', '2023-12-31']) {
        expect(feedDate(day).toLocaleDateString('en-CA', { timeZone: zone })).toBe(day);
      }
    },
  );

  test('refuses what is not a calendar day', () => {
    expect(() => feedDate('2024-02-30')).toThrow(/Date invalide/);
  });
});

describe('readoutsConcerning', () => {
  const readout = (id: string, date: string, participants: string[], mentions: string[]) => ({
    id,
    data: {
      title: id,
      date,
      format: 'in-person' as const,
      place: 'astana',
      participants: participants.map((person) => ({ person, role: 'ministre' })),
      mentions,
      topics: ['t'],
      language: 'fr' as const,
    },
  });
  const archive = buildArchive({
    readouts: [
      readout('a', '2023-01-01', ['wang-yi'], []),
      readout('b', '2024-01-01', ['x'], ['wang-yi']),
      readout('c', '2025-01-01', ['x'], []),
    ],
    people: ['wang-yi', 'x'].map((id) => ({ id, data: { name: id, country: 'CN' as const, aliases: [] } })),
    places: [{ id: 'astana', data: { name: 'Astana', country: 'KZ' as const, aliases: [] } }],
    topics: [{ id: 't', data: { label: 'T', kind: 'theme' as const, description: 'x', aliases: [] } }],
  });

  test('lists the documents a person takes part in and those that mention them, newest first', () => {
    expect(readoutsConcerning(archive, 'wang-yi').map((r) => r.id)).toEqual(['b', 'a']);
  });

  test('lists nothing for a person no document concerns', () => {
    expect(readoutsConcerning(archive, 'nobody')).toEqual([]);
  });
});

describe('feedItems', () => {
  const archiveOf = (format: 'in-person' | 'phone' | 'video') =>
    buildArchive({
      readouts: [
        {
          id: '2024-05-20-a',
          data: {
            title: 'T',
            date: '2024-05-20',
            format,
            ...(format === 'in-person' && { place: 'astana' }),
            participants: [{ person: 'wang-yi', role: 'ministre' }],
            mentions: [],
            topics: ['t'],
            language: 'fr' as const,
          },
        },
      ],
      people: [{ id: 'wang-yi', data: { name: 'Wang Yi', country: 'CN', aliases: [] } }],
      places: [{ id: 'astana', data: { name: 'Astana', country: 'KZ', aliases: [] } }],
      topics: [{ id: 't', data: { label: 'T', kind: 'theme' as const, description: 'x', aliases: [] } }],
    });
  const describeItem = (format: 'in-person' | 'phone' | 'video') => {
    const archive = archiveOf(format);
    return feedItems(archive.readouts, archive, (route) => `https://archive.test/${route}`)[0]?.description;
  };

  test.each([
    ['in-person', '20 mai 2024, Astana. Participants\u00a0: Wang Yi.'],
    ['phone', '20 mai 2024, entretien téléphonique. Participants\u00a0: Wang Yi.'],
    ['video', '20 mai 2024, entretien par visioconférence. Participants\u00a0: Wang Yi.'],
  ] as const)('an item says where a meeting in person was held, and the form of a call (%s)', (format, text) => {
    expect(describeItem(format)).toBe(text);
  });
});
