/**
 * The benchmark's baseline: a minimal Astro site built on the same documents, in the same run,
 * on the same machine, so that the archive's cold build is compared with what Astro itself
 * costs rather than with a time measured elsewhere (machines differ by 2.5× in speed). The site
 * has the archive's Markdown pipeline (Astro's `unified` processor with `remark-gfm`), reads the
 * readouts with Astro's `glob()` loader and renders one page per document with its title and
 * text, nothing else: no records, no lists, no files beside the pages, no search index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './measure.ts';

const files = (contentDir: string): Record<string, string> => ({
  'package.json': `${JSON.stringify({ name: 'baseline', private: true, type: 'module' }, null, 2)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  site: 'https://archive.example',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  readouts: defineCollection({
    loader: glob({
      pattern: '**/*.md',
      base: ${JSON.stringify(join(contentDir, 'readouts'))},
      // The file's name, as the archive's addresses have it (not its year's folder).
      generateId: ({ entry }) => entry.slice(entry.lastIndexOf('/') + 1, -'.md'.length),
    }),
  }),
};
`,
  'src/pages/comptes-rendus/[id].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  return (await getCollection('readouts')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="fr">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`,
});

export interface BaselineRun {
  status: number | null;
  wallSeconds: number;
  cpuSeconds: number;
  maxRssBytes: number;
  log: string;
}

/** Writes the baseline site into `dir` (reading `contentDir`), builds it cold, and times the build. */
export function timedBaseline(dir: string, contentDir: string): BaselineRun {
  for (const [path, text] of Object.entries(files(contentDir))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // The project's packages: the same Astro, the same remark-gfm.
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const timeFile = join(dir, 'time.txt');
  const node = join(root, 'node_modules', '.bin', 'node');
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, node, astro, 'build'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const [wall = 0, user = 0, system = 0, rssKb = 0] = existsSync(timeFile)
    ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number)
    : [];
  return {
    status: result.status,
    wallSeconds: wall,
    cpuSeconds: user + system,
    maxRssBytes: rssKb * 1024,
    log: `${result.stdout}\n${result.stderr}`,
  };
}
