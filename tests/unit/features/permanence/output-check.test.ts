/**
 * The checks of a finished build, on made-up file lists: one page per document, no
 * published address lost, redirects that lead somewhere. `tests/build/` runs them on real builds.
 */
import { describe, expect, test } from 'vitest';
import { checkOutput, type BuildFacts } from '#features/permanence/output-check.ts';
import { brokenBuilds, facts, redirect } from '../../../support/build-facts.ts';

const errors = (f: BuildFacts) =>
  checkOutput(f)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.file}: ${p.field}`);

describe('checkOutput', () => {
  test('a build with one page per document and nothing lost passes', () => {
    expect(errors(facts())).toEqual([]);
  });

  test.each(brokenBuilds)('%s', (_why, overrides, expected) => {
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

  test('the build npm run urls:update makes to record the new addresses does not warn about them', () => {
    const unlisted = facts({ manifest: { file: 'content/urls.txt', entries: [{ route: '', line: 1 }] } });
    expect(checkOutput(unlisted).length).toBeGreaterThan(0);
    expect(checkOutput({ ...unlisted, recordingUrls: true })).toEqual([]);
  });
});
