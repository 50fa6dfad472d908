/**
 * The people of the search page (`src/features/search/people.ts`): the manifest's list made from
 * the site's list of people, and the people a search's words name.
 */
import { describe, expect, test } from 'vitest';
import type { PersonName } from '#features/search/manifest.ts';
import { searchWords, peopleNames, SearchPeople } from '#features/search/people.ts';

const people: PersonName[] = [
  ['wang-yi', 'Wang Yi', ['王毅'], 40],
  ['wang-lin', 'Wang Lin', [], 3],
  ['serguei-lavrov', 'Sergueï Lavrov', ['Сергей Лавров'], 25],
  ['charles-de-brevent', 'Charles de Brévent', [], 2],
  ['li-na', 'Li Na', [], 1],
];
const searchPeople = new SearchPeople(people);
const ids = (term: string) => searchPeople.searched(term).map(([id]) => id);

describe('the manifest’s people', () => {
  test('come from the site’s list, with their other names and the documents naming them, once each', () => {
    const api = {
      people: [
        {
          id: 'wang-yi',
          name: 'Wang Yi',
          nameOriginal: '王毅',
          aliases: ['王毅', 'Wang Yi', 'M. Wang'],
          participations: [{ readout: 'a' }, { readout: 'b' }],
          mentions: ['b', 'c'],
        },
        { id: 'li-na', name: 'Li Na', nameOriginal: null, aliases: [], participations: [], mentions: [] },
      ],
    };
    expect(peopleNames(api)).toEqual([
      ['wang-yi', 'Wang Yi', ['王毅', 'M. Wang'], 3],
      ['li-na', 'Li Na', [], 0],
    ]);
  });

  test('are refused, with what was expected, when the list cannot be read', () => {
    expect(() => peopleNames({})).toThrow(/personnes\.json.*attendu id, name, aliases/);
    expect(() => peopleNames(undefined)).toThrow(/personnes\.json/);
    expect(() => peopleNames({ people: [{ id: 'a', name: 'A', aliases: [], mentions: [] }] })).toThrow(
      /participations/,
    );
  });
});

describe('the people a search names', () => {
  test('a whole name, whatever its accents and case, alone or among other words', () => {
    expect(searchWords('Sergueï  LAVROV')).toEqual(['serguei', 'lavrov']);
    expect(ids('serguei lavrov')).toEqual(['serguei-lavrov']);
    expect(ids('Wang Yi Ukraine')).toEqual(['wang-yi']);
    expect(ids('Сергей Лавров')).toEqual(['serguei-lavrov']);
  });

  test('a name in Chinese inside the words, written without spaces', () => {
    expect(ids('王毅会见')).toEqual(['wang-yi']);
    expect(ids('会见')).toEqual([]);
  });

  test('part of a name, most documents first, after the whole names; a short word alone names no one', () => {
    expect(ids('Lavrov')).toEqual(['serguei-lavrov']);
    expect(ids('wang')).toEqual(['wang-yi', 'wang-lin']);
    expect(ids('Wang Lin')).toEqual(['wang-lin']);
    expect(ids('Лавров')).toEqual(['serguei-lavrov']);
    expect(ids('brévent')).toEqual(['charles-de-brevent']);
    expect(ids('de Brévent')).toEqual(['charles-de-brevent']);
    expect(ids('de')).toEqual([]);
    expect(ids('li')).toEqual([]);
    expect(ids('coopération')).toEqual([]);
    expect(ids('  ')).toEqual([]);
  });

  test('the person filter’s choices: by name, a namesake also by id, so that no two read the same', () => {
    const { labels } = new SearchPeople([...people, ['wang-yi-2', 'Wang Yi', [], 1]]);
    expect(labels.get('serguei-lavrov')).toBe('Sergueï Lavrov');
    expect(labels.get('wang-yi')).toBe('Wang Yi — wang-yi');
    expect(labels.get('wang-yi-2')).toBe('Wang Yi — wang-yi-2');
    expect(new Set(labels.values()).size).toBe(labels.size);
  });

  test('an address’s person, by id or by name as older addresses give it', () => {
    expect(searchPeople.addressed('wang-yi')).toBe('wang-yi');
    expect(searchPeople.addressed('Sergueï Lavrov')).toBe('serguei-lavrov');
    expect(searchPeople.addressed('Personne inconnue')).toBeUndefined();
    // A name the person had, kept among their other names.
    expect(searchPeople.addressed('Сергей Лавров')).toBe('serguei-lavrov');
    expect(searchPeople.addressed('')).toBeUndefined();
    // A person's own name comes before another's former name.
    const renamed = new SearchPeople([
      ['li-wei-1', 'Li Wei', [], 3],
      ['li-wei-2', 'Li Wei Min', ['Li Wei'], 5],
    ]);
    expect(renamed.addressed('Li Wei')).toBe('li-wei-1');
    expect(renamed.addressed('li wei min')).toBe('li-wei-2');
  });
});
