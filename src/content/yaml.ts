/**
 * YAML as the archive reads it: YAML 1.2 (core schema), where `2024-02-30` stays the text it
 * is instead of rolling over to a date in March. Astro's own parser (YAML 1.1) turns such
 * unquoted dates into `Date`s, so they are marked (`YamlTimestamp`) and the validator decides,
 * field by field, where a date is welcome (`resolveTimestamps`).
 */
import { parseDocument, type ScalarTag } from 'yaml';
import { fieldPath, type Report } from './problem.ts';
import { frenchYamlError } from './yaml-errors.ts';

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

/**
 * Parses YAML 1.2 (core schema). Duplicate keys are an error, and so is anything the parser
 * only warns about (an unknown tag such as `!!binary`): Astro's parser would read it otherwise.
 * An error is given in French with its line in the file, `firstLine` being the file's line of
 * the text's first line (2 for a document's frontmatter).
 */
export function parseYaml(
  text: string,
  firstLine = 1,
): { data?: unknown; parseError?: string; parseErrorLine?: number | undefined } {
  try {
    const doc = parseDocument(text, { schema: 'core', customTags: [timestampTag], uniqueKeys: true, prettyErrors: true });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
      if (problem.message.startsWith('Maximum call stack')) {
        return { parseError: 'YAML illisible : listes ou champs imbriqués trop profondément' };
      }
      const { message, line } = frenchYamlError(problem, text, firstLine);
      return { parseError: message, parseErrorLine: line };
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
    if (error instanceof RangeError) {
      return { parseError: 'YAML illisible : listes ou champs imbriqués trop profondément' };
    }
    return { parseError: `YAML illisible : ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
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
