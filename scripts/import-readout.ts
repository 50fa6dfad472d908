/**
 * `npm run import -- <file> [options]` (`--help` lists them): turns a readout copied from a web
 * page, as UTF-8 text or a saved `.html` page, into a draft document of the archive. Prints what
 * it found, removed and left to complete, and the records to create, then the draft's path on
 * the last line. Exits with 0 when the draft is written (or the usage printed), 1 when nothing
 * was (a text already in the archive, an id taken, a day it cannot find). Nothing the input
 * holds reaches the terminal as a control sequence. See `src/features/import/`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirOf } from '#content/folder.ts';
import { importReadout } from '#features/import/import-readout.ts';
import { printable } from '#features/import/verbatim.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE = `usage : npm run import -- <fichier .txt ou .html> [options]

Fait d’un compte rendu copié d’une page web (texte UTF-8, ou page enregistrée en .html) un
brouillon de document, content/readouts/<année>/<identifiant>.md, sans rien écraser. Affiche la
langue reconnue, ce qui a été trouvé et retiré, ce qui reste à compléter et les fiches à créer,
puis le chemin du brouillon sur la dernière ligne.

options :
  --publisher "<éditeur>"    qui a publié l’original (source.publisher)
  --url <adresse>            l’adresse de l’original, http(s) (source.url)
  --published <AAAA-MM-JJ>   le jour de publication de l’original (résout « aujourd’hui », "today")
  --date <AAAA-MM-JJ>        le jour de l’entretien, quand le texte ne le donne pas
  --retrieved <AAAA-MM-JJ>   le jour de la copie (aujourd’hui par défaut)
  --language <étiquette>     la langue du texte (BCP 47 : fr, en, it…), si sa détection se trompe
  --id <identifiant>         un autre identifiant que le jour et les participants
  -h, --help                 affiche cette aide`;

function fail(message: string): never {
  console.error(printable(`erreur : ${message}`));
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
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const { help: _help, ...values } = parsed.values;
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

const result = importReadout(root, contentDirOf(root), { input, html, ...values });
for (const line of result.report) console.log(printable(line));
if (!result.written) fail(result.error);
console.log('Brouillon écrit :');
console.log(printable(result.file));
