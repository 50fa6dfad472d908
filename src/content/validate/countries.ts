/**
 * `content/countries.yaml`: the country names the archive writes otherwise than CLDR. Optional;
 * when present, a mapping of assigned ISO 3166-1 alpha-2 codes to French names, each of which
 * differs from the one CLDR gives (a line that repeats CLDR is a warning: it would hide a
 * correction of CLDR's data for nothing).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cldrCountryName, COUNTRY_NAMES_FILE, isCountryCode } from '../countries.ts';
import type { Problem } from '../problem.ts';
import { displayPath } from '../read.ts';
import { readText } from '../text-file.ts';
import { textProblems } from './text.ts';
import { parseYaml } from '../yaml.ts';
import { yamlErrorField } from '../yaml-errors.ts';

export function countryNameProblems(root: string, contentDir: string): Problem[] {
  const abs = join(contentDir, COUNTRY_NAMES_FILE);
  if (!existsSync(abs)) return [];
  const file = displayPath(root, abs);
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], field: string, message: string) =>
    problems.push({ severity, file, field, message });
  const read = readText(abs);
  if ('unreadable' in read) {
    report('error', read.unreadable.field, read.unreadable.message);
    return problems;
  }
  const { data, parseError, parseErrorLine } = parseYaml(read.text);
  if (parseError !== undefined) {
    report('error', yamlErrorField(parseErrorLine), parseError);
    return problems;
  }
  if (data === null || data === undefined) return problems;
  if (typeof data !== 'object' || Array.isArray(data)) {
    report('error', '(racine)', 'attendu : des lignes « CODE: Nom », comme « BY: Bélarus »');
    return problems;
  }
  // A name is published on one line, like every text value of the archive.
  const refused = textProblems(data, (field, message) => report('error', field, message));
  for (const [code, name] of Object.entries(data)) {
    if (refused.has(code)) continue;
    if (!isCountryCode(code)) {
      report(
        'error',
        code,
        `« ${code} » n’est pas un code pays ISO 3166-1 alpha-2 attribué : attendu deux lettres majuscules comme « FR », « CN » ou « BY »`,
      );
    } else if (typeof name !== 'string' || name.trim() === '') {
      report('error', code, 'attendu : le nom français du pays (texte), non vide');
    } else if (name === cldrCountryName(code)) {
      report('warning', code, `« ${name} » est déjà le nom que donnent les données CLDR : supprimez la ligne`);
    }
  }
  return problems;
}
