/**
 * What the built site is made of, kind by kind, and whether two builds are the same file for
 * file and byte for byte (an incremental build against a clean one).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '#features/site-files.ts';

/** The kinds of file of the site, first match wins: what each costs per document is reported. */
export const fileKinds = [
  ['pages des documents', /^comptes-rendus\/\d[^/]*\/index\.html$/],
  ['aperçus (PNG)', /\.png$/],
  ['fichiers à côté des documents (source, références)', /^comptes-rendus\/\d[^/]*\//],
  ['JSON (API)', /\.json$/],
  ['flux', /\.xml$/],
  ['index de recherche', /^pagefind\//],
  ['autres pages (listes, fiches)', /\.html$/],
  ['le reste (styles, robots, redirections)', /./],
] as const;

/** Bytes of each kind of file. */
export function bytesByKind(dir: string): Map<string, number> {
  const sizes = new Map<string, number>(fileKinds.map(([name]) => [name, 0]));
  for (const file of listFiles(dir)) {
    const [name] = fileKinds.find(([, re]) => re.test(file))!;
    sizes.set(name, sizes.get(name)! + statSync(join(dir, file)).size);
  }
  return sizes;
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The files that differ between two sites: present in one only, or with other bytes. */
export function differences(a: string, b: string): string[] {
  const left = listFiles(a);
  const right = new Set(listFiles(b));
  const differing = left.filter((f) => !right.has(f) || digest(join(a, f)) !== digest(join(b, f)));
  const inLeft = new Set(left);
  const onlyRight = [...right].filter((f) => !inLeft.has(f));
  return [...differing, ...onlyRight];
}
