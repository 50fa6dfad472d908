/**
 * `npm run deploy:nginx`: writes the redirects of `content/redirects.yaml` into
 * `deploy/nginx.conf`, between `# BEGIN redirects` and `# END redirects`, after any change to
 * that file. Give it another path (`npm run deploy:nginx -- /etc/nginx/sites-enabled/archive`)
 * to update a deployed copy in place, its `listen` and `root` lines untouched. `--check` only
 * says whether the file is up to date (tests/deploy/nginx-config.test.ts checks
 * deploy/nginx.conf in `npm test`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkRedirects } from '#features/guard/check.ts';
import { nginxRedirectRules, withNginxRedirects } from '#features/permanence/nginx.ts';
import { formatProblem } from '#content/problem.ts';
import { contentDirOf } from '#content/folder.ts';

export const root = resolve(import.meta.dirname, '..');
export const configFile = join(root, 'deploy', 'nginx.conf');

/**
 * `conf` with the redirects of the content folder `contentDir`; throws on a redirect that the
 * check of the content, and so the build, would refuse (the same code decides: `checkRedirects`).
 */
export function configWithRedirects(conf: string, contentDir: string): string {
  const { redirects, problems } = checkRedirects(root, contentDir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
  return withNginxRedirects(conf, nginxRedirectRules(redirects));
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const file = resolve(args.find((a) => !a.startsWith('--')) ?? configFile);
  const name = file.startsWith(root) ? relative(root, file) : file;
  const contentDir = contentDirOf(root);
  const current = readFileSync(file, 'utf8');
  let updated: string;
  try {
    updated = configWithRedirects(current, contentDir);
  } catch (error) {
    // The redirects the build would refuse: nothing is written.
    console.error(error instanceof Error ? error.message : String(error));
    console.error(`${name} : non modifié ; corrigez content/redirects.yaml (npm run check:content).`);
    process.exit(1);
  }
  if (current === updated) {
    console.log(`${name} : redirections à jour.`);
  } else if (args.includes('--check')) {
    console.error(`${name} : redirections périmées ; lancer « npm run deploy:nginx ».`);
    process.exitCode = 1;
  } else {
    writeFileSync(file, updated);
    console.log(`${name} : redirections mises à jour depuis content/redirects.yaml.`);
  }
}
