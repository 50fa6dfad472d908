/**
 * The sizes past which the archive refuses a file instead of reading it: a careless paste or a
 * hostile file must be told what is wrong, at once, and never crash or stall the check or the
 * build. Each limit is far above what a real document needs (a long readout runs to a few tens
 * of thousands of characters, nested two or three levels deep) and below what makes a parser
 * slow: Markdown's parser takes seconds on a few kilobytes of emphasis nested a thousand deep,
 * YAML's on a few hundred kilobytes of brackets. `docs/validation.md` lists them (« Limites »).
 */

/** A file of `content/` (a document, a record, `redirects.yaml`, `countries.yaml`), in bytes: 512 KiB. */
export const MAX_FILE_BYTES = 512 * 1024;

/** The YAML of a record (its whole file) or of a document's frontmatter, in bytes: 64 KiB. */
export const MAX_YAML_BYTES = 64 * 1024;

/** `content/urls.txt`, which grows with the archive (some 600 bytes a document), in bytes: 32 MiB. */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

/** A document's text, in characters. */
export const MAX_BODY_CHARS = 200_000;

/**
 * How deep a text may nest: quotes (`>`) and list items in one another, or emphasis (`*`, `_`,
 * `~`) in one another. Measured on the text before it is parsed (`validate/depth.ts`).
 */
export const MAX_DEPTH = 16;

/** How deep a file's YAML may nest lists and fields written in brackets (`[`, `{`). */
export const MAX_YAML_DEPTH = 64;

/** How a size is written in messages: `524 288 octets (512 Kio)`. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('fr-FR').replace(/\s/g, ' ')} octets`;
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${exact} (${bytes / 1024 / 1024} Mio)`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${exact} (${bytes / 1024} Kio)`;
  return exact;
}
