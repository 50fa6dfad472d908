/** A designation is quoted from the text as aliases are found in it: ' and ’ are one character. */
import { describe, expect, test } from 'vitest';
import { validateContent } from '#content/validate/index.ts';
import type { ContentFile } from '#content/read.ts';
import { formatProblem } from '#content/problem.ts';
import { quotedIn } from '#content/validate/references.ts';

const record = (collection: ContentFile['collection'], id: string, data: unknown): ContentFile => ({
  collection,
  id,
  path: `content/${collection}/${id}.yaml`,
  data,
});

function errorsFor(designation: string, body: string): string[] {
  const files: ContentFile[] = [
    record('people', 'personne-fictive', { name: 'Personne Fictive', country: 'FR' }),
    record('places', 'ville-fictive', { name: 'Ville', country: 'FR' }),
    record('topics', 'theme-fictif', { label: 'Thème', kind: 'theme', description: 'Un thème.' }),
    {
      collection: 'readouts',
      id: '2025-03-04-personne-fictive',
      path: 'content/readouts/2025/2025-03-04-personne-fictive.md',
      data: {
        title: 'Titre',
        date: '2025-03-04',
        place: 'ville-fictive',
        participants: [{ person: 'personne-fictive', role: 'ministre', designation }],
        topics: ['theme-fictif'],
        language: 'fr',
      },
      body,
      bodyLine: 12,
    },
  ];
  return validateContent(files)
    .filter((p) => p.severity === 'error')
    .map(formatProblem);
}

describe('designations', () => {
  test.each([
    ['a straight apostrophe for a typographic one', "l'envoyé spécial", '\nIl a reçu l’envoyé spécial du président.\n'],
    ['a typographic apostrophe for a straight one', 'l’envoyé spécial', "\nIl a reçu l'envoyé spécial du président.\n"],
    ['one space for a line break', 'l’envoyé spécial', '\nIl a reçu l’envoyé\nspécial du président.\n'],
    ['the exact words', 'l’envoyé spécial', '\nIl a reçu l’envoyé spécial du président.\n'],
  ])('accepts %s', (_what, designation, body) => {
    expect(errorsFor(designation, body)).toEqual([]);
  });

  test('refuses words the text does not hold', () => {
    expect(errorsFor('l’envoyée spéciale', '\nIl a reçu l’envoyé spécial du président.\n')).toEqual([
      'erreur content/readouts/2025/2025-03-04-personne-fictive.md: participants[0].designation: « l’envoyée spéciale » ne figure pas dans le texte : attendu les mots exacts du document',
    ]);
  });

  test('quotedIn reads apostrophes and spaces as aliases do, and nothing else', () => {
    expect(quotedIn('aujourd’hui', "aujourd'hui")).toBe(true);
    expect(quotedIn('Chef de l’État', 'chef de l’État')).toBe(false);
  });
});
