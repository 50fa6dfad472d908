/**
 * Fixity: the SHA-256 of a document's text lets a reader check that what they cite is what the
 * archive holds. What is hashed, exactly: the Markdown body of the source file as stored, that
 * is every byte after the line `---` that closes the frontmatter (its line feed included) up to
 * the end of the file, in UTF-8, with no normalisation. Correcting the metadata (a title, a
 * role) leaves it unchanged; changing one character of the text changes it.
 *
 * To check a copy: `sed '1,/^---$/d' source.md | sha256sum`.
 */
import { createHash } from 'node:crypto';
import { splitReadout } from '#content/read.ts';

/** The body of a document's source file: everything after the line that closes its frontmatter. */
export function markdownBody(source: string): string {
  const parts = splitReadout(source);
  if (!parts) throw new Error('attendu : un en-tête YAML entre deux lignes « --- »');
  return parts.body;
}

/** SHA-256 of a text encoded in UTF-8, as 64 lowercase hexadecimal digits. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Decodes a stored file, refusing bytes that are not UTF-8 rather than hashing a guess. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** The fixity of a source file: the SHA-256 of its Markdown body. */
export function textFixity(source: string): string {
  return sha256(markdownBody(source));
}

/** The shell command that recomputes the fixity of a downloaded source file (GNU sed and coreutils). */
export function fixityCheckCommand(fileName: string): string {
  return `sed '1,/^---$/d' ${fileName} | sha256sum`;
}
