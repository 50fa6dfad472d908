/**
 * A refused content stops a build before it writes anything into the output: the build waits
 * for the content check's verdict at the end of Vite's bundle, before the bundle writes into the
 * output and before Astro generates any page (`src/content/checked.ts`), the documents' files
 * are written only after it, and the marker of a build in progress is dropped
 * (`src/features/incremental/`). So the last build's output stays
 * as it was, file for file, and once the content is mended the next build reuses its pages
 * instead of starting from nothing. Built from a copy of `content/`, whatever it holds, refused
 * twice: for a person record that Astro's loader cannot read either (the loader then waits for
 * the verdict, so that the check's message is the one given), and for a document naming a person
 * who does not exist, which the loader reads and the check refuses, at the end of the bundle.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listFiles } from '#features/site-files.ts';
import { build, removeBuild, root, tempDir, type BuildResult } from '../support/build.ts';

const contentDir = join(tempDir('refused'), 'content');
const badRecord = join(contentDir, 'people', 'personne-refusee.yaml');
const env = { SITE_URL: 'https://archive.test' };

/** A copy of the archive's first document, under another name, whose first participant does not exist. */
function writeBadDocument(): string {
  const readouts = join(contentDir, 'readouts');
  const model = readdirSync(readouts, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()[0]!;
  const source = readFileSync(join(readouts, model), 'utf8');
  const file = join(readouts, model.replace(/\.md$/, '-refuse.md'));
  const text = source.replace(/^(\s*-\s*person:\s*).*$/m, '$1personne-inexistante');
  expect(text).not.toBe(source);
  writeFileSync(file, `${text}\nUn paragraphe propre au document refusé.\n`);
  return file;
}

/** Every file of the output, with its bytes' digest and its time of writing. */
function snapshot(outDir: string): Map<string, { digest: string; mtime: number }> {
  return new Map(
    listFiles(outDir).map((f) => [
      f,
      {
        digest: createHash('sha256')
          .update(readFileSync(join(outDir, f)))
          .digest('hex'),
        mtime: statSync(join(outDir, f)).mtimeMs,
      },
    ]),
  );
}

let first: BuildResult;
let unreadable: BuildResult;
let refused: BuildResult;
let mended: BuildResult;
let before: ReturnType<typeof snapshot>;
let afterRefusals: ReturnType<typeof snapshot>;
let afterMending: ReturnType<typeof snapshot>;
let markerLeft: boolean;

beforeAll(() => {
  cpSync(join(root, 'content'), contentDir, { recursive: true });
  first = build({ contentDir, env });
  before = snapshot(first.outDir);
  // A name must be text: the check refuses it, and so would Astro's schema.
  writeFileSync(badRecord, 'name: 42\n');
  unreadable = build({ contentDir, env, outDir: first.outDir });
  rmSync(badRecord);
  const badDocument = writeBadDocument();
  refused = build({ contentDir, env, outDir: first.outDir });
  afterRefusals = snapshot(first.outDir);
  markerLeft = existsSync(join(`${first.outDir}-cache`, 'readout-archive', 'build-in-progress'));
  rmSync(badDocument);
  mended = build({ contentDir, env, outDir: first.outDir });
  afterMending = snapshot(first.outDir);
}, 600_000);

afterAll(() => {
  if (first) removeBuild(first.outDir);
});

test('the first build succeeds and writes pages', () => {
  expect(first.status, first.output.slice(-3000)).toBe(0);
  expect([...before.keys()].filter((f) => f.endsWith('index.html')).length).toBeGreaterThan(0);
});

test('a record Astro cannot read either fails the build with the check’s message, naming the file and the field', () => {
  expect(unreadable.status).toBe(1);
  expect(unreadable.output).toMatch(/people\/personne-refusee\.yaml: name/);
  expect(unreadable.output).toContain('Contenu invalide');
  expect(unreadable.output).not.toContain('generating static routes');
});

test('a document the loader reads but the check refuses fails the build at the end of the bundle, before any page', () => {
  expect(refused.status).toBe(1);
  expect(refused.output).toMatch(/-refuse\.md: participants\[0\]\.person: « personne-inexistante »/);
  expect(refused.output).toContain('Contenu invalide');
  expect(refused.output).not.toContain('generating static routes');
});

test('the refused builds leave the output as it was, file for file, and no marker of a build in progress', () => {
  expect([...afterRefusals.keys()]).toEqual([...before.keys()]);
  // Not one file written again, not even with the same bytes: not a page, not the style sheet,
  // not a file of `public/`.
  for (const [file, was] of before) expect(afterRefusals.get(file), file).toEqual(was);
  expect(markerLeft).toBe(false);
});

test('once mended, the next build reuses the pages of the last one and gives the same output', () => {
  expect(mended.status, mended.output.slice(-3000)).toBe(0);
  expect(mended.output).toContain('(cached)');
  expect([...afterMending.keys()]).toEqual([...before.keys()]);
  for (const [file, was] of before) expect(afterMending.get(file)?.digest, file).toBe(was.digest);
});
