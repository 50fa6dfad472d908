import { describe, expect, test } from 'vitest';
import { buildArchive, type Readout } from '#archive/archive.ts';
import { type Collections } from '#content/entries.ts';
import type { ReadoutData } from '#content/schema.ts';
import {
  breadcrumbList,
  personJsonLd,
  placeJsonLd,
  readoutDescription,
  readoutJsonLd,
  serializeJsonLd,
  topicJsonLd,
  type JsonLd,
} from '#formats/structured-data.ts';
import { absoluteUrls } from '#archive/urls.ts';

const url = absoluteUrls('https://archive.test', '/archive/');
const at = (path: string) => `https://archive.test/archive/${path}`;

const records: Omit<Collections, 'readouts'> = {
  people: [
    {
      id: 'wang-yi',
      data: { name: 'Wang Yi', nameOriginal: '王毅', nameOriginalLang: 'zh', country: 'CN', aliases: [] },
    },
    { id: 'sergei-aleinik', data: { name: 'Sergueï Aleïnik', country: 'BY', aliases: [] } },
    { id: 'xi-jinping', data: { name: 'Xi Jinping', country: 'CN', description: 'Président.', aliases: [] } },
  ],
  places: [
    {
      id: 'astana',
      data: { name: 'Astana', nameOriginal: 'Астана', nameOriginalLang: 'kk', country: 'KZ', aliases: [] },
    },
  ],
  topics: [
    { id: 'ocs', data: { label: 'OCS', kind: 'organisation', description: 'Une organisation.', aliases: [] } },
    { id: 'taiwan', data: { label: 'Taïwan', kind: 'question', description: 'Une question.', aliases: [] } },
  ],
};

function archiveWith(extra: Partial<ReadoutData> = {}) {
  const archive = buildArchive({
    ...records,
    readouts: [
      {
        id: '2024-05-20-a',
        data: {
          title: 'Wang Yi rencontre Sergueï Aleïnik',
          date: '2024-05-20',
          format: 'in-person',
          place: 'astana',
          participants: [
            { person: 'wang-yi', role: 'ministre des Affaires étrangères' },
            { person: 'sergei-aleinik', role: 'ministre biélorusse', designation: 'son homologue' },
          ],
          mentions: [{ person: 'xi-jinping', designation: 'président chinois' }],
          topics: ['ocs', 'taiwan'],
          language: 'fr',
          ...extra,
        },
      },
    ],
  });
  return { archive, readout: archive.readouts[0] as Readout };
}

type Node = Record<string, unknown>;

/** The nodes of an array-or-single schema.org value. */
const list = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];

describe('readoutJsonLd: a document as a Report about a meeting', () => {
  const { archive, readout } = archiveWith({ event: 'Conseil des ministres de l’OCS' });
  const data = readoutJsonLd(readout, archive, url, at('comptes-rendus/2024-05-20-a/apercu.png')) as unknown as Node;
  const [meeting, ...topics] = list(data['about']);

  test('is a Report in French, identified by its permanent URL, part of the archive', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Report',
      '@id': at('comptes-rendus/2024-05-20-a/'),
      url: at('comptes-rendus/2024-05-20-a/'),
      name: 'Wang Yi rencontre Sergueï Aleïnik',
      inLanguage: 'fr',
      temporalCoverage: '2024-05-20',
      image: at('comptes-rendus/2024-05-20-a/apercu.png'),
      isPartOf: { '@type': 'WebSite', url: at('') },
    });
  });

  test('is about the meeting, an Event on the day of the document at its place', () => {
    expect(meeting).toMatchObject({
      '@type': 'Event',
      startDate: '2024-05-20',
      location: { '@type': 'Place', '@id': at('lieux/astana/'), address: { addressCountry: 'KZ' } },
      superEvent: { '@type': 'Event', name: 'Conseil des ministres de l’OCS' },
    });
  });

  test('the meeting’s attendees are people in the role the document states', () => {
    expect(list(meeting!['attendee'])).toEqual([
      expect.objectContaining({
        '@type': 'Role',
        roleName: 'ministre des Affaires étrangères',
        attendee: expect.objectContaining({
          '@type': 'Person',
          '@id': at('personnes/wang-yi/'),
          alternateName: '王毅',
        }),
      }),
      expect.objectContaining({
        '@type': 'Role',
        roleName: 'ministre biélorusse',
        attendee: expect.objectContaining({ '@type': 'Person', '@id': at('personnes/sergei-aleinik/') }),
      }),
    ]);
  });

  test('is about its topics: an organisation as an Organization, others as a Thing, by page URL', () => {
    expect(topics.map((t) => [t['@type'], t['@id']])).toEqual([
      ['Organization', at('themes/ocs/')],
      ['Thing', at('themes/taiwan/')],
    ]);
  });

  test('mentions the people mentioned, and takes place where the meeting took place', () => {
    expect(list(data['mentions']).map((p) => [p['@type'], p['@id']])).toEqual([
      ['Person', at('personnes/xi-jinping/')],
    ]);
    expect(data['contentLocation']).toMatchObject({ '@type': 'Place', '@id': at('lieux/astana/') });
  });

  test('names its records by their page and name, leaving the rest to their own pages', () => {
    const people = [...list(meeting!['attendee']).map((role) => role['attendee'] as Node), ...list(data['mentions'])];
    expect(people.length).toBeGreaterThan(0);
    for (const node of [...people, ...topics]) {
      expect(Object.keys(node).sort(), String(node['@id'])).toEqual(expect.arrayContaining(['@id', '@type', 'name']));
      for (const copied of ['description', 'nationality', 'url']) expect(node).not.toHaveProperty(copied);
    }
    expect(Object.keys(data['contentLocation'] as Node).sort()).toEqual(['@id', '@type']);
  });

  test('without a known source, claims no publication date and no publisher', () => {
    expect(data).not.toHaveProperty('datePublished');
    expect(data).not.toHaveProperty('publisher');
    expect(data).not.toHaveProperty('isBasedOn');
  });

  test('with a source, names its publisher and the original, and its publication day only when given', () => {
    const source = { publisher: 'Ministère des Affaires étrangères', url: 'https://example.org/a' };
    const dated = archiveWith({ source: { ...source, published: '2024-05-21', retrieved: '2024-06-01' } });
    expect(readoutJsonLd(dated.readout, dated.archive, url)).toMatchObject({
      datePublished: '2024-05-21',
      publisher: { '@type': 'Organization', name: source.publisher },
      isBasedOn: source.url,
    });
    const undated = archiveWith({ source: { ...source, retrieved: '2024-06-01' } });
    expect(readoutJsonLd(undated.readout, undated.archive, url)).not.toHaveProperty('datePublished');
  });

  test('without an occasion, the meeting has no larger event', () => {
    const plain = archiveWith();
    const [event] = list((readoutJsonLd(plain.readout, plain.archive, url) as unknown as Node)['about']);
    expect(event).not.toHaveProperty('superEvent');
  });
});

