/** « Vouliez-vous dire … ? »: the nearest existing id to a typo, and nothing for an id unlike any other. */
import { describe, expect, test } from 'vitest';
import { editDistance, nearestId, unknownIdMessage } from '#content/validate/suggest.ts';

const people = ['alexandre-loukachenko', 'sergei-aleinik', 'wang-yi', 'xi-jinping'];

describe('nearest id', () => {
  test.each([
    ['sergei-aleinikk', 'sergei-aleinik', 'a letter too many'],
    ['sergei-alienik', 'sergei-aleinik', 'two letters swapped'],
    ['serguei-aleinik', 'sergei-aleinik', 'a letter of another transliteration'],
    ['aleinik-sergei', 'sergei-aleinik', 'the same words in another order'],
    ['wang-yii', 'wang-yi', 'a short id, one letter off'],
    ['xi-jinpin', 'xi-jinping', 'a letter missing'],
  ])('%s → %s (%s)', (typo, meant) => {
    expect(nearestId(typo, people)).toBe(meant);
  });

  test.each([['serguei-lavrov'], ['wang'], ['li-qiang'], ['x']])('%s: nothing near, nothing suggested', (id) => {
    expect(nearestId(id, people)).toBeUndefined();
  });

  test('the nearest wins, then alphabetical order', () => {
    expect(nearestId('wang-yu', ['wang-yun', 'wang-yi', 'wang-ya'])).toBe('wang-ya');
    expect(nearestId('wang-yin', ['wang-yun', 'wang-yi'])).toBe('wang-yi');
  });

  test('edit distance counts a swap as one edit and gives up past its limit', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });

  test('the message names the id meant, or the record to create', () => {
    expect(unknownIdMessage('sergei-aleinikk', people, 'content/people/')).toBe(
      '« sergei-aleinikk » n’existe pas ; vouliez-vous dire `sergei-aleinik` ?',
    );
    expect(unknownIdMessage('serguei-lavrov', people, 'content/people/')).toMatch(
      /créez content\/people\/serguei-lavrov\.yaml/,
    );
  });
});
