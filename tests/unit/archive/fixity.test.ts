import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeUtf8, markdownBody, sha256, textFixity } from '#archive/fixity.ts';

import { root } from '../../support/build.ts';

describe('markdownBody', () => {
  test.each([
    ['---\ntitle: x\n---\n\nTexte.\n', '\nTexte.\n', 'everything after the closing line, blank line included'],
    ['---\ntitle: x\n---\nUn.\n---\nDeux.\n', 'Un.\n---\nDeux.\n', 'a later line of dashes belongs to the text'],
    ['---\ntitle: x\n---', '', 'no text at all'],
  ])('reads %j as the body %j (%s)', (source, body) => {
    expect(markdownBody(source)).toBe(body);
  });

  // The lines `---` are found as the recipe `sed '1,/^---$/d'` finds them: exactly `---`, ended
  // by a line feed (the check refuses the other files, docs/validation.md).
  test.each([
    'Texte sans en-tête.\n',
    '---\ntitle: x\nTexte.\n',
    '---\r\ntitle: x\r\n---\r\nTexte.',
    '---\ntitle: x\n---  \nTexte.',
  ])('refuses %j, which has no complete frontmatter', (source) => {
    expect(() => markdownBody(source)).toThrow(/en-tête/);
  });
});

describe('sha256', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'the empty text'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'the FIPS 180-2 test vector'],
  ])('of %j is %s (%s)', (text, digest) => {
    expect(sha256(text)).toBe(digest);
  });

  test('hashes the UTF-8 bytes of the text', () => {
    const bytes = Buffer.from([0x42, 0xc3, 0xa9, 0x6c, 0x61, 0x72, 0x75, 0x73]); // « Bélarus »
    expect(sha256('Bélarus')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  test('refuses a file that is not UTF-8 rather than hashing a guess', () => {
    expect(() => decodeUtf8(new Uint8Array([0x42, 0xe9, 0x6c]))).toThrow();
  });
});

describe('textFixity of the seed', () => {
  test('is the hash of the seed text as stored: one blank line between paragraphs, one after the frontmatter', () => {
    const source = readFileSync(join(root, 'content/readouts/2024/2024-05-20-wang-yi-sergei-aleinik.md'));
    const seed = readFileSync(join(root, 'tests/fixtures/seeds/000_500df64e896cbe1d.txt'), 'utf8').split('\n');
    expect(seed).toHaveLength(4);
    expect(textFixity(decodeUtf8(source))).toBe(sha256(`\n${seed.join('\n\n')}\n`));
  });

  test('changes when one character of the text changes, not when the frontmatter does', () => {
    const doc = '---\ntitle: Un\n---\n\nLe texte.\n';
    expect(textFixity(doc.replace('title: Un', 'title: Deux'))).toBe(textFixity(doc));
    expect(textFixity(doc.replace('texte.', 'texte !'))).not.toBe(textFixity(doc));
  });
});
