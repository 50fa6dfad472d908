/**
 * Astro's content layer renders a document again when its file changes, or when Astro's
 * configuration does: not when the code that renders it changes. This digest of that code
 * (the plugins of this folder, the modules they use, the dictionary and the lock file, which
 * fixes remark's and rehype's versions) is handed to Astro in the configuration, as the option
 * of `rehypeCodeDigest`, a plugin that does nothing else: a change of that code then changes
 * the configuration, and every document is rendered again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The code that runs when a document is rendered, relative to the project: the plugins and
 * what they import (`tests/unit/features/markdown/code-digest.test.ts` checks that they import nothing else).
 */
export const RENDERING_CODE = [
  'src/features/markdown',
  'src/content/aliases.ts',
  'src/content/ids.ts',
  'src/archive/paragraphs.ts',
  'src/archive/urls.ts',
  'src/i18n',
  'package-lock.json',
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** A hash of every file of `RENDERING_CODE` under `root`, names and bytes. */
export function markdownCodeDigest(root: string): string {
  const hash = createHash('sha256');
  for (const entry of RENDERING_CODE) {
    for (const file of files(join(root, entry))) hash.update(`${file.slice(root.length)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** A rehype plugin that changes nothing: its option carries the digest into Astro's configuration. */
export default function rehypeCodeDigest(_options: { digest: string }) {
  return () => {};
}
