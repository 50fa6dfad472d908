/**
 * An Astro integration that validates `content/` before Astro reads it, so that `astro
 * build`, `astro dev` and `astro check` stop on the first bad file with every problem
 * listed, instead of logging and carrying on.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { readContent } from './read-content.ts';
import { formatProblem, validateContent, type Problem } from '../lib/validate.ts';

/** Reads and validates the content folder; returns the problems found. */
export function checkContent(root: string, contentDir: string): Problem[] {
  const { files, problems } = readContent(root, contentDir);
  return [...problems, ...validateContent(files)];
}

export default function contentGuard(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'readout-archive:content-guard',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const problems = checkContent(root, resolve(root, options.contentDir));
        for (const p of problems.filter((x) => x.severity === 'warning')) logger.warn(formatProblem(p));
        const errors = problems.filter((x) => x.severity === 'error');
        if (errors.length > 0) {
          throw new Error(`Contenu invalide (${errors.length} erreur(s)) :\n${errors.map(formatProblem).join('\n')}`);
        }
      },
    },
  };
}
