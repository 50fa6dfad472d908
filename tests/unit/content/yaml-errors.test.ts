/**
 * YAML errors reach authors in French, at the line of the file, saying what to do: one case per
 * kind of mistake a hand-written frontmatter or record makes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '#content/yaml.ts';
import { readFile } from '#content/read.ts';

// prettier-ignore
const cases: [string, string, number, RegExp][] = [
  ['a key written twice', 'title: a\ndate: 2024-05-20\ntitle: b\n', 3, /clé « title » écrite deux fois.*n’en gardez qu’une/],
  ['a quote left open', 'title: "Wang Yi rencontre\ndate: 2024-05-20\n', 2, /guillemet non fermé.*terminez la valeur/],
  ['a list left open', 'name: Pékin\naliases: [Beijing\n', 2, /crochet « \[ ».*non fermé.*« \] »/],
  ['a tab as indentation', 'participants:\n\t- person: wang-yi\n', 2, /indentation incorrecte.*jamais de tabulation/],
  ['a colon in an unquoted value', 'title: Wang Yi: une rencontre\n', 1, /ligne incomprise.*entre guillemets/],
  ['a list item without its dash', 'participants:\n  - person: a\n   role: b\n', 3, /élément de liste sans tiret/],
  ['an unknown tag', 'title: !chose abc\n', 1, /balise YAML inconnue/],
  ['an unknown escape', 'title: "a\\q"\n', 1, /échappement inconnu/],
  ['a second document', 'title: a\n---\ndate: b\n', 2, /second document YAML/],
  ['a value starting with a reserved character', 'title: @wang\n', 1, /ligne incomprise.*« @ »/],
];

describe('YAML errors', () => {
  test.each(cases)('%s: in French, at its line', (_what, text, line, message) => {
    const { data, parseError, parseErrorLine } = parseYaml(text);
    expect(data).toBeUndefined();
    expect(parseError).toMatch(/^YAML illisible : /);
    expect(parseError).toMatch(message);
    expect(parseError, 'no English words of the parser').not.toMatch(/\b(?:at line|column|must|allowed)\b/);
    expect(parseErrorLine).toBe(line);
  });

  test('an alias without its anchor is an error, not a crash', () => {
    expect(parseYaml('title: *x\n').parseError).toMatch(/alias « \* » sans ancre/);
  });

  test('a document gives the line of the file, below the opening « --- »', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-line-'));
    const abs = join(dir, '2024-05-21-x.md');
    writeFileSync(abs, '---\ntitle: a\ndate: 2024-05-21\ntitle: b\n---\n\nTexte.\n');
    const file = readFile({ collection: 'readouts', path: 'x.md', abs, id: '2024-05-21-x' });
    expect(file.unreadable?.message).toMatch(/clé « title » écrite deux fois/);
    expect(file.unreadable?.field).toBe('ligne 4');
  });

  test('valid YAML has no error', () => {
    expect(parseYaml('title: "Wang Yi : une rencontre"\n')).toEqual({ data: { title: 'Wang Yi : une rencontre' } });
  });
});
