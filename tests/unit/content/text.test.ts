/** The rules every text value obeys, in every field of every file (`src/content/validate/text.ts`). */
import { describe, expect, test } from 'vitest';
import { textProblem, textProblems } from '#content/validate/text.ts';
import { formatProblem } from '#content/problem.ts';

describe('textProblem', () => {
  // prettier-ignore
  const accepted: [string, string][] = [
    ['French text with no-break spaces', 'Wang Yi rencontre Sergueï Aleïnik\u00a0: «\u00a0coopération\u00a0»'],
    ['a name in another script', '王毅, Сергей Алейник'],
    ['an emoji joined by a zero-width joiner', 'Équipe 👩‍💻'],
    ['a zero-width non-joiner inside a word', 'می\u200cخواهم'],
    ['a right-to-left mark, which reorders nothing', 'عمان\u200f (Oman)'],
    ['the last line feed of a YAML block', 'Une description.\n'],
    ['punctuation only', '…'],
    ['markup, which each format escapes', '<b>x</b> & ]]> {x} \\input %'],
  ];
  test.each(accepted)('accepts %s', (_what, value) => {
    expect(textProblem(value)).toBeUndefined();
  });

  // prettier-ignore
  const refused: [string, string, RegExp][] = [
    ['a line feed inside', 'Titre\nUR  - https://example.org/', /retour à la ligne \(U\+000A\)/],
    ['a carriage return', 'Titre\rsuite', /U\+000D/],
    ['a line separator', 'Titre\u2028suite', /U\+2028/],
    ['a tab', 'Titre\tsuite', /caractère de contrôle U\+0009/],
    ['a bell', 'Titre\u0007', /caractère de contrôle U\+0007/],
    ['a NUL at the start', '\u0000Titre', /U\+0000/],
    ['a lone surrogate', 'Titre \ud800', /U\+D800/],
    ['a noncharacter', 'Titre \ufffe', /U\+FFFE/],
    ['a right-to-left override', 'abc \u202eFED\u202c', /direction U\+202E/],
    ['a first-strong isolate', 'abc \u2068x\u2069', /direction U\+2068/],
    ['zero-width characters only', '\u200b\u200c\u2060', /texte invisible \(U\+200B…\)/],
    ['Hangul fillers only', '\u3164\u3164', /texte invisible/],
    ['a byte order mark among spaces', ' \ufeff\u200b ', /texte invisible/],
  ];
  test.each(refused)('refuses %s', (_what, value, message) => {
    expect(textProblem(value)).toMatch(message);
  });

  test('leaves blank values to the schema, which says « non vide »', () => {
    expect(textProblem('')).toBeUndefined();
    expect(textProblem(' \u00a0 ')).toBeUndefined();
  });
});

describe('textProblems', () => {
  test('walks every string at every depth, and returns the fields it reported', () => {
    const reported: string[] = [];
    const fields = textProblems(
      { title: 'ok', participants: [{ role: 'a\nb' }, { role: 'ok' }], source: { url: 'https://x.org/\u202e' }, n: 3 },
      (field, message) => reported.push(`${field}: ${message.slice(0, 12)}`),
    );
    expect([...fields]).toEqual(['participants[0].role', 'source.url']);
    expect(reported).toEqual(['participants[0].role: retour à la ', 'source.url: caractère de']);
  });
});

describe('formatProblem', () => {
  test('keeps a problem on one line, whatever the file name or the value quoted', () => {
    const line = formatProblem({ severity: 'error', file: 'content/a\nb.md', field: 'title', message: '« x\u202ey\u0007 »' });
    expect(line).toBe('erreur content/a<U+000A>b.md: title: « x<U+202E>y<U+0007> »');
  });
});
