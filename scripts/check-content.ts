/**
 * `npm run check:content`: the validation the build runs, without building, for authors.
 * Prints every problem (errors and warnings) and exits with 1 when there is an error.
 */
import { resolve } from 'node:path';
import { checkContent } from '#features/guard/check.ts';
import { contentDirOf } from '#content/folder.ts';
import { errorsOf, formatProblem, type Problem } from '#content/problem.ts';

const root = resolve(import.meta.dirname, '..');
let problems: Problem[];
try {
  problems = checkContent(root, contentDirOf(root));
} catch (error) {
  // A fault of the check, not of the content: one line, and the stack only when asked for.
  console.error(`erreur interne de la vérification : ${error instanceof Error ? error.message : String(error)}`);
  if (process.env['DEBUG']) console.error(error);
  process.exit(2);
}
const errors = errorsOf(problems);
for (const p of problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
const warnings = problems.length - errors.length;
console.log(
  errors.length === 0
    ? `Contenu valide (${warnings} avertissement(s)).`
    : `Contenu invalide : ${errors.length} erreur(s), ${warnings} avertissement(s).`,
);
process.exitCode = errors.length === 0 ? 0 : 1;
