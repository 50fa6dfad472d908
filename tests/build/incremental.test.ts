/**
 * Incremental builds (`experimental.incrementalBuild`, keys in `src/archive/page-keys.ts`): a
 * rebuild that reuses the previous build's pages must give exactly what a clean build gives.
 * A synthetic archive is built, then changed in every way a page can depend on (a person's
 * name, a topic's label, a place's name, a title, a text, a document removed, one added),
 * built again with the first build's cache, and compared file by file with a clean build of
 * the changed content.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { build, outDirFor, tempDir, type BuildResult } from '../support/build.ts';
import { listFiles } from '../support/dist.ts';

const contentDir = join(tempDir('incremental'), 'content');
const cacheDir = join(tempDir('incremental-cache'), 'cache');
let first: BuildResult;
let rebuilt: BuildResult;
let clean: BuildResult;

/** The first file of a content folder, in name order. */
const firstOf = (folder: string, n = 0) => {
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

beforeAll(() => {
  generateArchive(contentDir, { documents: 40, people: 12, topics: 10, places: 4, years: 2 });
  const env = { ASTRO_CACHE_DIR: cacheDir, SITE_URL: 'https://archive.test' };
  first = build({ contentDir, env });

  edit(firstOf('people'), (t) => t.replace(/^name: (.*)$/m, 'name: $1 (nom corrigé)'));
  edit(firstOf('topics'), (t) => t.replace(/^label: .*$/m, 'label: "Thème renommé"'));
  edit(firstOf('places'), (t) => t.replace(/^name: (.*)$/m, 'name: $1-Ville'));
  edit(firstOf('readouts', 0), (t) => t.replace(/^title: .*$/m, 'title: Un titre corrigé'));
  edit(firstOf('readouts', 1), (t) => `${t}\nUn paragraphe ajouté au texte.\n`);
  const added = readFileSync(firstOf('readouts', 3), 'utf8');
  const date = /^date: (\S+)$/m.exec(added)![1]!;
  rmSync(firstOf('readouts', 2));
  writeFileSync(join(contentDir, 'readouts', date.slice(0, 4), `${date}-document-ajoute.md`), added);

  rebuilt = build({ contentDir, env, outDir: outDirFor('incremental') });
  clean = build({ contentDir, env: { SITE_URL: 'https://archive.test' } });
}, 600_000);

describe('an incremental build', () => {
  test('all three builds succeed', () => {
    for (const result of [first, rebuilt, clean]) expect(result.status, result.output.slice(-3000)).toBe(0);
  });

  test('reuses pages of the previous build and renders the changed ones again', () => {
    expect(counts(first.output).reused).toBe(0);
    const { reused, rendered } = counts(rebuilt.output);
    expect(reused).toBeGreaterThan(0);
    expect(rendered).toBeGreaterThan(0);
  });

  test('gives, file for file and byte for byte, what a clean build of the same content gives', () => {
    const files = listFiles(clean.outDir);
    expect(files.length).toBeGreaterThan(100);
    expect(listFiles(rebuilt.outDir)).toEqual(files);
    const differing = files.filter(
      (f) => !readFileSync(join(clean.outDir, f)).equals(readFileSync(join(rebuilt.outDir, f))),
    );
    expect(differing).toEqual([]);
  });
});
