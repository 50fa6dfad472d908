/**
 * The archivist's journey, for real: `npm run import` on a saved page (a fictional one, from
 * `tests/fixtures/import/`), the records it names created as it prints them, its one marked value
 * completed, and the draft is a valid document that builds, showing its form and its
 * publication day. And the command's own contract: the path last, 0 when written, 1 and nothing
 * written for a text already in the archive, the usage on `--help`, and nothing of the input
 * sent to the terminal as a control sequence.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build, npmRun, removeBuild } from '../support/build.ts';
import { contentWith, fixtures } from '../support/content-copy.ts';

const BUILD_TIMEOUT = 240_000;
const importFrom = (contentDir: string, ...args: string[]) =>
  npmRun(['import', '--', ...args], { CONTENT_DIR: contentDir });

describe('npm run import', () => {
  test(
    'a saved page becomes a built document with one command and the records it names',
    () => {
      const dir = contentWith();
      const result = importFrom(
        dir,
        join(fixtures, 'import', 'geneve.html'),
        '--publisher',
        'Ministère fictif des Affaires étrangères',
        '--url',
        'https://www.example.org/fr/2025-02-14.html',
      );
      expect(result.status, result.output).toBe(0);
      const lines = result.output.trimEnd().split('\n');
      expect(lines.at(-1), 'the path comes last').toMatch(/content\/readouts\/2025\/2025-02-14-sergei-aleinik\.md$/);

      // The records to create, as printed, with a country each; the marked role, completed.
      for (const [file, country] of [
        ['places/geneve.yaml', 'CH'],
        ['people/tomas-varga.yaml', 'HU'],
      ] as const) {
        const start = lines.indexOf(`  content/${file} :`);
        expect(start, `${file} is listed`).toBeGreaterThan(0);
        const record = [];
        for (let i = start + 1; lines[i]?.startsWith('    '); i++) record.push(lines[i]!.slice(4));
        writeFileSync(join(dir, file), `${record.join('\n')}\n`.replace('country: ""', `country: ${country}`));
      }
      const draft = join(dir, 'readouts', '2025', '2025-02-14-sergei-aleinik.md');
      writeFileSync(
        draft,
        readFileSync(draft, 'utf8').replace(/"À COMPLÉTER : [^"]*"/, '"ministre des Affaires étrangères"'),
      );

      const built = build({ contentDir: dir });
      try {
        expect(built.status, built.output).toBe(0);
        const page = readFileSync(
          join(built.outDir, 'comptes-rendus', '2025-02-14-sergei-aleinik', 'index.html'),
          'utf8',
        );
        // The archive's own title, not the page's headline (« Sergueï Aleïnik reçoit Tomas Varga à Genève »).
        expect(page).toContain('Entretien entre Sergueï Aleïnik et Tomas Varga à Genève');
        expect(page).toContain('Entretien en personne');
        expect(page).toMatch(/Publié par Ministère fictif des Affaires étrangères le\s*<time datetime="2025-02-14">/);
        expect(page).toContain('Suisse');
      } finally {
        removeBuild(built.outDir);
      }
    },
    BUILD_TIMEOUT,
  );

  test('a text already in the archive is refused: exit 1, the archived id named, nothing written', () => {
    const dir = contentWith();
    const seed = readFileSync(join(dir, 'readouts', '2024', '2024-05-20-wang-yi-sergei-aleinik.md'), 'utf8');
    const copied = join(dir, '..', 'copie.txt');
    writeFileSync(
      copied,
      `Page d’accueil > Actualités\n\nWang Yi rencontre Sergueï Aleïnik\n\n2024-05-20 21:14\n\n${seed.split('---\n')[2]!.trim()}\n\n[ Imprimer ]\n`,
    );
    const before = readdirSync(join(dir, 'readouts'), { recursive: true });
    const result = importFrom(dir, copied);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/erreur : ce texte est déjà dans l’archive : 2024-05-20-wang-yi-sergei-aleinik/);
    expect(readdirSync(join(dir, 'readouts'), { recursive: true })).toEqual(before);
  });

  test.each([
    [['/nulle/part.txt'], /fichier introuvable/],
    [[], /un fichier, et un seul/],
    [[join(fixtures, 'import', 'appel.txt'), '--inconnue'], /usage : npm run import/],
  ])('refuses %j with a message in French', (args, message) => {
    const result = importFrom(contentWith(), ...args);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(message);
  });

  test('--help prints the usage and exits with 0', () => {
    const result = importFrom(contentWith(), '--help');
    expect(result.status).toBe(0);
    expect(result.output).toMatch(/^usage : npm run import -- <fichier \.txt ou \.html> \[options\]/m);
    expect(result.output).toMatch(/--language <étiquette>/);
  });

  test('a page whose headline holds terminal escape sequences: none reaches the terminal, each is shown by its code point', () => {
    const result = importFrom(contentWith(), join(fixtures, 'import', 'en-entites.html'));
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(result.output).toContain('Caractères de contrôle retirés (aucune page ne les montre) : U+001B, U+0007.');
    expect(result.output).toMatch(/^Langue : anglais \(en\)/m);
  });

  test('refuses a file that is not UTF-8', () => {
    const dir = contentWith();
    const latin1 = join(dir, '..', 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik.\n', 'latin1'));
    const result = importFrom(dir, latin1);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/attendu un texte en UTF-8/);
  });
});
