/**
 * French spacing on every page of both builds, read from the HTML (`tests/support/french-spacing.ts`):
 * no mark set off by a space (» › : ; ? ! after a word, « ‹ before one) can part from its word.
 * The browser test (`tests/e2e/typography.test.ts`) shows at a few widths that the markup holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { htmlFiles } from '../support/dist.ts';
import { frenchSpacingProblems } from '../support/french-spacing.ts';

test.each([
  ['a space held by the markup', '<p>il a <span class="nowrap">dit :</span> oui</p>', []],
  ['a no-break space', '<p>il a dit\u00a0: oui</p>', []],
  ['a breakable space before a colon', '<p>il a dit : oui</p>', ['« : » may leave its word']],
  ['a breakable space after a guillemet', '<p>« oui</p>', ['« « » may leave its word']],
  [
    'a space in a breakable part of a held group',
    '<p><span class="nowrap"><span class="breakable">dit </span>:</span></p>',
    ['« : » may leave its word'],
  ],
  ['a mark with no word beside it (a list of marks)', '<p>« » : ;</p>', []],
  ['a mark in code, which is not prose', '<p><code>a : b</code></p>', []],
])('%s', (_, html, expected) => {
  expect(frenchSpacingProblems(html).problems.map((p) => p.replace(/: ….*$/, ''))).toEqual(expected);
});

describe.each([
  ['at the root', inject('distDir')],
  ['under BASE_PATH', inject('distDirBase')],
])('every page %s', (_, dir) => {
  const files = htmlFiles(dir);
  let checked = 0;

  test.each(files)('%s keeps each French mark with its word', (file) => {
    const result = frenchSpacingProblems(readFileSync(join(dir, file), 'utf8'));
    checked += result.checked;
    expect(result.problems).toEqual([]);
  });

  test('the pages hold marks set off by spaces, so the check above had work', () => {
    expect(files.length).toBeGreaterThan(1);
    expect(checked).toBeGreaterThan(files.length);
  });
});
