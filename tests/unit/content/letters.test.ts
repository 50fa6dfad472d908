/** Letters as the archive compares them (`src/content/letters.ts`). */
import { describe, expect, test } from 'vitest';
import { UNSPACED, unaccented } from '#content/letters.ts';

describe('unaccented', () => {
  test.each([
    ['Sergueï Aleïnik', 'Serguei Aleinik'],
    ['Žemaitė, Łódź', 'Zemaite, Łodz'],
    ['Сергей Йошкар-Ола', 'Сергеи Иошкар-Ола'],
    ['王毅', '王毅'],
  ])('%j → %j', (text, expected) => {
    expect(unaccented(text)).toBe(expected);
  });

  test('folds compatibility forms only when asked (what a reader types into a search)', () => {
    expect(unaccented('Ｗａｎｇ ﬁn')).toBe('Ｗａｎｇ ﬁn');
    expect(unaccented('Ｗａｎｇ ﬁn', 'NFKD')).toBe('Wang fin');
  });
});

describe('UNSPACED: scripts written without spaces', () => {
  test.each(['王', 'ひ', 'カ', 'ก', 'ກ', 'ក', 'က'])('%j is one', (char) => {
    expect(UNSPACED.test(char)).toBe(true);
  });
  test.each(['a', 'é', 'Ж', 'ع', '한', '1'])('%j is not', (char) => {
    expect(UNSPACED.test(char)).toBe(false);
  });
});
