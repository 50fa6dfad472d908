/**
 * Preview images are cached by what they show: a first build draws every document's image and
 * keeps it in the build cache, outside the output; a rebuild after one title changed draws that
 * document's image alone and takes the others from the cache, byte for byte. Two builds of a copy
 * of the archive with one document more, on the « archive » project only: the cache behaves the
 * same whatever the content, and the other archives' images are checked in `social.test.ts`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, removeBuild, tempDir, type BuildResult } from '../support/build.ts';
import { contentWith } from '../support/content-copy.ts';
import { readouts } from '../support/content.ts';

const SITE = 'https://archive.test';
const docs = readouts();

describe('preview images are cached by what they show', () => {
  const seed = docs.find((d) => d.id === '2024-05-20-wang-yi-sergei-aleinik')!;
  const copy = '2024-05-21-essai-apercu';
  const cache = tempDir('preview-cache');
  const previews = join(cache, 'readout-archive', 'previews');
  let content: string;
  let first: BuildResult;
  let second: BuildResult;
  let before: Map<string, number>;

  /** `aperçus : N images, N dessinée(s), N reprise(s) du cache` from a build's log. */
  const counts = (result: BuildResult) => {
    const m = /aperçus : (\d+) images, (\d+) dessinée\(s\), (\d+) reprise\(s\) du cache/.exec(result.output);
    return m ? { images: Number(m[1]), drawn: Number(m[2]), reused: Number(m[3]) } : undefined;
  };
  const mtimes = () => new Map(readdirSync(previews).map((f) => [f, statSync(join(previews, f)).mtimeMs]));
  const writeCopy = (title: string) => {
    const source = readFileSync(seed.file, 'utf8')
      .replace(/^title: .*$/m, `title: "${title}"`)
      .replace(/^date: .*$/m, 'date: 2024-05-21');
    // A paragraph of its own: the archive refuses one text twice.
    writeFileSync(join(content, 'readouts', '2024', `${copy}.md`), `${source}\nUn paragraphe propre à la copie.\n`);
  };

  beforeAll(() => {
    content = contentWith();
    writeCopy('Essai d’aperçu');
    first = build({ contentDir: content, env: { SITE_URL: SITE, ASTRO_CACHE_DIR: cache } });
    expect(first.status, first.output).toBe(0);
    before = mtimes();
    writeCopy('Essai d’aperçu, titre corrigé');
    second = build({ contentDir: content, env: { SITE_URL: SITE, ASTRO_CACHE_DIR: cache } });
    expect(second.status, second.output).toBe(0);
  });

  afterAll(() => {
    for (const result of [first, second]) if (result) removeBuild(result.outDir);
  });

  test('a first build draws every image and keeps it outside the output', () => {
    expect(counts(first)).toEqual({ images: docs.length + 1, drawn: docs.length + 1, reused: 0 });
    expect(before.size).toBe(docs.length + 1);
    expect(readdirSync(first.outDir, { recursive: true, encoding: 'utf8' }).some((f) => f.includes('previews'))).toBe(
      false,
    );
  });

  test('a rebuild draws only the image of the document whose title changed, and drops its old one', () => {
    expect(counts(second)).toEqual({ images: docs.length + 1, drawn: 1, reused: docs.length });
    const after = mtimes();
    expect(after.size).toBe(before.size);
    const kept = [...before].filter(([file]) => after.has(file));
    expect(kept).toHaveLength(before.size - 1);
    for (const [file, mtime] of kept) expect(after.get(file), file).toBe(mtime);
  });

  test('the image of an unchanged document is the cached file, byte for byte', () => {
    const path = (dir: string, id: string) => join(dir, 'comptes-rendus', id, 'apercu.png');
    const seedPng = readFileSync(path(second.outDir, seed.id));
    expect(seedPng.equals(readFileSync(path(first.outDir, seed.id)))).toBe(true);
    expect([...mtimes().keys()].some((f) => readFileSync(join(previews, f)).equals(seedPng))).toBe(true);
    expect(readFileSync(path(second.outDir, copy)).equals(readFileSync(path(first.outDir, copy)))).toBe(false);
  });
});
