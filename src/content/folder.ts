/**
 * Where the archive's content lives: `content/` at the project's root. `CONTENT_DIR` points
 * elsewhere for the tests and the benchmark, which build from temporary folders; authors never
 * set it. The one place this default is written.
 */
import { resolve } from 'node:path';

/** The content folder, relative to the project's root. */
export const DEFAULT_CONTENT_DIR = './content';

/** The content folder of this run, as given (relative to the project, or absolute). */
export function contentDirSetting(): string {
  return process.env['CONTENT_DIR'] ?? DEFAULT_CONTENT_DIR;
}

/** The content folder of this run, absolute: `CONTENT_DIR`, or `content/` under `root`. */
export function contentDirOf(root: string = process.cwd()): string {
  return resolve(root, contentDirSetting());
}
