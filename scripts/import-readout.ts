/**
 * `npm run import -- <file> [--url <url>] [--published <AAAA-MM-JJ>] [--publisher "<name>"] [--id <id>]`
 * (and `--date`, `--retrieved` when the text or the day differ): turns a readout copied from a
 * web page, as UTF-8 text or a saved `.html` page, into a draft document of the archive. Prints
 * what it found, removed and left to complete, and the records to create, then the draft's path
 * on the last line. Exits with 0 when the draft is written, 1 when nothing was (a text already in
 * the archive, an id taken, a day it cannot find). See `src/features/import/`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirOf } from '#content/folder.ts';
import { importReadout } from '#features/import/import-readout.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE =
  'usage : npm run import -- <fichier .txt ou .html> [--url <adresse>] [--published <AAAA-MM-JJ>] [--publisher "<éditeur>"] [--id <identifiant>] [--date <AAAA-MM-JJ>] [--retrieved <AAAA-MM-JJ>]';

function fail(message: string): never {
  console.error(`erreur : ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      published: { type: 'string' },
      publisher: { type: 'string' },
      id: { type: 'string' },
      date: { type: 'string' },
      retrieved: { type: 'string' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const [path, ...extra] = parsed.positionals;
if (path === undefined || extra.length > 0) fail(`un fichier, et un seul, est attendu\n${USAGE}`);

let input: string;
try {
  // Only UTF-8: a text in another encoding would be archived wrong, letter by letter.
  input = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'ENOENT' ? `${path} : fichier introuvable` : `${path} : attendu un texte en UTF-8`);
}
const html = /\.x?html?$/i.test(path) || /^\s*(?:<!doctype html|<html)/i.test(input);

const result = importReadout(root, contentDirOf(root), { input, html, ...parsed.values });
for (const line of result.report) console.log(line);
if (!result.written) fail(result.error);
console.log('Brouillon écrit :');
console.log(result.file);
