import { describe, expect, test } from 'vitest';
import { buildArchive } from '#archive/archive.ts';
import { familyName, nameParts, sortName } from '#archive/names.ts';

describe('people sorted by family name, as libraries do', () => {
  test.each<[{ name: string; sortName?: string }, string, string]>([
    [{ name: 'Sergueï Aleïnik' }, 'Aleïnik, Sergueï', 'the last word is the family name by default'],
    [{ name: 'Jean Marc Ayrault' }, 'Ayrault, Jean Marc', 'given names keep their order'],
    [{ name: 'Wang Yi', sortName: 'Wang, Yi' }, 'Wang, Yi', 'a Chinese name says its family name comes first'],
    [
      { name: 'Jean-Yves Le Drian', sortName: 'Le Drian, Jean-Yves' },
      'Le Drian, Jean-Yves',
      'a family name of two words',
    ],
    [{ name: 'Suharto' }, 'Suharto', 'a single name is its own key'],
  ])('%j is sorted as « %s » (%s)', (person, key) => {
    expect(sortName(person)).toBe(key);
  });

  test.each<[{ name: string; sortName?: string }, string[]]>([
    [{ name: 'Sergueï Aleïnik' }, ['Sergueï ', 'Aleïnik', '']],
    [{ name: 'Wang Yi', sortName: 'Wang, Yi' }, ['', 'Wang', ' Yi']],
    [{ name: 'Jean-Yves Le Drian', sortName: 'Le Drian, Jean-Yves' }, ['Jean-Yves ', 'Le Drian', '']],
    [{ name: 'Mao Zedong', sortName: 'Mao Tsé-toung' }, ['Mao Zedong', '', '']],
  ])('%j is cut around its family name: %j', (person, parts) => {
    expect(nameParts(person)).toEqual(parts);
    expect(nameParts(person).join('')).toBe(person.name);
  });

  test('the archive lists people by family name: Aleïnik, Loukachenko, Wang, Xi', () => {
    const person = (id: string, name: string, sort?: string) => ({
      id,
      data: { name, ...(sort && { sortName: sort }), country: 'CN', aliases: [] },
    });
    const archive = buildArchive({
      readouts: [],
      topics: [],
      places: [],
      people: [
        person('xi', 'Xi Jinping', 'Xi, Jinping'),
        person('wang', 'Wang Yi', 'Wang, Yi'),
        person('loukachenko', 'Alexandre Loukachenko'),
        person('aleinik', 'Sergueï Aleïnik'),
      ],
    });
    expect(archive.people.map((p) => familyName(p.data))).toEqual(['Aleïnik', 'Loukachenko', 'Wang', 'Xi']);
  });
});
