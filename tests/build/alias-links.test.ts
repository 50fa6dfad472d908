import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement, Node } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { checkContent } from '#features/guard/check.ts';
import { formatProblem } from '#content/problem.ts';
import { root } from '../support/build.ts';
import { readouts, records } from '../support/content.ts';
import { contentWith } from '../support/content-copy.ts';
import { fileForPath, page } from '../support/dist.ts';

const docs = readouts();
const seed = readFileSync(join(root, 'tests/fixtures/seeds/000_500df64e896cbe1d.txt'), 'utf8').split('\n');
const seedId = '2024-05-20-wang-yi-sergei-aleinik';

/** Each record's page (relative to the base) and aliases, read from the YAML files. */
const folders = { people: 'personnes', topics: 'themes', places: 'lieux' } as const;
const aliasesOf = new Map<string, string[]>(
  (['people', 'topics', 'places'] as const).flatMap((c) =>
    records(c).map((r) => [`${folders[c]}/${r.id}/`, (r.data['aliases'] as string[] | undefined) ?? []] as const),
  ),
);

/** Where `alias` occurs in `text` as a whole word (not inside a longer one), independently of the site's code. */
function wordIndex(text: string, alias: string): number {
  const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text)?.index ?? -1;
}

/** How many characters of `container`'s text come before `target`. */
function offsetOf(container: Node, target: Node): number | undefined {
  let offset = 0;
  const walk = (node: Node): boolean => {
    if (node === target) return true;
    if (node.childNodes.length === 0) offset += node.textContent.length;
    return node.childNodes.some(walk);
  };
  return walk(container) ? offset : undefined;
}

describe.each([
  ['at the root', 'distDir', '/'],
  ['under /archive/', 'distDirBase', '/archive/'],
] as const)('names in the text %s', (_where, build, base) => {
  const paragraphsOf = (id: string): HTMLElement[] =>
    page(inject(build), `${base}comptes-rendus/${id}/`, base).querySelectorAll('.body p');
  const linksIn = (p: HTMLElement) => p.querySelectorAll('a.record-link');

  test('the seed text is still the seed, character for character, with its names linked', () => {
    const paragraphs = paragraphsOf(seedId);
    expect(paragraphs.map((p) => p.textContent)).toEqual(seed);
    expect(paragraphs.flatMap(linksIn).length).toBeGreaterThan(seed.length);
  });

  test.each([
    'Wang Yi',
    'Sergueï Aleïnik',
    'Alexandre Loukachenko',
    'Astana',
    'Organisation de coopération de Shanghai',
    'BRICS',
    'Nations Unies',
  ])('« %s » in the seed links to the record that lists it as an alias', (alias) => {
    const owners = [...aliasesOf].filter(([, aliases]) => aliases.includes(alias)).map(([route]) => route);
    expect(owners).toHaveLength(1);
    const links = paragraphsOf(seedId)
      .flatMap(linksIn)
      .filter((a) => a.textContent === alias);
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(a.getAttribute('href')).toBe(`${base}${owners[0]}`);
  });

  test.each(docs.map((d) => [d.id] as const))(
    'in %s each link is a name of an existing record, at its first mention in the document',
    (id) => {
      const body = page(inject(build), `${base}comptes-rendus/${id}/`, base).querySelector('.body')!;
      const text = body.textContent;
      const seen = new Set<string>();
      for (const a of linksIn(body)) {
        const href = a.getAttribute('href')!;
        expect(href.startsWith(base), href).toBe(true);
        expect(fileForPath(inject(build), href, base), href).toBeDefined();
        const route = href.slice(base.length);
        const aliases = aliasesOf.get(route) ?? [];
        expect(aliases, href).toContain(a.textContent);
        expect(seen.has(route), `${route} linked twice in the document`).toBe(false);
        seen.add(route);
        const at = offsetOf(body, a)!;
        expect(text.slice(at, at + a.textContent.length)).toBe(a.textContent);
        for (const alias of aliases) {
          const first = wordIndex(text, alias);
          if (first !== -1) expect(first, `${alias} before the link`).toBeGreaterThanOrEqual(at);
        }
        expect(a.querySelector('a'), 'a link inside a link').toBeNull();
        expect(a.parentNode?.closest('a'), 'a link inside a link').toBeNull();
      }
    },
  );

  test('the seed links each name once, at its first mention: Wang Yi, named in three paragraphs, in the first only', () => {
    const paragraphs = paragraphsOf(seedId);
    const wangYi = (p: HTMLElement) => p.querySelectorAll('a.record-link').filter((a) => a.textContent === 'Wang Yi');
    expect(paragraphs.slice(0, 3).map((p) => p.textContent.includes('Wang Yi'))).toEqual([true, true, true]);
    expect(paragraphs.map((p) => wangYi(p).length)).toEqual([1, 0, 0, 0]);
    const hrefs = paragraphs.flatMap(linksIn).map((a) => a.getAttribute('href'));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});

describe('an alias that no document contains', () => {
  test('is reported as a warning naming the record file and the alias', () => {
    const content = contentWith();
    const file = join(content, 'people', 'wang-yi.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n  - Nom que nul texte n’écrit\n`);
    const problems = checkContent(root, content).filter((p) => p.field.startsWith('aliases'));
    const lines = problems.map(formatProblem);
    expect(lines.filter((l) => l.includes('Nom que nul texte n’écrit'))).toEqual([
      expect.stringMatching(/^avertissement \S*people\/wang-yi\.yaml: aliases\[\d+\]: /),
    ]);
    expect(lines.filter((l) => l.includes('« Wang Yi »'))).toEqual([]);
  });
});
