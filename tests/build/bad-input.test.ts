/**
 * Bad input stops `astro build` for real: a copy of `content/` with broken fixtures from
 * `tests/fixtures/invalid/` laid over it must fail the build (exit status 1) with an error
 * naming each fixture's file and field, and no stack trace. This file also checks the authors'
 * tools: `npm run check:content`, `npm run urls:update` and `npm run new`.
 *
 * Which cases build, and why the others need not. The build refuses content through the guard
 * of `src/features/guard/integration.ts`, which runs `checkContent`, the very function that
 * `tests/unit/content/validate.test.ts` runs, without building, on every fixture of
 * `tests/fixtures/invalid/` (exactly one error each, with its file, field and message). What
 * only a build shows is that the build stops on them, so three builds cover the ways the build
 * meets bad content:
 * - the guard, before the build writes anything: one build with a schema error (`unknown-key`), a
 *   reference to a missing record (`unknown-participant`, which Astro alone would only log), a
 *   redirect rule (`redirect-chain`) and a rule of the text (`too-deep-quotes`, read with
 *   Markdown's parser); the guard lists every error, so that each line shows that its case
 *   alone would stop the build;
 * - `redirects.yaml` read by the configuration itself (the sitemap's filter), before the guard
 *   runs: a YAML alias bomb there is refused, and crashes nothing;
 * - a published address the finished site no longer serves (`manifest-lost-page`): only the
 *   output guard, once the site is built, can tell.
 * A warning (`content-warning/unused-record`) is printed, and the build goes on and succeeds:
 * the global setup's third build (`distDirLinks`) holds that record, which also shows that a
 * copy of the content builds, so that each failure comes from its fixtures.
 * The other fixtures (a BOM, a NUL byte, symbolic links, an id too long, …) once got past the
 * check and crashed the build; the guard now refuses them first, through that same function.
 *
 * These builds are also the real builds of `exit.test.ts`: refused before Astro builds, refused
 * once built, and built, each returns with its verdict. They run two at a time (two cores).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { npmRun, removeBuild, root, type BuildResult } from '../support/build.ts';
import { buildEach } from '../support/builds-in-pairs.ts';
import { contentWith } from '../support/content-copy.ts';
import { checkContent } from '#features/guard/check.ts';

/** The builds: the fixtures each lays over the content. The one that builds the whole site first. */
const builds = {
  output: ['invalid/manifest-lost-page'],
  guard: ['invalid/unknown-key', 'invalid/unknown-participant', 'invalid/redirect-chain', 'invalid/too-deep-quotes'],
  configuration: ['invalid/redirects-alias-bomb'],
};
type Build = keyof typeof builds;

// prettier-ignore
const refused: { name: string; file: string; field: string; why: string; build: Build }[] = [
  { name: 'unknown-key', file: 'readouts/2024/2024-05-21-cle-inconnue.md', field: 'auteur', why: 'an unknown key (the schema)', build: 'guard' },
  { name: 'unknown-participant', file: 'readouts/2024/2024-05-21-participant-inconnu.md', field: 'participants[0].person', why: 'a participant with no record (a reference)', build: 'guard' },
  { name: 'redirect-chain', file: 'redirects.yaml', field: '[0].to', why: 'a chain of redirects (a redirect rule)', build: 'guard' },
  { name: 'too-deep-quotes', file: 'readouts/2024/2024-05-21-citations-imbriquees.md', field: 'texte, ligne 15', why: 'quotes nested past the limit (the text)', build: 'guard' },
  { name: 'redirects-alias-bomb', file: 'redirects.yaml', field: '(YAML)', why: 'a YAML alias bomb in the redirects, which the configuration reads', build: 'configuration' },
  // Only the finished build can tell that this address is no longer served.
  { name: 'manifest-lost-page', file: 'urls.txt', field: 'ligne 3', why: 'a published address the built site no longer serves', build: 'output' },
];
const BUILD_TIMEOUT = 240_000;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An error of the guard about `file` and `field`, and not a warning. */
const errorLine = (file: string, field: string) =>
  new RegExp(`^.*erreur \\S*${escaped(`content/${file}: ${field}: `)}`, 'm');

