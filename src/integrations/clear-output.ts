/**
 * Clears the previous build's output without waiting for it. Astro empties the output folder
 * before it writes the new site, one file at a time: with tens of thousands of files that is
 * a long pause. This integration moves the old files aside at once (a rename, under Astro's
 * cache folder) when a build starts, and deletes them in the background while the build goes
 * on; the build's end waits for the deletion. Astro then finds the folder empty. A build
 * stopped midway leaves the moved files behind: the next build deletes them. Where a rename
 * cannot be made (another file system), what is left is emptied by Astro itself.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TRASH_SUBDIR = 'readout-archive/previous-output';

export default function clearOutput(): AstroIntegration {
  let deleting: Promise<unknown> = Promise.resolve();
  return {
    name: 'readout-archive:clear-output',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const outDir = fileURLToPath(config.outDir);
        const trash = join(fileURLToPath(config.cacheDir), ...TRASH_SUBDIR.split('/'));
        const leftovers = existsSync(trash) ? readdirSync(trash).map((name) => join(trash, name)) : [];
        const entries = existsSync(outDir) ? readdirSync(outDir) : [];
        const moved: string[] = [];
        if (entries.length > 0) {
          const target = join(trash, `${Date.now()}-${process.pid}`);
          mkdirSync(target, { recursive: true });
          try {
            for (const name of entries) {
              renameSync(join(outDir, name), join(target, name));
              moved.push(name);
            }
          } catch (error) {
            logger.info(`ancienne sortie laissée à Astro (${(error as Error).message})`);
          }
          leftovers.push(target);
        }
        deleting = Promise.all(leftovers.map((dir) => rm(dir, { recursive: true, force: true })));
        deleting.catch(() => {});
        if (moved.length > 0) logger.info(`ancienne sortie (${moved.length} entrée(s)) effacée en arrière-plan`);
      },
      'astro:build:done': async () => {
        await deleting;
      },
    },
  };
}
