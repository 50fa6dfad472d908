/**
 * What every check of the archive reports: one problem per line, naming the file, the field
 * (or line) and what was expected, in French, for the author who must fix it.
 */

export interface Problem {
  severity: 'error' | 'warning';
  /** The file, relative to the project, with forward slashes. */
  file: string;
  /** The field (`participants[0].person`), or where in the file (`ligne 3`, `(nom du fichier)`). */
  field: string;
  message: string;
}

/** The errors among `problems`: what stops a build (the warnings do not). */
export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

/** Reports a problem of one file at a field. */
export type Report = (field: string, message: string) => void;

/**
 * `erreur content/x.md: participants[0].person: « x » n’existe pas dans content/people/`: one
 * line, whatever a file name or a quoted value holds (a line break or a control character is
 * written as its code, `<U+000A>`, and so is a direction character, which would reorder it).
 */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'error' ? 'erreur' : 'avertissement';
  return `${tag} ${p.file}: ${p.field}: ${p.message}`.replace(
    UNPRINTABLE,
    (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/** What a line of a terminal must not print as it is: breaks, controls, direction and format characters. */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]/gu;

/** A path into parsed YAML as messages write it: `participants[0].person`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}
