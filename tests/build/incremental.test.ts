/**
 * Incremental builds: a build updates the previous output in place (`src/features/incremental/`),
 * keeps the pages whose key is unchanged (`experimental.incrementalBuild`, keys in
 * `src/archive/page-keys.ts`) and the files beside them that are unchanged, and must give exactly
 * what a clean build gives. A synthetic archive is built once; then each change an archivist
 * makes (a document added, one of an earlier year, a text changed, a second account of a
 * meeting added, a document removed, a person record changed, and several changes at once) is
 * made in turn, the site is built again into the same folder with
 * the same cache, and the result is compared file by file with a clean build of the same content.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { build, buildAsync, outDirFor, removeBuild, root, tempDir, type BuildResult } from '../support/build.ts';
import { listFiles } from '../support/dist.ts';
import { buildArchive, recordsOf } from '#archive/archive.ts';
import { parseEntries } from '#content/entries.ts';
import { readContent } from '#content/read.ts';

const contentDir = join(tempDir('incremental'), 'content');
const cacheDir = join(tempDir('incremental-cache'), 'cache');
const outDir = outDirFor('incremental');
const env = { ASTRO_CACHE_DIR: cacheDir, SITE_URL: 'https://archive.test' };

/** The n-th file of a content folder, in name order. */
const nth = (folder: string, n = 0) => {
  const files = readdirSync(join(contentDir, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(md|yaml)$/.test(f))
    .sort();
  return join(contentDir, folder, files[n]!);
};
const edit = (file: string, change: (text: string) => string) => {
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  expect(changed, file).not.toBe(text);
  writeFileSync(file, changed);
};
/** Pages Astro took from the previous build, and pages it rendered, from its log (coloured where CI is set). */
const counts = (log: string) => {
  const output = stripVTControlCharacters(log);
  return {
    reused: (output.match(/\((?:cached|restored)\)/g) ?? []).length,
    rendered: (output.match(/├─ \S+ \(\+/g) ?? []).length,
  };
};

/** The documents whose pages Astro rendered, from its log. */
const renderedReadouts = (log: string) =>
  [...stripVTControlCharacters(log).matchAll(/├─ \/comptes-rendus\/(\d[^/]*)\/index\.html \(\+/g)]
    .map((m) => m[1]!)
    .sort();

/** The documents that name a person, as participant or mention. */
const naming = (personFile: string) => {
  const id = personFile.replace(/^.*\//, '').replace(/\.yaml$/, '');
  const archive = buildArchive(parseEntries(readContent(root, contentDir).files));
  return archive.readouts
    .filter((r) => {
      const { participants, mentions } = recordsOf(r, archive);
      return [...participants, ...mentions].some((p) => p.person.id === id);
    })
    .map((r) => r.id)
    .sort();
};

/** The changes an archivist makes, each on top of the ones before. */
const changes: [string, () => void][] = [
  [
    'a document added',
    () => {
      const added = readFileSync(nth('readouts', 3), 'utf8');
      const date = /^date: (\S+)$/m.exec(added)![1]!;
      // Another document's text, with a paragraph of its own: the archive refuses one text twice.
      writeFileSync(
        join(contentDir, 'readouts', date.slice(0, 4), `${date}-document-ajoute.md`),
        `${added}\nUn paragraphe propre au document ajouté.\n`,
      );
    },
  ],
  [
    // Every record's chart spans the archive's years: all of them change.
    'a document of a year before the others added',
    () => {
      const source = readFileSync(nth('readouts', 4), 'utf8');
      const date = /^date: (\S+)$/m.exec(source)![1]!;
      const earlier = `${Number(date.slice(0, 4)) - 3}${date.slice(4)}`;
      mkdirSync(join(contentDir, 'readouts', earlier.slice(0, 4)), { recursive: true });
      writeFileSync(
        join(contentDir, 'readouts', earlier.slice(0, 4), `${earlier}-annee-anterieure.md`),
        `${source.replaceAll(date, earlier)}\nUn paragraphe propre au document de l’année antérieure.\n`,
      );
    },
  ],
  ['a text changed', () => edit(nth('readouts', 1), (t) => `${t}\nUn paragraphe ajouté au texte.\n`)],
  [
    // The first account's page now lists the second, and lists group them: their keys must say so.
    'a second account of a meeting added',
    () => {
      const first = nth('readouts', 5);
      edit(first, (t) => t.replace(/^date: (.*)$/m, 'date: $1\nmeeting: une-rencontre'));
      const source = readFileSync(first, 'utf8');
      const date = /^date: (\S+)$/m.exec(source)![1]!;
      writeFileSync(
        join(contentDir, 'readouts', date.slice(0, 4), `${date}-second-compte-rendu.md`),
        source
          .replace(/^language: .*$/m, 'language: en')
          .replace(/\n---\n\n/, '\n---\n\nThe other side’s account.\n\n'),
      );
    },
  ],
  ['a document removed', () => rmSync(nth('readouts', 2))],
  ['a person record changed', () => edit(nth('people'), (t) => t.replace(/^name: (.*)$/m, 'name: $1 (nom corrigé)'))],
  [
    'a title, a topic and a place changed at once',
    () => {
      edit(nth('readouts', 0), (t) => t.replace(/^title: .*$/m, 'title: Un titre corrigé'));
      edit(nth('topics'), (t) => t.replace(/^label: .*$/m, 'label: "Thème renommé"'));
      edit(nth('places'), (t) => t.replace(/^name: (.*)$/m, 'name: $1-Ville'));
    },
  ],
];

let first: BuildResult;
beforeAll(() => {
  generateArchive(contentDir, { documents: 40, people: 12, topics: 10, places: 4, years: 2 });
  first = build({ contentDir, env, outDir });
}, 300_000);

test('the first build succeeds, rendering every page', () => {
  expect(first.status, first.output.slice(-3000)).toBe(0);
  expect(counts(first.output).reused).toBe(0);
});

describe.each(changes)('after %s, a build into the same folder', (_what, change) => {
  let rebuilt: BuildResult;
  let clean: BuildResult;
  beforeAll(async () => {
    change();
    // The rebuild and the clean build at once, one per core.
    [rebuilt, clean] = await Promise.all([
      buildAsync({ contentDir, env, outDir }),
      buildAsync({ contentDir, env: { SITE_URL: env.SITE_URL } }),
    ]);
  }, 300_000);

  test('succeeds, reusing pages of the previous build and rendering the changed ones', () => {
    expect(rebuilt.status, rebuilt.output.slice(-3000)).toBe(0);
    const { reused, rendered } = counts(rebuilt.output);
    expect(reused).toBeGreaterThan(0);
    expect(rendered).toBeGreaterThan(0);
  });

  test('gives, file for file and byte for byte, what a clean build of the same content gives', () => {
    expect(clean.status, clean.output.slice(-3000)).toBe(0);
    const files = listFiles(clean.outDir);
    expect(files.length).toBeGreaterThan(100);
    expect(listFiles(rebuilt.outDir)).toEqual(files);
    const differing = files.filter(
      (f) => !readFileSync(join(clean.outDir, f)).equals(readFileSync(join(rebuilt.outDir, f))),
    );
    expect(differing).toEqual([]);
    removeBuild(clean.outDir);
  });
});

test('a person record changed renders again the pages of the documents that name the person, and no other', () => {
  const person = nth('people', 1);
  const expected = naming(person);
  expect(expected.length).toBeGreaterThan(0);
  edit(person, (t) => t.replace(/^name: (.*)$/m, 'name: $1 (deuxième correction)'));
  const rebuilt = build({ contentDir, env, outDir });
  expect(rebuilt.status, rebuilt.output.slice(-3000)).toBe(0);
  expect(renderedReadouts(rebuilt.output)).toEqual(expected);
}, 300_000);
