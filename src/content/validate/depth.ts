/**
 * How deep a document's text nests, measured on the text itself in one pass, before it is
 * parsed: Markdown's parser takes seconds on a few kilobytes nested a thousand deep, and the
 * page's code, which walks the parsed text recursively, overflows its stack past a few
 * thousand. Two measures, each held under `MAX_DEPTH` by `body.ts`:
 *
 * - blocks: on each line, one level per quote mark `>`, per list marker (`-`, `*`, `+`, `1.`,
 *   `1)`), and per two columns of indentation before a list marker (a nested list is written
 *   indented);
 * - emphasis: in each block (lines up to a blank line), the pairs of `*`, `_` or `~` that open
 *   and close around one another, matched as CommonMark matches them (a run of `**` is one
 *   level of strong emphasis, `***` two levels).
 *
 * Both may count a little more than the page will nest, never less by much: what they let
 * through is cheap to parse and to render.
 */

export interface TooDeep {
  /** Line of the text (from 1) where the depth passes the limit. */
  line: number;
  kind: 'blocks' | 'emphasis';
}

const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;
const THEMATIC_BREAK = /(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}$/y;

/**
 * The block depth of one line: quotes, list markers, and the indentation before list markers;
 * counted no further than just past `max`.
 */
export function lineDepth(line: string, max = Infinity): number {
  let depth = 0;
  let i = 0;
  while (depth <= max) {
    let width = 0;
    while (line[i] === ' ' || line[i] === '\t') {
      width += line[i] === '\t' ? 4 : 1;
      i++;
    }
    if (line[i] === '>') {
      depth++;
      i++;
      continue;
    }
    THEMATIC_BREAK.lastIndex = i;
    if (THEMATIC_BREAK.test(line)) return depth;
    LIST_MARKER.lastIndex = i;
    const marker = LIST_MARKER.exec(line);
    if (!marker) return depth;
    depth += 1 + Math.floor(width / 2);
    i += marker[0].length;
  }
  return depth;
}

/** The first line whose blocks nest deeper than `max`, or nothing. */
function blocksTooDeep(text: string, max: number): TooDeep | undefined {
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const depth = lineDepth(text.slice(start, end), max);
    if (depth > max) return { line, kind: 'blocks' };
    start = end + 1;
  }
  return undefined;
}

const WHITE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const isWhite = (c: string | undefined) => c === undefined || WHITE.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && PUNCTUATION.test(c);

/** The line where emphasis first nests deeper than `max` in `text`, or nothing. */
function emphasisTooDeep(text: string, max: number): TooDeep | undefined {
  if (!/[*_~]/.test(text)) return undefined;
  /** For each run of delimiters: how many levels open (+) or close (-) there. */
  const runs: { delta: number }[] = [];
  const open: Record<string, { run: number; rest: number }[]> = { '*': [], _: [], '~': [] };
  let line = 1;
  const lineAtRun: number[] = [];
  // From one character that matters to the next: a line feed, an escape, a delimiter.
  const next = /[*_~\\\n]/g;
  for (let found = next.exec(text); found !== null; found = next.exec(text)) {
    const i = found.index;
    const c = found[0];
    if (c === '\n') {
      line++;
      // A blank line ends the block: nothing opens across it.
      if (/^[ \t]*(?:\n|$)/.test(text.slice(i + 1, i + 1 + 256))) {
        open['*'] = [];
        open['_'] = [];
        open['~'] = [];
      }
      continue;
    }
    if (c === '\\') {
      if (text[i + 1] !== '\n') next.lastIndex = i + 2;
      continue;
    }
    let j = i;
    while (text[j] === c) j++;
    const before = text[i - 1];
    const after = text[j];
    const left = !isWhite(after) && (!isPunctuation(after) || isWhite(before) || isPunctuation(before));
    const right = !isWhite(before) && (!isPunctuation(before) || isWhite(after) || isPunctuation(after));
    const canOpen = c === '_' ? left && (!right || isPunctuation(before)) : left;
    const canClose = c === '_' ? right && (!left || isPunctuation(after)) : right;
    const run = runs.length;
    runs.push({ delta: 0 });
    lineAtRun.push(line);
    let rest = j - i;
    const stack = open[c]!;
    if (canClose) {
      while (rest > 0 && stack.length > 0) {
        const opener = stack.at(-1)!;
        const used = Math.min(opener.rest, rest);
        // `*` is one level of emphasis, `**` one of strong emphasis.
        const levels = Math.ceil(used / 2);
        runs[opener.run]!.delta += levels;
        runs[run]!.delta -= levels;
        opener.rest -= used;
        rest -= used;
        if (opener.rest === 0) stack.pop();
      }
    }
    if (rest > 0 && canOpen) stack.push({ run, rest });
    next.lastIndex = j;
  }
  let depth = 0;
  for (let k = 0; k < runs.length; k++) {
    depth += runs[k]!.delta;
    if (depth > max) return { line: lineAtRun[k]!, kind: 'emphasis' };
  }
  return undefined;
}

/** Where `text` nests deeper than `max`, blocks first, or nothing. */
export function tooDeep(text: string, max: number): TooDeep | undefined {
  return blocksTooDeep(text, max) ?? emphasisTooDeep(text, max);
}
