import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { markdownCodeDigest, RENDERING_CODE } from '#features/markdown/code-digest.ts';
import { root, tempDir } from '../../../support/build.ts';

/** The project's subpath imports (`#content/…` → `./src/content/…`), from package.json. */
const aliases = Object.entries(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { imports: Record<string, string> }).imports,
);

/** The file a relative or `#` import of `file` points to, or nothing for a package. */
function resolveImport(file: string, spec: string): string | undefined {
  if (spec.startsWith('.')) return resolve(dirname(file), spec);
  for (const [alias, target] of aliases) {
    if (alias.endsWith('*') && spec.startsWith(alias.slice(0, -1))) {
      return join(root, target.slice(0, -1) + spec.slice(alias.length - 1));
    }
    if (spec === alias) return join(root, target);
  }
  return undefined;
}

/** The project files that `file` imports at run time (not `import type`), and theirs, transitively. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import (?!type )[^'"]*?['"]([.#][^'"]+)['"]/gm)) {
    const target = resolveImport(file, spec!);
    if (target === undefined) continue;
    if (seen.has(target)) continue;
    seen.add(target);
    runtimeImports(target, seen);
  }
  return seen;
}

describe('markdownCodeDigest: the code that renders documents, as part of the configuration', () => {
  const plugins = ['body-headings', 'readout-links', 'link-aliases', 'paragraph-anchors', 'french-typography'].map(
    (name) => join(root, 'src', 'features', 'markdown', `rehype-${name}.ts`),
  );

  test('covers every module the plugins run', () => {
    const imported = [...plugins.flatMap((p) => [p, ...runtimeImports(p)])].map((f) => relative(root, f));
    expect(imported.length).toBeGreaterThan(plugins.length);
    const uncovered = imported.filter((f) => !RENDERING_CODE.some((entry) => f === entry || f.startsWith(`${entry}/`)));
    expect(uncovered).toEqual([]);
  });

  test('changes when one of those files changes', () => {
    const copy = join(tempDir('code-digest'), 'project');
    for (const entry of RENDERING_CODE) cpSync(join(root, entry), join(copy, entry), { recursive: true });
    const before = markdownCodeDigest(copy);
    expect(markdownCodeDigest(copy)).toBe(before);
    const plugin = join(copy, 'src', 'features', 'markdown', 'rehype-french-typography.ts');
    writeFileSync(plugin, `${readFileSync(plugin, 'utf8')}\n// changed\n`);
    expect(markdownCodeDigest(copy)).not.toBe(before);
  });
});
