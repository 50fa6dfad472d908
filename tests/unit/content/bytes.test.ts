/**
 * A document's fixity is the SHA-256 of the bytes of its text as stored (`docs/data.md`). The
 * bytes must reach every reader unchanged: git keeps them through any checkout
 * (`.gitattributes`), and the recipe that readers are given, `sed '1,/^---$/d' | sha256sum`,
 * gives the archive's fixity for every document the check accepts; the documents on which it
 * would not are refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '#features/guard/check.ts';
import { fixityCheckCommand, textFixity } from '#archive/fixity.ts';
import { root, tempDir } from '../../support/build.ts';
import { contentWith } from '../../support/content-copy.ts';

const seed = 'readouts/2024/2024-05-20-wang-yi-sergei-aleinik.md';
const head = `---
title: "Wang Yi rencontre Sergueï Aleïnik à Astana"
date: 2024-05-21
place: astana
participants:
  - person: wang-yi
    role: "ministre des Affaires étrangères"
topics:
  - ocs
language: fr
---
`;
const text = 'Wang Yi a rencontré son homologue Sergueï Aleïnik à Astana.\n';

/** The recipe of `docs/data.md`, run by the shell on the file. */
function recipe(file: string): string {
  return execFileSync('sh', ['-c', fixityCheckCommand(file)], { encoding: 'utf8' }).split(/\s/)[0]!;
}

// prettier-ignore
const documents: [string, string][] = [
  ['the text right after the closing line, without a blank line', `${head}${text}`],
  ['no line feed at the end of the file', `${head}\n${text.trimEnd()}`],
  ['blank lines and spaces before and after the text', `${head}\n\n   \n${text}\n  \n\n`],
  ['a line « --- » in the text (a thematic break), and a setext heading', `${head}\n${text}\n---\n\nIntertitre\n---\n\n${text.replace('Wang Yi', 'Le ministre')}`],
  ['a line « --- » indented in a folded value of the header', head.replace('language: fr\n', 'language: fr\nevent: >-\n  Session\n  ---\n') + `\n${text}`],
  ['Chinese, Cyrillic, non-breaking spaces and a tab', `${head}\n王毅会见 Алейник : « ${text.trim()} »\t\n`],
];

describe('the fixity recipe (sed … | sha256sum)', () => {
  test('gives the fixity of the seed document', () => {
    expect(recipe(join(root, 'content', seed))).toBe(textFixity(readFileSync(join(root, 'content', seed), 'utf8')));
  });

  test.each(documents)('gives the fixity of an accepted document: %s', (_what, source) => {
    const dir = contentWith();
    const file = join(dir, 'readouts', '2024', '2024-05-21-empreinte.md');
    writeFileSync(file, source);
    expect(checkContent(root, dir).filter((p) => p.severity === 'error')).toEqual([]);
    expect(recipe(file)).toBe(textFixity(source));
  });

  // prettier-ignore
  test.each([
    ['a closing line « --- » followed by spaces, which sed does not find', `${head.replace(/---\n$/, '---  \n')}\n${text}`],
    ['CR LF line ends, where sed finds no line « --- » and hashes nothing', `${head}\n${text}`.replace(/\n/g, '\r\n')],
    ['CR line ends', `${head}\n${text}`.replace(/\n/g, '\r')],
  ])('refuses a document on which it would not: %s', (_what, source) => {
    const dir = contentWith();
    writeFileSync(join(dir, 'readouts', '2024', '2024-05-21-empreinte.md'), source);
    const errors = checkContent(root, dir).filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.file)).toEqual([expect.stringMatching(/2024-05-21-empreinte\.md$/)]);
  });
});

describe('.gitattributes', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Essai', '-c', 'user.email=essai@example.org', ...args], {
      cwd,
      encoding: 'utf8',
    });

  test('leaves every content file without line-end conversion, and its diff as text', () => {
    const files = git(root, 'ls-files', 'content').trim().split('\n');
    expect(files.length).toBeGreaterThan(10);
    const attributes = git(root, 'check-attr', 'text', 'diff', '--', ...files);
    for (const file of files) {
      expect(attributes).toContain(`${file}: text: unset`);
      expect(attributes).toContain(`${file}: diff: set`);
    }
  });

  test('keeps a document byte for byte through a checkout that converts line ends', () => {
    const origin = join(tempDir('git'), 'origin');
    mkdirSync(join(origin, 'content', 'readouts', '2024'), { recursive: true });
    writeFileSync(join(origin, '.gitattributes'), readFileSync(join(root, '.gitattributes')));
    const source = readFileSync(join(root, 'content', seed));
    writeFileSync(join(origin, 'content', seed), source);
    git(origin, 'init', '-q');
    git(origin, 'add', '.');
    git(origin, 'commit', '-q', '-m', 'Archive');
    for (const setting of ['core.autocrlf=true', 'core.eol=crlf']) {
      const copy = join(tempDir('git'), 'copy');
      git(root, '-c', setting, 'clone', '-q', origin, copy);
      expect(readFileSync(join(copy, 'content', seed)).equals(source), setting).toBe(true);
      expect(git(copy, '-c', setting, 'status', '--porcelain'), setting).toBe('');
    }
  });
});