describe('readoutJsonLd: how the meeting was held', () => {
  test('a meeting in person is held offline, at its place', () => {
    const { archive, readout } = archiveWith();
    const [meeting] = list((readoutJsonLd(readout, archive, url) as unknown as Node)['about']);
    expect(meeting).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', '@id': at('lieux/astana/') },
    });
  });

  test.each([
    ['phone', 'Entretien téléphonique'],
    ['video', 'Entretien par visioconférence'],
  ] as const)('a call (%s) is held online, at no place, and says its form', (format, label) => {
    const { archive, readout } = archiveWith({ format, place: undefined });
    const data = readoutJsonLd(readout, archive, url) as unknown as Node;
    const [meeting] = list(data['about']);
    expect(meeting).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', name: label },
    });
    expect(data).not.toHaveProperty('contentLocation');
    expect(JSON.stringify(data)).not.toContain('lieux/');
  });
});

describe('readoutDescription', () => {
  test('a call is described by its form, with no place', () => {
    const { archive, readout } = archiveWith({ format: 'phone', place: undefined });
    expect(readoutDescription(readout, archive)).toBe(
      'Compte rendu de l’entretien téléphonique du 20 mai 2024. Participants\u00a0: Wang Yi et Sergueï Aleïnik.',
    );
  });

  test('says the day, the place and every participant, joined the French way', () => {
    const { archive, readout } = archiveWith();
    const sentence = readoutDescription(readout, archive);
    expect(sentence).toContain('20 mai 2024');
    expect(sentence).toContain('Astana');
    expect(sentence).toContain('Wang Yi et Sergueï Aleïnik');
  });
});

describe('records', () => {
  const { archive } = archiveWith();

  test('a person has their name in its original script and their nationality', () => {
    expect(personJsonLd(archive.person.get('wang-yi')!, url)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@id': at('personnes/wang-yi/'),
      url: at('personnes/wang-yi/'),
      name: 'Wang Yi',
      alternateName: '王毅',
      nationality: { '@type': 'Country', name: 'Chine', identifier: 'CN' },
    });
  });

  test('a person without an original name or description has neither key', () => {
    const node = personJsonLd(archive.person.get('sergei-aleinik')!, url);
    expect(node).not.toHaveProperty('alternateName');
    expect(node).not.toHaveProperty('description');
  });

  test('a place has its country, a topic its description', () => {
    expect(placeJsonLd(archive.place.get('astana')!, url)).toMatchObject({
      '@type': 'Place',
      alternateName: 'Астана',
      address: { '@type': 'PostalAddress', addressCountry: 'KZ' },
    });
    expect(topicJsonLd(archive.topic.get('taiwan')!, url)).toMatchObject({
      '@type': 'Thing',
      name: 'Taïwan',
      description: 'Une question.',
    });
  });
});

describe('breadcrumbList', () => {
  test('numbers the crumbs from 1 and links each to its page', () => {
    expect(
      breadcrumbList([
        { name: 'Accueil', url: at('') },
        { name: 'Personnes', url: at('personnes/') },
        { name: 'Wang Yi', url: at('personnes/wang-yi/') },
      ]).itemListElement,
    ).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Accueil', item: at('') },
      { '@type': 'ListItem', position: 2, name: 'Personnes', item: at('personnes/') },
      { '@type': 'ListItem', position: 3, name: 'Wang Yi', item: at('personnes/wang-yi/') },
    ]);
  });
});

describe('serializeJsonLd', () => {
  test.each([
    ['</script><script>alert(1)</script>', 'a title cannot close the script element'],
    ['<!-- a & b > c', 'nor open a comment; & and > are escaped too'],
    ['ligne\u2028suivante\u2029fin', 'line and paragraph separators are escaped'],
    ['Wang Yi « 王毅 » Сергей', 'other characters are kept as they are'],
  ])('%j round-trips and leaves no markup (%s)', (name) => {
    const data = { '@context': 'https://schema.org', '@type': 'Thing', name } as JsonLd;
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
