/**
 * `docs/validation.md` says what the checks print, and cannot drift from the code: every
 * message that the fixtures make the checks print (each invalid fixture of
 * `tests/fixtures/invalid/`, the warning fixtures, made-up broken builds) matches a message of
 * the page's tables, and every message of the tables is printed by at least one of them. In
 * the page, a quoted value `« … »` stands for any value, an id between backticks for any id, a
 * number for any number, `…` for any text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '#features/guard/check.ts';
import { checkOutput } from '#features/permanence/output-check.ts';
import { root } from '../../support/build.ts';
import { brokenBuilds, facts } from '../../support/build-facts.ts';
import { contentWith, fixtures } from '../../support/content-copy.ts';
import { contentWithGenerated, generatedCases } from '../../support/generated-invalid.ts';

/** The messages of the page: every code span of the last column of every table row. */
function documentedMessages(): string[] {
  const page = readFileSync(join(root, 'docs', 'validation.md'), 'utf8');
  return page
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .flatMap((line) => {
      const cells = line.split(/(?<!\\)\|/).slice(1, -1);
      // `` … `id` … `` holds a message that quotes an id between backticks.
      return [...(cells.at(-1) ?? '').matchAll(/``\s?(.+?)\s?``|`([^`]+)`/g)].map((m) => (m[1] ?? m[2])!);
    })
    .filter((message) => message !== 'message');
}

/**
 * A documented message as a pattern: a quoted value, a file of `content/`, a field
 * (`participants[0].person`), a number or `…` stands for any such thing.
 */
function pattern(message: string): RegExp {
  const parts = message.split(/(« [^«»]* »|`[a-z0-9-]+`|\S*content\/[\w./-]*|[a-z]+\[\d+\](?:\.[a-z]+)?|…|\d+)/);
  const source = parts
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (part === '…') return '.*';
      if (/^\d+$/.test(part)) return '\\d+';
      if (part.startsWith('«')) return '« .+? »';
      if (part.startsWith('`')) return '`[a-z0-9-]+`';
      if (part.includes('content/')) return '\\S*content\\/\\S*';
      return '[\\w[\\].]+';
    })
    .join('');
  return new RegExp(`^${source}$`, 's');
}

/** Every message the checks print for the fixtures (and the inputs written at test time), errors and warnings. */
function printedMessages(): string[] {
  const invalid = readdirSync(join(fixtures, 'invalid')).map((name) => contentWith(`invalid/${name}`));
  const warnings = readdirSync(join(fixtures, 'content-warning')).map((name) => contentWith(`content-warning/${name}`));
  const generated = generatedCases.map(contentWithGenerated);
  const content = [...invalid, ...warnings, ...generated].flatMap((dir) => checkContent(root, dir));
  const built = [...brokenBuilds.map(([, overrides]) => overrides), {}].flatMap((overrides) => checkOutput(facts(overrides)));
  return [...new Set([...content, ...built].map((p) => p.message))];
}

describe('docs/validation.md', () => {
  const documented = documentedMessages().map((message) => ({ message, pattern: pattern(message) }));
  const printed = printedMessages();

  test('lists messages, and the fixtures print some', () => {
    expect(documented.length).toBeGreaterThan(30);
    expect(printed.length).toBeGreaterThan(30);
  });

  test.each(printed)('documents « %s »', (message) => {
    expect(documented.filter((d) => d.pattern.test(message)).map((d) => d.message)).not.toEqual([]);
  });

  test.each(documented.map((d) => [d.message, d.pattern] as const))('« %s » is printed by a fixture', (_message, re) => {
    expect(printed.filter((message) => re.test(message))).not.toEqual([]);
  });
});
