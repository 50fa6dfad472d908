/**
 * The length of a text in words, as its language counts them: `Intl.Segmenter` finds words in
 * scripts that do not separate them with spaces (Chinese, Japanese, Thai) as well as in those
 * that do, so that accounts of one meeting in two languages can be set side by side.
 */

/** How many words `text` holds, read as `language` (BCP 47). */
export function wordCount(text: string, language: string): number {
  let count = 0;
  for (const segment of new Intl.Segmenter(language, { granularity: 'word' }).segment(text)) {
    if (segment.isWordLike) count++;
  }
  return count;
}
