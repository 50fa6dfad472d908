/**
 * Reading `content/`: every name is listed, read as strict UTF-8 or refused, never skipped in
 * silence (`src/content/read.ts`).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listContent, unportableName } from '#content/read.ts';
import { decodeText, readText } from '#content/text-file.ts';
import { formatProblem } from '#content/problem.ts';
import { tempDir } from '../../support/build.ts';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeText', () => {
  test.each([
    ['UTF-8 with accents, Cyrillic and Chinese', bytes('Sergueï Алейник 王毅\n')],
    ['tabs', bytes('a:\tb\nc: d\n')],
    ['text in NFC, and characters NFC leaves alone (a Hangul syllable, a lone accent)', bytes('Aleïnik 한 \u0301x\n')],
    ['an empty file', bytes('')],
  ])('reads %s', (_what, input) => {
    expect(decodeText(input)).toEqual({ text: new TextDecoder().decode(input) });
  });

  test.each([
    ['a byte order mark', bytes([0xef, 0xbb, 0xbf], 'title: x\n'), 'ligne 1', /BOM/],
    ['Latin-1, at the first line that is not UTF-8', bytes('---\ntitle: x\n', [0x53, 0x65, 0x72, 0x67, 0x75, 0x65, 0xef], '\n'), 'ligne 3', /UTF-8/],
    ['a truncated sequence at the end', bytes('a\nb\n', [0xe4, 0xb8]), 'ligne 3', /UTF-8/],
    ['a NUL byte', bytes('a\nb\u0000\n'), 'ligne 2', /U\+0000/],
    ['an escape character', bytes('a\u001b[31m\n'), 'ligne 1', /U\+001B/],
    ['a C1 control', bytes('a\n\n\u0085\n'), 'ligne 3', /U\+0085/],
    ['a noncharacter', bytes('a \uFFFE\n'), 'ligne 1', /U\+FFFE/],
    ['CR LF line ends, at the first', bytes('a: b\nc: d\r\n'), 'ligne 2', /^fins de ligne Windows \(CR LF\)/],
    ['CR line ends', bytes('a: b\rc: d\r'), 'ligne 1', /^retour chariot \(CR, U\+000D\) sans saut de ligne/],
    ['a lone CR in a line', bytes('a\nb\rc\n'), 'ligne 2', /^retour chariot/],
    ['a letter and its accent apart (NFD)', bytes('a\nSergue\u0069\u0308\n'), 'ligne 2', /« .+ » \(U\+0069 U\+0308\) n’est pas en forme composée NFC : attendu « ï » \(U\+00EF\)/],
    ['a character NFC replaces (the Angstrom sign)', bytes('\u212B\n'), 'ligne 1', /« .+ » \(U\+212B\).*attendu « .+ » \(U\+00C5\)/],
  ])('refuses %s, naming the line', (_what, input, field, message) => {
    const read = decodeText(input);
    expect('unreadable' in read && read.unreadable.field).toBe(field);
    expect('unreadable' in read && read.unreadable.message).toMatch(message);
  });
});

describe('readText', () => {
  test('refuses a file past its limit at the line where it passes it, reading no further', () => {
    const dir = tempDir('limit');
    const file = join(dir, 'x.md');
    writeFileSync(file, `${'ligne\n'.repeat(10)}${'x'.repeat(100)}\n`);
    const read = readText(file, 63);
    expect('unreadable' in read && read.unreadable).toEqual({
      field: 'ligne 11',
      message: 'fichier trop grand (161 octets), qui passe 63 octets à cette ligne : attendu au plus 63 octets, un document par fichier',
    });
    expect(readText(file, 161)).toEqual({ text: `${'ligne\n'.repeat(10)}${'x'.repeat(100)}\n` });
  });
});

describe('unportableName', () => {
  test.each(['con.yaml', 'CON.yaml', 'nul.md', 'aux', 'prn.txt', 'com1.yaml', 'lpt9.md', 'com\u00b9.yaml', 'con .yaml', 'nul.tar.gz'])(
    'refuses %s, a device name of Windows',
    (name) => expect(unportableName(name)).toMatch(/réservé par Windows/),
  );
  test.each(['a:b.md', 'a?.md', 'a*.md', 'a|b', 'a"b', 'a<b', 'a>b', 'a\\b'])('refuses %s, with a character Windows refuses', (name) =>
    expect(unportableName(name)).toMatch(/interdit sous Windows/),
  );
  test.each(['x.md.', 'x.md ', 'x.'])('refuses « %s », whose end Windows drops', (name) =>
    expect(unportableName(name)).toMatch(/finissant par un point ou une espace/),
  );
  test.each(['wang-yi.yaml', 'console.yaml', 'com10.yaml', 'auxiliaire.md', 'nullite.md', '2024', '.gitkeep'])('accepts %s', (name) =>
    expect(unportableName(name)).toBeUndefined(),
  );
});

describe('listContent', () => {
  function folder(): { root: string; content: string } {
    const root = tempDir('listing');
    const content = join(root, 'content');
    const write = (path: string, text = 'x\n') => {
      mkdirSync(join(content, path, '..'), { recursive: true });
      writeFileSync(join(content, path), text);
    };
    write('urls.txt');
    write('readouts/2024/2024-05-20-a.md');
    write('readouts/2024/.gitkeep', '');
    write('readouts/.brouillons/2024-05-21-b.md');
    write('readouts/.brouillons/2024-05-22-c.md');
    write('readouts/2024/2024-05-20-a.md~');
    write('readouts/2024/#2024-05-20-a.md#');
    write('people/wang-yi.yaml');
    write('readout/2024/2024-05-23-d.md');
    write('readout/2024/2024-05-24-e.md');
    write('photo.jpg');
    symlinkSync(join(content, 'people'), join(content, 'places'));
    symlinkSync(join(root, 'absent.md'), join(content, 'readouts', '2024', '2024-05-25-f.md'));
    return { root, content };
  }

  test('lists the entries, and names every other name once, as an error or as ignored', () => {
    const { root, content } = folder();
    const { files, problems } = listContent(root, content);
    expect(files.map((f) => `${f.collection}/${f.id}`)).toEqual(['people/wang-yi', 'readouts/2024-05-20-a']);
    expect(problems.map(formatProblem)).toEqual([
      'erreur content/photo.jpg: (fichier): fichier inconnu : attendu content/urls.txt, content/redirects.yaml, content/countries.yaml ou un dossier readouts/, people/, places/, topics/',
      'erreur content/places: (fichier): lien symbolique refusé : attendu un vrai fichier ou dossier, dans content/',
      'erreur content/readout: (fichier): dossier inconnu, que l’archive ne lit pas : attendu content/urls.txt, content/redirects.yaml, content/countries.yaml ou un dossier readouts/, people/, places/, topics/',
      'avertissement content/readouts/.brouillons: (fichier): ignoré : nom commençant par un point (fichier ou dossier caché)',
      'avertissement content/readouts/2024/#2024-05-20-a.md#: (fichier): ignoré : copie de sauvegarde d’un éditeur',
      'avertissement content/readouts/2024/2024-05-20-a.md~: (fichier): ignoré : copie de sauvegarde d’un éditeur',
      'erreur content/readouts/2024/2024-05-25-f.md: (fichier): lien symbolique refusé : attendu un vrai fichier ou dossier, dans content/',
    ]);
  });

  test('lists the collections asked for only, and still every problem', () => {
    const { root, content } = folder();
    const { files, problems } = listContent(root, content, ['people']);
    expect(files.map((f) => f.id)).toEqual(['wang-yi']);
    expect(problems).toHaveLength(7);
  });
});
