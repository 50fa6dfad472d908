/**
 * Content folders for tests of bad (and unusual) input: a copy of the archive the tests read
 * (`content/`, or the grown archive of the second test project, see `tests/global-setup.ts`)
 * in a temporary folder, with the files of one or more fixture folders laid over it.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { root, tempDir } from './build.ts';
import { testContentDir } from './content.ts';

export const fixtures = join(root, 'tests', 'fixtures');

/**
 * What an overlay removes from the copy, one path (relative to the content folder) per line:
 * a file of the overlay's own, never copied, for the fixtures of a deleted file.
 */
const REMOVE = 'REMOVE';

/** A copy of `base` with each overlay folder (under `tests/fixtures/`) copied on top. */
export function copyContent(base: string, ...overlays: string[]): string {
  const dir = join(tempDir('content'), 'content');
  cpSync(base, dir, { recursive: true });
  for (const overlay of overlays) {
    const from = join(fixtures, overlay);
    const removed = join(from, REMOVE);
    if (existsSync(removed)) {
      for (const path of readFileSync(removed, 'utf8').split('\n').filter(Boolean)) rmSync(join(dir, path));
    }
    const redirects = join(dir, REDIRECTS);
    const kept = (existsSync(redirects) && entries(readFileSync(redirects, 'utf8'))) || [];
    // Symbolic links are copied as links (to the absolute path of their target): fixtures hold some.
    cpSync(from, dir, { recursive: true, filter: (source) => source !== removed });
    // An overlay's redirects come on top of the archive's, which stay: a published address keeps
    // its redirect. The overlay's file is kept as it is when the archive has none (its lines are
    // what a test's messages point at).
    const added = join(from, REDIRECTS);
    const own = existsSync(added) ? entries(readFileSync(added, 'utf8')) : undefined;
    if (kept.length > 0 && own !== undefined) writeFileSync(redirects, stringify([...own, ...kept]));
  }
  return dir;
}

const REDIRECTS = 'redirects.yaml';

/** The entries of a redirects file; undefined when it is not a list (an invalid fixture's own, kept as it is). */
function entries(text: string): unknown[] | undefined {
  try {
    const value: unknown = parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A copy of the archive under test (see `testContentDir`) with each overlay folder copied on top. */
export function contentWith(...overlays: string[]): string {
  return copyContent(testContentDir(), ...overlays);
}
