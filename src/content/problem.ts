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

/** Reports a problem of one file at a field. */
export type Report = (field: string, message: string) => void;

/** `erreur content/x.md: participants[0].person: « x » n’existe pas dans content/people/` */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'error' ? 'erreur' : 'avertissement';
  return `${tag} ${p.file}: ${p.field}: ${p.message}`;
}

/** A path into parsed YAML as messages write it: `participants[0].person`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}
