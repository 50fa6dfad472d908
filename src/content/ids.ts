/**
 * Ids: an entry's id is its file name without its extension, and every URL of the archive is
 * made from ids (`src/archive/urls.ts`), never from titles. One rule for all of them.
 */

/** Lowercase ASCII words joined by single hyphens: `wang-yi`, `2024-05-20-wang-yi`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `text` is a well-formed id. */
export function isId(text: string): boolean {
  return SLUG.test(text);
}

/**
 * The longest id: every file the build writes is named by an id and a short suffix
 * (`api/comptes-rendus/<id>.json`), and a file name holds at most 255 bytes on the file
 * systems a site is built and served from. 100 leaves room for any suffix, and keeps the
 * addresses short enough to read and copy.
 */
export const MAX_ID_LENGTH = 100;
