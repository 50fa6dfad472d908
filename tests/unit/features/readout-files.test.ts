import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeReadoutFiles } from '#features/readout-files/build.ts';
import { readContent } from '#content/read.ts';
import { buildArchive } from '#archive/archive.ts';
import { readoutFiles } from '#features/readout-files/files.ts';
import { absoluteUrls } from '#archive/urls.ts';
import { parseEntries } from '#content/entries.ts';
import { root, tempDir } from '../../support/build.ts';
import { contentWith } from '../../support/content-copy.ts';
import { readouts } from '../../support/content.ts';

const site = 'https://archive.test';
const base = '/archive/';

function job(contentDir: string, cache: string) {
  return {
    root,
    contentDir,
    site,
    base,
    fontsDir: join(root, 'src/assets/fonts'),
    previewCacheDir: cache,
    manifestFile: join(cache, '..', 'readout-files.json'),
    check: {},
  };
}
const outDir = () => join(tempDir('document-files'), 'out');

describe('writeReadoutFiles: the files next to every document, written at once', () => {
  const cache = join(tempDir('document-files-cache'), 'previews');
  const contentDir = join(root, 'content');
  const first = writeReadoutFiles(job(contentDir, cache), outDir());
  const ids = readouts().map((r) => r.id);

  test('six files per document, at their routes, and nothing else', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(first.documents).toBe(ids.length);
    const expected = ids.flatMap((id) => [
      `comptes-rendus/${id}/source.md`,
      `comptes-rendus/${id}/citation.json`,
      `comptes-rendus/${id}/citation.bib`,
      `comptes-rendus/${id}/citation.ris`,
      `api/comptes-rendus/${id}.json`,
      `comptes-rendus/${id}/apercu.png`,
    ]);
    expect([...first.routes].sort()).toEqual([...expected].sort());
  });

  test('each file holds what the pure function says, from the collections as Astro reads them', () => {
    const out = outDir();
    const result = writeReadoutFiles(job(contentDir, cache), out);
    const archive = buildArchive(parseEntries(readContent(root, contentDir).files));
    for (const readout of archive.readouts) {
      const source = readFileSync(join(root, readout.filePath!));
      for (const file of readoutFiles(readout, archive, source, absoluteUrls(site, base))) {
        expect(readFileSync(join(out, file.route))).toEqual(Buffer.from(file.contents));
      }
    }
    // The source is the file as stored, byte for byte; the JSON names the site's own addresses.
    const [id] = ids;
    expect(readFileSync(join(out, `comptes-rendus/${id}/source.md`))).toEqual(readFileSync(readouts()[0]!.file));
    expect(readFileSync(join(out, `api/comptes-rendus/${id}.json`), 'utf8')).toContain(
      `"url": "${site}${base}comptes-rendus/${id}/"`,
    );
    expect(result.previews).toEqual({ drawn: 0, cached: ids.length });
  });

  test('previews are drawn once, then taken from the cache as links, not copies', () => {
    expect(first.previews).toEqual({ drawn: ids.length, cached: 0 });
    const again = writeReadoutFiles(job(contentDir, cache), outDir());
    expect(again.previews).toEqual({ drawn: 0, cached: ids.length });
    const [cached] = readdirSync(cache);
    expect(statSync(join(cache, cached!)).nlink).toBeGreaterThan(1);
  });

  test('a new document gets its image drawn; the others come from the cache', () => {
    const dir = contentWith('content-links');
    const result = writeReadoutFiles(job(dir, cache), outDir());
    expect(result.documents).toBeGreaterThan(ids.length);
    expect(result.previews.drawn).toBe(result.documents - ids.length);
    expect(readdirSync(cache)).toHaveLength(result.documents);
  });

  test('the cache keeps the images of the latest build only', () => {
    writeReadoutFiles(job(contentDir, cache), outDir());
    expect(readdirSync(cache)).toHaveLength(ids.length);
  });
});
