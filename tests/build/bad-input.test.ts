/**
 * Bad input stops `astro build` for real: a copy of `content/` with one broken fixture from
 * `tests/fixtures/invalid/` laid over it must fail the build (non-zero exit) with a message
 * naming the fixture's file and the field. Every rule is proven, faster, through the same
 * validation in `tests/unit/content/validate.test.ts`; this file builds a representative subset, and
 * checks the authors' tools: `npm run check:content` and `npm run new`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, npmRun, root } from '../support/build.ts';
import { contentWith } from '../support/content-copy.ts';
import { checkContent } from '#features/guard/check.ts';

const BUILD_TIMEOUT = 240_000;

// prettier-ignore
const cases = [
  { name: 'unknown-participant', file: 'readouts/2024/2024-05-21-participant-inconnu.md', field: 'participants[0].person', why: 'a participant with no record' },
  { name: 'impossible-date', file: 'readouts/2024/2024-02-30-date-impossible.md', field: 'date', why: 'an impossible date' },
  { name: 'date-with-time', file: 'readouts/2024/2024-05-21-date-avec-heure.md', field: 'date', why: 'a date with a time' },
  { name: 'unknown-key', file: 'readouts/2024/2024-05-21-cle-inconnue.md', field: 'auteur', why: 'an unknown key' },
  { name: 'missing-title', file: 'readouts/2024/2024-05-21-sans-titre.md', field: 'title', why: 'a missing title' },
  { name: 'unknown-topic', file: 'readouts/2024/2024-05-21-theme-inconnu.md', field: 'topics[1]', why: 'a topic with no record' },
  { name: 'unknown-place', file: 'readouts/2024/2024-05-21-lieu-inconnu.md', field: 'place', why: 'a place with no record' },
  { name: 'html-script', file: 'readouts/2024/2024-05-21-html-script.md', field: 'texte, ligne 15', why: 'a script element in the text' },
  { name: 'person-unknown-key', file: 'people/murat-nurtleu.yaml', field: 'nom', why: 'an unknown key in a person record' },
  { name: 'redirect-chain', file: 'redirects.yaml', field: '[0].to', why: 'a chain of redirects' },
  { name: 'manifest-lost-document', file: 'urls.txt', field: 'ligne 4', why: 'a published document address with no page and no redirect' },
  // What the check used to pass and the build then failed on, or crashed with a stack trace.
  { name: 'bom', file: 'readouts/2024/2024-05-21-marque-bom.md', field: 'ligne 1', why: 'a byte order mark' },
  { name: 'control-character-in-file', file: 'readouts/2024/2024-05-21-octet-nul.md', field: 'ligne 2', why: 'a NUL byte in the frontmatter' },
  { name: 'id-too-long', file: `readouts/2024/${`2024-05-21-${'wang-yi-sergei-aleinik-astana-conseil-des-ministres-'.repeat(5)}`.slice(0, 251)}.md`, field: '(nom du fichier)', why: 'an id of 251 characters' },
  { name: 'date-year-999', file: 'readouts/0999/0999-05-20-annee-sur-trois-chiffres.md', field: 'date', why: 'the year 999' },
  // Read when Astro loads its configuration, before the check: they must not crash it.
  { name: 'place-id-capitals', file: 'places/Almaty.yaml', field: '(nom du fichier)', why: 'a record with aliases and a file name that is not an id' },
  { name: 'redirects-alias-bomb', file: 'redirects.yaml', field: '(YAML)', why: 'a YAML alias bomb in the redirects' },
  { name: 'alias-bomb', file: 'people/bombe.yaml', field: '(YAML)', why: 'a YAML alias bomb in a record' },
  { name: 'dangling-symlink', file: 'readouts/2024/2024-05-21-lien-mort.md', field: '(fichier)', why: 'a symbolic link that leads nowhere' },
  { name: 'symlink', file: 'readouts/2024/2024-05-21-lien.md', field: '(fichier)', why: 'a symbolic link to a file outside the repository' },
  { name: 'manifest-missing', file: 'urls.txt', field: '(fichier)', why: 'an archive with documents and no urls.txt' },
  // Hostile and careless input, second round (validate.test.ts checks every case of it): one each of
  // addresses, Unicode and depth.
  { name: 'redirect-hides-tree', file: 'redirects.yaml', field: '[0].from', why: 'a redirect that would take the whole JSON API' },
  { name: 'not-nfc', file: 'people/serguei-aleinik.yaml', field: 'ligne 1', why: 'a record saved in NFD beside its twin in NFC' },
  { name: 'too-deep-quotes', file: 'readouts/2024/2024-05-21-citations-imbriquees.md', field: 'texte, ligne 15', why: 'quotes nested past the limit' },
  // Only the finished build can tell that this address is no longer served.
  { name: 'manifest-lost-page', file: 'urls.txt', field: 'ligne 3', why: 'a published address the built site no longer serves' },
];

describe('astro build refuses bad input', () => {
  test(
    'the unmodified copy of the content builds, so that each failure below comes from its fixture',
    () => {
      const result = build({ contentDir: contentWith() });
      expect(result.status, result.output).toBe(0);
    },
    BUILD_TIMEOUT,
  );

  test.each(cases)(
    'fails on $why, naming the file and the field ($name)',
    (c) => {
      const result = build({ contentDir: contentWith(`invalid/${c.name}`) });
      expect(result.status, result.output).not.toBe(0);
      expect(result.status).not.toBeNull();
      expect(result.output).toContain(`content/${c.file}: ${c.field}: `);
      // The problem is in a file, not in the code: no stack trace to wade through.
      expect(result.output).not.toMatch(/^\s+at .*[(/]/m);
    },
    BUILD_TIMEOUT,
  );
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
