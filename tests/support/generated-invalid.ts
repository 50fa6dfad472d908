/**
 * Broken inputs that cannot be kept as files of `tests/fixtures/invalid/`: files past the size
 * limits (a repository of half-megabyte fixtures), and names that a checkout of the project on
 * Windows or macOS could not hold itself (`con.yaml`, a `?`, a final dot, two names that differ
 * by case). Each is written at test time into a copy of the content, as a fixture would be laid
 * over it; `tests/unit/content/validate.test.ts` checks each as it checks the fixtures, and
 * `validation-docs.test.ts` counts their messages among those the fixtures print.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAX_BODY_CHARS, MAX_FILE_BYTES, MAX_YAML_BYTES } from '#content/limits.ts';
import { contentWith } from './content-copy.ts';

export interface GeneratedCase {
  name: string;
  /** The broken file (or folder), relative to the content folder. */
  file: string;
  /** Writes it, given its absolute path. */
  write: (path: string) => void;
  /** The field the one error names. */
  field: string;
  message: RegExp;
  why: string;
}

const head = (extra = '') =>
  `---\ntitle: "Wang Yi rencontre Sergueï Aleïnik à Astana"\ndate: 2024-05-21\nplace: astana\nparticipants:\n  - person: wang-yi\n    role: "ministre des Affaires étrangères"\ntopics:\n  - ocs\nlanguage: fr\n${extra}---\n\n`;
const sentence = 'Wang Yi a rencontré son homologue Sergueï Aleïnik à Astana.\n\n';
/** Paragraphs of `sentence` up to `chars` characters. */
const paragraphs = (chars: number) => sentence.repeat(Math.ceil(chars / sentence.length));
/** The line (from 1) of `text` that holds its character at `index`. */
const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;
/** The line (from 1) of `text`, in UTF-8, that holds its byte at `index`. */
const byteLineAt = (text: string, index: number) =>
  lineAt(Buffer.from(text).subarray(0, index).toString('latin1'), index);
/** Writes a file of `contents` at the path given, or at `inside` below it (the path is then a folder). */
const file = (contents: () => string, inside?: string) => (path: string) => {
  const target = inside === undefined ? path : join(path, inside);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, contents());
};
const record = (name: string) => `name: ${name}\ncountry: KZ\n`;
const seedPerson = () => readFileSync(new URL('../../content/people/wang-yi.yaml', import.meta.url), 'utf8');

const bigBody = paragraphs(MAX_FILE_BYTES);
const longBody = paragraphs(MAX_BODY_CHARS + 1000);
const bigAliases = `${record('Mourat Nourtleou')}aliases:\n${'  - "Mourat Nourtleou, ministre"\n'.repeat(MAX_YAML_BYTES / 32 + 10)}`;
const bigHead = head(
  `event: >\n${'  Session du Conseil des ministres des Affaires étrangères.\n'.repeat(MAX_YAML_BYTES / 56 + 10)}`,
);

// prettier-ignore
export const generatedCases: GeneratedCase[] = [
  { name: 'file-too-large', file: 'readouts/2024/2024-05-21-fichier-trop-grand.md', write: file(() => head() + bigBody), field: `ligne ${byteLineAt(head() + bigBody, MAX_FILE_BYTES)}`, message: /fichier trop grand.*au plus 524 288 octets \(512 Kio\)/, why: 'a document past the size of a file is refused at the line where it passes it' },
  { name: 'body-too-long', file: 'readouts/2024/2024-05-21-texte-trop-long.md', write: file(() => head() + longBody), field: `texte, ligne ${lineAt(head() + longBody, head().length + MAX_BODY_CHARS)}`, message: /texte trop long.*au plus 200 000 caractères/, why: 'a text past the length of a text is refused at its line, unparsed' },
  { name: 'record-too-large', file: 'people/murat-nurtleu.yaml', write: file(() => bigAliases), field: `ligne ${byteLineAt(bigAliases, MAX_YAML_BYTES)}`, message: /fichier trop grand.*65 536 octets \(64 Kio\)/, why: 'a record past the size of YAML is refused, unparsed' },
  { name: 'frontmatter-too-large', file: 'readouts/2024/2024-05-21-en-tete-trop-grand.md', write: file(() => bigHead + sentence), field: `ligne ${byteLineAt(bigHead, MAX_YAML_BYTES + 4)}`, message: /en-tête YAML trop grand/, why: 'a frontmatter past the size of YAML is refused, unparsed' },
  { name: 'reserved-name', file: 'people/con.yaml', write: file(() => record('Con')), field: '(fichier)', message: /« con\.yaml » réservé par Windows/, why: 'a name Windows reserves for a device is refused, whatever its extension' },
  { name: 'reserved-folder', file: 'readouts/aux', write: file(() => head() + sentence, '2024/2024-05-21-dossier-reserve.md'), field: '(fichier)', message: /« aux » réservé par Windows/, why: 'a folder named as a device Windows reserves is refused once' },
  { name: 'windows-character', file: 'people/wang-yi?.yaml', write: file(() => record('Wang Yi bis')), field: '(fichier)', message: /le caractère « \? » est interdit sous Windows/, why: 'a character Windows refuses in a name is refused' },
  { name: 'final-dot', file: 'people/wang-yi.yaml.', write: file(() => record('Wang Yi bis')), field: '(fichier)', message: /finissant par un point ou une espace/, why: 'a name ending with a dot, which Windows drops, is refused' },
  { name: 'case-only', file: 'people/Wang-Yi.yaml', write: file(seedPerson), field: '(fichier)', message: /« Wang-Yi\.yaml » et « wang-yi\.yaml » ne diffèrent que par la casse/, why: 'two names that differ only by case, which one folder of Windows or macOS holds as one, are refused' },
];

/** A copy of the archive under test with the file of `c` written into it. */
export function contentWithGenerated(c: GeneratedCase): string {
  const dir = contentWith();
  c.write(join(dir, c.file));
  return dir;
}
