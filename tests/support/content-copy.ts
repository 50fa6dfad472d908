/**
 * Content folders for tests of bad (and unusual) input: a copy of the archive the tests read
 * (`content/`, or the grown archive of the second test project, see `tests/global-setup.ts`)
 * in a temporary folder, with the files of one or more fixture folders laid over it.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { root, tempDir } from './build.ts';

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
    // Symbolic links are copied as links (to the absolute path of their target): fixtures hold some.
    cpSync(from, dir, { recursive: true, filter: (source) => source !== removed });
  }
  return dir;
}

/** A copy of the archive under test with each overlay folder copied on top. */
export function contentWith(...overlays: string[]): string {
  return copyContent(inject('contentDir'), ...overlays);
}
