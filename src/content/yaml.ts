/**
 * YAML as the archive reads it: YAML 1.2 (core schema), where `2024-02-30` stays the text it
 * is instead of rolling over to a date in March. Astro's own parser (YAML 1.1) turns such
 * unquoted dates into `Date`s, so they are marked (`YamlTimestamp`) and the validator decides,
 * field by field, where a date is welcome (`resolveTimestamps`).
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type ScalarTag } from 'yaml';
import { MAX_YAML_DEPTH } from './limits.ts';
import { fieldPath, type Report } from './problem.ts';
import { duplicateKeyMessage, frenchYamlError } from './yaml-errors.ts';

/**
 * A plain YAML value that YAML 1.1, and so Astro's parser, reads as a date (`2024-05-20`,
 * `2024-05-20 10:00:00`). Welcome where a date is expected (it is then checked as text),
 * refused anywhere else: Astro would hand the page a `Date` instead of the text written.
 */
export class YamlTimestamp {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** What YAML 1.1 (and so Astro) reads as a timestamp: `2024-05-20`, `2024-5-20 10:00:00Z`… */
const timestampTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  test: /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/,
  resolve: (text) => new YamlTimestamp(text),
};

const TOO_DEEP = 'YAML illisible : listes ou champs imbriqués trop profondément';

/**
 * Parses YAML 1.2 (core schema). Duplicate keys are an error, and so is anything the parser
 * only warns about (an unknown tag such as `!!binary`): Astro's parser would read it otherwise.
 * An error is given in French with its line in the file, `firstLine` being the file's line of
 * the text's first line (2 for a document's frontmatter). Lists and fields in brackets nested
 * past `MAX_YAML_DEPTH` are refused before parsing: the parser would take seconds to give up.
 */
export function parseYaml(
  text: string,
  firstLine = 1,
): { data?: unknown; parseError?: string; parseErrorLine?: number | undefined } {
  const deep = flowTooDeep(text);
  if (deep !== undefined) return { parseError: TOO_DEEP, parseErrorLine: lineOf(text, deep) + firstLine - 1 };
  try {
    const lineCounter = new LineCounter();
    // Keys are compared here, not by the parser, which compares every pair of a mapping's keys.
    const doc = parseDocument(text, {
      schema: 'core',
      customTags: [timestampTag],
      uniqueKeys: false,
      // Errors are placed here, the first one only: the parser's own placing of each error
      // reads the text again (slow on a file of many errors).
      prettyErrors: false,
      lineCounter,
    });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
      problem.linePos = [lineCounter.linePos(problem.pos[0]), lineCounter.linePos(problem.pos[1])];
      if (problem.message.startsWith('Maximum call stack')) return { parseError: TOO_DEEP };
      const { message, line } = frenchYamlError(problem, text, firstLine);
      return { parseError: message, parseErrorLine: line };
    }
    const duplicate = duplicateKey(doc);
    if (duplicate) {
      return {
        parseError: duplicateKeyMessage(duplicate.key),
        parseErrorLine: lineCounter.linePos(duplicate.offset).line + firstLine - 1,
      };
    }
    // Aliases (`*a`) are expanded here, and `maxAliasCount` stops a file whose aliases would
    // multiply into more data than memory holds (an « alias bomb »).
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    // The parser throws, instead of reporting, on aliases past the limit, on an alias whose
    // anchor comes later (`*x`), and on data nested too deep.
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      if (/count|exceed|limit/i.test(error.message)) {
        return { parseError: `YAML illisible : trop d’alias YAML (« *nom »), plus de ${MAX_ALIAS_COUNT} : attendu des valeurs écrites en clair` };
      }
      return { parseError: 'YAML illisible : alias « * » sans ancre « & » avant lui : écrivez la valeur en entier, entre guillemets' };
    }
    if (error instanceof RangeError) return { parseError: TOO_DEEP };
    return { parseError: `YAML illisible : ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

const lineOf = (text: string, index: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * The first key written twice in one mapping (the second time), or nothing: one set of keys
 * per mapping, so that a file of many keys is read in linear time.
 */
function duplicateKey(doc: Document.Parsed): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        const key = `${typeof value}:${String(value)}`;
        if (seen.has(key)) {
          found = { key: String(value), offset: pair.key.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Where lists and fields written in brackets (`[`, `{`) nest past `MAX_YAML_DEPTH`, or nothing:
 * one pass over the text, skipping quoted values and comments.
 */
export function flowTooDeep(text: string): number | undefined {
  let depth = 0;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
    } else if (quote === "'") {
      if (c === "'" && text[i + 1] === "'") i++;
      else if (c === "'") quote = undefined;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:-]/.test(text[i - 1]!))) {
      quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** How many aliases a file's YAML may expand (the `yaml` package's default). */
const MAX_ALIAS_COUNT = 100;

/**
 * Replaces each `YamlTimestamp` by its text. Where `isDateField(field)` says a date belongs,
 * that is all; elsewhere the value is reported, since Astro would read it as a date.
 */
export function resolveTimestamps(data: unknown, isDateField: (field: string) => boolean, report: Report): unknown {
  const visit = (value: unknown, path: PropertyKey[]): unknown => {
    if (value instanceof YamlTimestamp) {
      const field = fieldPath(path);
      if (!isDateField(field)) {
        report(field, `« ${value.text} » serait lu comme une date : attendu du texte, écrit entre guillemets`);
      }
      return value.text;
    }
    if (Array.isArray(value)) return value.map((v, i) => visit(v, [...path, i]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, [...path, k])]));
    }
    return value;
  };
  return visit(data, []);
}