const results = new Map<Build, BuildResult>();
beforeAll(async () => {
  const names = Object.keys(builds) as Build[];
  const done = await buildEach(names.map((name) => ({ contentDir: contentWith(...builds[name]) })));
  names.forEach((name, i) => results.set(name, done[i]!));
}, 900_000);
afterAll(() => {
  for (const result of results.values()) removeBuild(result.outDir);
});

describe('astro build', () => {
  test('prints a warning, naming the file and the field, and builds the site', () => {
    // The global setup's build of the archive with an unused record: it succeeded, or no test would run.
    const output = inject('distLogLinks');
    expect(existsSync(join(inject('linksContentDir'), 'people', 'murat-nurtleu.yaml'))).toBe(true);
    expect(output).toMatch(/avertissement \S*content\/people\/murat-nurtleu\.yaml: \(fiche\): /);
    expect(output).not.toMatch(/erreur \S*content\//);
    const seed = join(inject('distDirLinks'), 'comptes-rendus', '2024-05-20-wang-yi-sergei-aleinik', 'index.html');
    expect(existsSync(seed)).toBe(true);
  });

  test.each(refused)('fails on $why, naming the file and the field ($name)', (c) => {
    const result = results.get(c.build)!;
    expect(result.status, result.output).toBe(1);
    expect(result.output).toMatch(errorLine(c.file, c.field));
    // The problem is in a file, not in the code: no stack trace to wade through.
    expect(result.output).not.toMatch(/^\s+at .*[(/]/m);
  });
});

const npm = (args: string[], contentDir: string) => npmRun(args, { CONTENT_DIR: contentDir });

describe('npm run check:content', () => {
  test('passes on valid content and exits with 0', () => {
    const result = npm(['check:content'], contentWith());
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toMatch(/^erreur/m);
  });

  test('lists every error of invalid content, naming file and field, and exits with 1', () => {
    const result = npm(['check:content'], contentWith('invalid/unknown-participant', 'invalid/unknown-place'));
    expect(result.status).toBe(1);
    expect(result.output).toContain('readouts/2024/2024-05-21-participant-inconnu.md: participants[0].person: ');
    expect(result.output).toContain('readouts/2024/2024-05-21-lieu-inconnu.md: place: ');
  });

  test('prints warnings without failing', () => {
    const result = npm(['check:content'], contentWith('content-warning/unused-record'));
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/^avertissement .*people\/murat-nurtleu\.yaml: \(fiche\): /m);
  });
});

describe('npm run urls:update and a new archive', () => {
  test(
    'writes the first manifest of an archive that has none, which then passes the check',
    () => {
      const dir = contentWith('invalid/manifest-missing');
      expect(checkContent(root, dir).map((p) => p.field)).toContain('(fichier)');
      const result = npm(['urls:update'], dir);
      expect(result.status, result.output).toBe(0);
      const routes = readFileSync(join(dir, 'urls.txt'), 'utf8').split('\n');
      expect(routes).toContain('/');
      expect(routes).toContain('comptes-rendus/2024-05-20-wang-yi-sergei-aleinik/');
      expect(checkContent(root, dir).filter((p) => p.severity === 'error')).toEqual([]);
    },
    BUILD_TIMEOUT,
  );

  test('refuses to write it anew when git shows that the archive had one', () => {
    const dir = contentWith();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Essai', '-c', 'user.email=essai@example.org', ...args], { cwd: dir });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'Archive publiée');
    writeFileSync(join(dir, 'urls.txt'), '# vidé par mégarde\n');
    const result = npm(['urls:update'], dir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/git en connaît des versions.*restaurez la liste/);
    expect(readFileSync(join(dir, 'urls.txt'), 'utf8')).toBe('# vidé par mégarde\n');
  });
});

describe('npm run new', () => {
  const scaffold = (dir: string) => join(dir, 'readouts', '2024', '2024-06-01-wang-yi-nourtleou.md');

  test('creates the document in its year folder with every field, each with a comment', () => {
    const dir = contentWith();
    const result = npm(['new', '--', '2024-06-01', 'wang-yi-nourtleou'], dir);
    expect(result.status, result.output).toBe(0);
    const text = readFileSync(scaffold(dir), 'utf8');
    const frontmatter = text.split('---')[1] ?? '';
    const fields = [
      'title',
      'date',
      'format',
      'place',
      'event',
      'participants',
      'mentions',
      'topics',
      'language',
      'source',
    ];
    for (const field of fields) {
      const lines = frontmatter.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`${field}:`));
      expect(at, `${field} is there`).toBeGreaterThan(0);
      expect(lines[at - 1], `${field} has a comment above it`).toMatch(/^#/);
    }
    expect(frontmatter).toContain('date: 2024-06-01');
    // The source's publication day is asked for, with what to do when the source does not show it.
    expect(frontmatter).toMatch(/^ {2}published: ""$/m);
    expect(frontmatter).toMatch(/jour où il l’a publié/);
  });

  test('left as it is, the new document is refused: its placeholder text and its blank fields', () => {
    const dir = contentWith();
    expect(npm(['new', '--', '2024-06-01', 'wang-yi-nourtleou'], dir).status).toBe(0);
    const errors = checkContent(root, dir).filter((p) => p.severity === 'error' && p.file.endsWith('nourtleou.md'));
    const fields = errors.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'place', 'participants[0].person', 'texte, ligne 40']));
    expect(errors.find((p) => p.field.startsWith('texte'))?.message).toMatch(/texte d’exemple de « npm run new »/);
  });

  test('once its blanks are filled, the new document passes validation', () => {
    const dir = contentWith();
    expect(npm(['new', '--', '2024-06-01', 'wang-yi-nourtleou'], dir).status).toBe(0);
    const filled = readFileSync(scaffold(dir), 'utf8')
      .replace('title: ""', 'title: "Wang Yi rencontre Mourat Nourtleou"')
      .replace('place: ""', 'place: astana')
      .replace(/^event: ""\n/m, '')
      .replace('person: ""', 'person: wang-yi')
      .replace('role: ""', 'role: "ministre des Affaires étrangères"')
      .replace(/^ {4}designation: ""\n/m, '')
      .replace('  - ""', '  - ocs')
      .replace(/^source:\n(?: {2}.*\n)+/m, '')
      .replace(/^Collez ici .*$/m, 'Le 1er juin 2024, Wang Yi a reçu Mourat Nourtleou à Astana.');
    writeFileSync(scaffold(dir), filled);
    const errors = checkContent(root, dir).filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });

  // prettier-ignore
  const refused: [string, string[], RegExp, string[]][] = [
    ['an id that a document already has', ['2024-05-20', 'wang-yi-sergei-aleinik'], /existe déjà/, []],
    ['an id that a document has in another folder', ['2024-06-01', 'wang-yi-nourtleou'], /existe déjà.*readouts\/archives\//, ['content-other-folder']],
    ['an impossible date', ['2024-02-30', 'wang-yi-nourtleou'], /date réelle/, []],
    ['a date written the French way', ['01/06/2024', 'wang-yi-nourtleou'], /AAAA-MM-JJ/, []],
    ['a date before 1900', ['0024-06-01', 'wang-yi-nourtleou'], /entre le 1900-01-01/, []],
    ['an id too long', ['2024-06-01', 'wang-yi-nourtleou-'.repeat(6).slice(0, -1)], /au plus 100/, []],
    ['a slug with capitals', ['2024-06-01', 'Wang-Yi'], /minuscules ASCII/, []],
    ['a slug that repeats the date', ['2024-06-01', '2024-06-01-wang-yi'], /date/, []],
    ['a missing slug', ['2024-06-01'], /minuscules ASCII/, []],
  ];
  test.each(refused)('refuses %s, creating nothing', (_why, args, message, overlays) => {
    const dir = contentWith(...overlays);
    const result = npm(['new', '--', ...args], dir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(message);
    expect(existsSync(scaffold(dir))).toBe(false);
    expect(checkContent(root, dir).filter((p) => p.severity === 'error')).toEqual([]);
  });
});
