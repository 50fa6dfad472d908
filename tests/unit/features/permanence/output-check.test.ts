/**
 * The checks of a finished build, on made-up file lists: one page per document, no
 * published address lost, redirects that lead somewhere. `tests/build/` runs them on real builds.
 */
import { describe, expect, test } from 'vitest';
import { checkOutput, type BuildFacts } from '#features/permanence/output-check.ts';
import type { Redirect } from '#features/permanence/redirects.ts';

const site = [
  'index.html',
  'comptes-rendus/index.html',
  'comptes-rendus/2024-05-20-a/index.html',
  'comptes-rendus/2024-05-20-a/source.md',
  'comptes-rendus/2024-05-21-b/index.html',
  'personnes/wang-yi/index.html',
  '_astro/Base.abc123.css',
  '404.html',
];
const readouts = [
  { id: '2024-05-20-a', path: 'content/readouts/2024/2024-05-20-a.md' },
  { id: '2024-05-21-b', path: 'content/readouts/2024/2024-05-21-b.md' },
];
const redirect = (from: string, to: string, index = 0): Redirect => ({
  from,
  to,
  date: '2025-01-15',
  reason: 'r',
  index,
});

function facts(overrides: Partial<BuildFacts> = {}): BuildFacts {
  return {
    files: site,
    redirectPages: new Set(),
    readouts,
    manifest: { file: 'content/urls.txt', entries: [] },
    redirects: { file: 'content/redirects.yaml', entries: [] },
    ...overrides,
  };
}

const errors = (f: BuildFacts) =>
  checkOutput(f)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.file}: ${p.field}`);

describe('checkOutput', () => {
  test('a build with one page per document and nothing lost passes', () => {
    expect(errors(facts())).toEqual([]);
  });

  // prettier-ignore
  const broken: [string, Partial<BuildFacts>, string[]][] = [
    ['a document without its page fails, naming the document', { files: site.filter((f) => !f.startsWith('comptes-rendus/2024-05-21-b/')) }, ['content/readouts/2024/2024-05-21-b.md: (page)']],
    ['a document page without its document fails', { readouts: readouts.slice(0, 1) }, ['(site construit): comptes-rendus/2024-05-21-b/']],
    ['a manifest address no longer produced fails, naming its line', { manifest: { file: 'content/urls.txt', entries: [{ route: 'comptes-rendus/', line: 3 }, { route: 'rubrique/', line: 4 }] } }, ['content/urls.txt: ligne 4']],
    ['a redirect to an address the build does not produce fails', { redirects: { file: 'content/redirects.yaml', entries: [redirect('rubrique/', 'ailleurs/')] }, redirectPages: new Set(['rubrique/']) }, ['content/redirects.yaml: [0].to']],
    ['a redirect from an address a real page holds fails', { redirects: { file: 'content/redirects.yaml', entries: [redirect('comptes-rendus/', '')] } }, ['content/redirects.yaml: [0].from']],
    ['a redirect whose page was not written fails', { redirects: { file: 'content/redirects.yaml', entries: [redirect('rubrique/', '')] } }, ['(site construit): rubrique/']],
  ];
  test.each(broken)('%s', (_why, overrides, expected) => {
    expect(errors(facts(overrides))).toEqual(expected);
  });

  test('an address that a redirect covers, itself or below a page, is not lost', () => {
    const manifest = {
      file: 'content/urls.txt',
      entries: [
        { route: 'comptes-rendus/2024-05-20-ancien/', line: 1 },
        { route: 'comptes-rendus/2024-05-20-ancien/source.md', line: 2 },
      ],
    };
    const redirects = {
      file: 'content/redirects.yaml',
      entries: [redirect('comptes-rendus/2024-05-20-ancien/', 'comptes-rendus/2024-05-20-a/')],
    };
    const redirectPages = new Set(['comptes-rendus/2024-05-20-ancien/']);
    expect(errors(facts({ manifest, redirects, redirectPages }))).toEqual([]);
  });

  test('a produced address missing from the manifest is a warning that says how to record it', () => {
    const problems = checkOutput(facts({ manifest: { file: 'content/urls.txt', entries: [{ route: '', line: 1 }] } }));
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.map((p) => p.field)).toContain('comptes-rendus/2024-05-20-a/source.md');
    expect(problems.map((p) => p.field)).not.toContain('_astro/Base.abc123.css');
    expect(problems[0]?.message).toMatch(/npm run urls:update/);
  });
});
