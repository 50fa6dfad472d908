/**
 * Content folders for tests of bad (and unusual) input: a copy of the archive the tests read
 * (`content/`, or the grown archive of the second test project, see `tests/global-setup.ts`)
 * in a temporary folder, with the files of one or more fixture folders laid over it.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { root, tempDir } from './build.ts';

export const fixtures = join(root, 'tests', 'fixtures');

/** A copy of `base` with each overlay folder (under `tests/fixtures/`) copied on top. */
export function copyContent(base: string, ...overlays: string[]): string {
  const dir = join(tempDir('content'), 'content');
  cpSync(base, dir, { recursive: true });
  for (const overlay of overlays) cpSync(join(fixtures, overlay), dir, { recursive: true });
  return dir;
}

/** A copy of the archive under test with each overlay folder copied on top. */
export function contentWith(...overlays: string[]): string {
  return copyContent(inject('contentDir'), ...overlays);
}
