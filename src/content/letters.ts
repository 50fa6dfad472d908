/**
 * Letters as the archive compares them, in one place for every module that does: a name typed
 * without its accents, a word of a script written without spaces.
 */

/**
 * A character of a script written without spaces between words (Chinese, Japanese, Thai, Lao,
 * Khmer, Burmese): a word there is not bounded by spaces, so a name is found inside a run of text.
 */
export const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/**
 * `text` without its accents and other combining marks (`Sergueï` → `Serguei`, `Đ` stays).
 * `NFKD` folds compatibility forms as well (full-width `Ｗ` → `W`, `ﬁ` → `fi`): for what a
 * reader types into a search.
 */
export function unaccented(text: string, form: 'NFD' | 'NFKD' = 'NFD'): string {
  return text.normalize(form).replace(/\p{M}/gu, '');
}
