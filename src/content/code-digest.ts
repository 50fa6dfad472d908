/**
 * A digest of source code: what an output cached between builds depends on besides its data.
 * A cache keyed with it is dropped whenever that code changes, with no version to bump.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under each of `paths` (files or folders), relative to `root`, names and bytes. */
export function codeDigest(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const full = join(root, path);
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, encoding: 'utf8' }).map((name) => join(full, name))
      : [full];
    for (const file of files.filter((f) => statSync(f).isFile()).sort()) {
      hash.update(`${relative(root, file).split(sep).join('/')}\n`).update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}
