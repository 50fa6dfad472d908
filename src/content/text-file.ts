/**
 * A file of the content folder as text, or why it is not: strict UTF-8, no byte order mark, no
 * control character or noncharacter. Every file the archive reads goes through `readText`.
 */
import { readFileSync } from 'node:fs';

/** Where a file cannot be read as text, and why: `ligne 3`, and the message. */
export interface Unreadable {
  field: string;
  message: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Characters no file of the archive may hold, anywhere: control characters but tab, line feed
 * and carriage return, and Unicode's noncharacters. HTML calls them parse errors, XML refuses
 * them, YAML 1.1 (Astro's parser) stops on them.
 */
const FORBIDDEN = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/u;

/** `U+0007`: how messages name a character. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * A file's bytes as text, or why they are not: the archive reads strict UTF-8, without a byte
 * order mark (a BOM is refused everywhere, so that the published `source.md`, its fixity and
 * every reader see the same bytes) and without `FORBIDDEN` characters.
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
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) {
    return {
      unreadable: {
        field: `ligne ${lineAt(text, forbidden.index)}`,
        message: `caractère interdit ${codePoint(forbidden[0])} (caractère de contrôle ou non-caractère Unicode) : attendu du texte`,
      },
    };
  }
  return { text };
}

/** Reads a file of the content folder as text (`decodeText`), or says why it cannot be read. */
export function readText(abs: string): { text: string } | { unreadable: Unreadable } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'erreur';
    return { unreadable: { field: '(fichier)', message: `fichier illisible (${code}) : attendu un fichier que l’archive peut lire` } };
  }
  return decodeText(bytes);
}
