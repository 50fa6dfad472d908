/**
 * A file of the content folder as text, or why it is not: at most `MAX_FILE_BYTES`, strict
 * UTF-8, no byte order mark, line feeds only (no CR), no control character or noncharacter, and
 * Unicode's composed form (NFC). Every file the archive reads goes through `readText`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatBytes, MAX_FILE_BYTES } from './limits.ts';

/** Where a file cannot be read as text, and why: `ligne 3`, and the message. */
export interface Unreadable {
  field: string;
  message: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Characters no file of the archive may hold, anywhere: control characters but tab and line
 * feed, and Unicode's noncharacters. HTML calls them parse errors, XML refuses them, YAML 1.1
 * (Astro's parser) stops on them. A carriage return is refused on its own (`lineEndProblem`).
 */
const FORBIDDEN = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/u;

/** `U+0007`: how messages name a character. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+0065 U+0301`: every code point of a short text. */
export function codePoints(text: string): string {
  return [...text].map(codePoint).join(' ');
}

const lineAt = (text: string, index: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/** Where the fix of a file that is not NFC is explained. */
export const NFC_HELP = 'docs/validation.md#unicode';

/**
 * The first characters of `text` that Unicode's composed form (NFC) writes otherwise, as
 * written and as NFC writes them, or nothing when `text` is NFC. A letter and its accents
 * (`e` + U+0301) are looked at together, since NFC composes them.
 */
export function notNfc(text: string): { index: number; written: string; nfc: string } | undefined {
  if (text.normalize('NFC') === text) return undefined;
  for (const m of text.matchAll(/\P{M}?\p{M}*/gu)) {
    if (m[0] === '') continue;
    const nfc = m[0].normalize('NFC');
    if (nfc !== m[0]) return { index: m.index, written: m[0], nfc };
  }
  // Not reached: a text that NFC changes has a cluster that NFC changes.
  return { index: 0, written: text, nfc: text.normalize('NFC') };
}

/** The message for characters that are not in NFC. */
export function nfcMessage(found: { written: string; nfc: string }): string {
  return `« ${found.written} » (${codePoints(found.written)}) n’est pas en forme composée NFC : attendu « ${found.nfc} » (${codePoints(found.nfc)})`;
}

/**
 * A carriage return, or nothing: the archive's files end their lines with a line feed only. A
 * file saved with Windows line ends (CR LF) or old Mac ones (CR) would not be the bytes the
 * fixity of its text is computed from once checked out elsewhere, and `sed` (the fixity's
 * recipe, `docs/data.md`) would not find its lines « --- ».
 */
function lineEndProblem(text: string): Unreadable | undefined {
  const cr = text.indexOf('\r');
  if (cr === -1) return undefined;
  const fix = 'attendu des fins de ligne LF seules : convertissez le fichier (« dos2unix fichier », ou l’option « LF » de l’éditeur)';
  return {
    field: `ligne ${lineAt(text, cr)}`,
    message:
      text[cr + 1] === '\n'
        ? `fins de ligne Windows (CR LF) : ${fix}`
        : `retour chariot (CR, U+000D) sans saut de ligne, fins de ligne d’un ancien Mac : ${fix}`,
  };
}

/**
 * A file's bytes as text, or why they are not: the archive reads strict UTF-8, without a byte
 * order mark (a BOM is refused everywhere, so that the published `source.md`, its fixity and
 * every reader see the same bytes), with line feeds only, without `FORBIDDEN` characters, in
 * NFC (so that every name, alias and designation is compared in one form, and a text and its
 * copy in another form are the same text). A file is refused rather than normalised: its
 * fixity is that of its bytes as stored.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { unreadable: Unreadable } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      unreadable: {
        field: 'ligne 1',
        message: 'marque d’ordre des octets (BOM) en tête du fichier : attendu de l’UTF-8 sans BOM',
      },
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // Line feeds never occur inside a multi-byte sequence: the first line that fails is the one.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line++;
      start = i + 1;
    }
    return {
      unreadable: {
        field: `ligne ${line}`,
        message: 'octets invalides en UTF-8 (fichier enregistré en Latin-1 ou Windows-1252 ?) : attendu de l’UTF-8',
      },
    };
  }
  const lineEnd = lineEndProblem(text);
  if (lineEnd) return { unreadable: lineEnd };
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) {
    return {
      unreadable: {
        field: `ligne ${lineAt(text, forbidden.index)}`,
        message: `caractère interdit ${codePoint(forbidden[0])} (caractère de contrôle ou non-caractère Unicode) : attendu du texte`,
      },
    };
  }
  const decomposed = notNfc(text);
  if (decomposed) {
    return {
      unreadable: {
        field: `ligne ${lineAt(text, decomposed.index)}`,
        message: `${nfcMessage(decomposed)} ; enregistrez le fichier en NFC (voir ${NFC_HELP})`,
      },
    };
  }
  return { text };
}

/**
 * Reads a file of the content folder as text (`decodeText`), or says why it cannot be read. A
 * file larger than `maxBytes` is refused at the line where it passes the limit, without being
 * read further.
 */
export function readText(abs: string, maxBytes: number = MAX_FILE_BYTES): { text: string } | { unreadable: Unreadable } {
  let bytes: Uint8Array;
  let size = 0;
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes + 1);
    const buffer = new Uint8Array(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = buffer.subarray(0, read);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'erreur';
    return { unreadable: { field: '(fichier)', message: `fichier illisible (${code}) : attendu un fichier que l’archive peut lire` } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.length > maxBytes) {
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < maxBytes; i = bytes.indexOf(0x0a, i + 1)) line++;
    return {
      unreadable: {
        field: `ligne ${line}`,
        message: `fichier trop grand (${formatBytes(Math.max(size, bytes.length))}), qui passe ${formatBytes(maxBytes)} à cette ligne : attendu au plus ${formatBytes(maxBytes)}, un document par fichier`,
      },
    };
  }
  return decodeText(bytes);
}
