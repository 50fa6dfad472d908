/**
 * Content folders for tests of bad (and unusual) input: a copy of `content/` in a temporary
 * folder, with the files of one or more fixture folders laid over it at the same paths.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { root, tempDir } from './build.ts';

export const fixtures = join(root, 'tests', 'fixtures');

/** A copy of `content/` with each overlay folder (under `tests/fixtures/`) copied on top. */
export function contentWith(...overlays: string[]): string {
  const dir = join(tempDir('content'), 'content');
  cpSync(join(root, 'content'), dir, { recursive: true });
  for (const overlay of overlays) cpSync(join(fixtures, overlay), dir, { recursive: true });
  return dir;
}
