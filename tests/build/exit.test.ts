/**
 * `npm run build` always returns, with Astro's verdict. Astro runs under `scripts/astro.ts`,
 * which ends a process that hangs in Node's shutdown once it has reported its exit code
 * (nodejs/node#54918). Shown twice: with a stand-in CLI that always hangs at exit, and with
 * real builds, failing and succeeding, one after another.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astroRunner, build, removeBuild } from '../support/build.ts';
import { contentWith, fixtures } from '../support/content-copy.ts';

describe('the runner of Astro’s CLI', () => {
  test.each([0, 1])('returns the code %i that the CLI reported, though the CLI then hangs at exit', (code) => {
    const result = spawnSync(process.execPath, [astroRunner, 'build'], {
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
      env: {
        ...process.env,
        ASTRO_RUNNER_CLI: join(fixtures, 'hang', 'cli.mjs'),
        ASTRO_EXIT_GRACE_SECONDS: '1',
        HANG_EXIT_CODE: String(code),
      },
    });
    expect(result.error, 'the runner hung too').toBeUndefined();
    expect(result.status).toBe(code);
    expect(result.stdout).toContain('travail terminé');
    // The runner ended it after the grace period: the test's own timeout did not.
    expect(result.stderr).toContain('ne s’arrêtait pas après 1 s');
  });
});

describe('builds one after another', () => {
  // Refused before Astro starts, built, refused once the site is built, and built again: each
  // kind of ending follows each other kind once. (The global setup's builds are more of them.)
  const runs = [
    ['refused early', 'invalid/redirect-chain'],
    ['built', undefined],
    ['refused late', 'invalid/manifest-lost-page'],
    ['built', undefined],
  ] as const;

  test.each(runs.map(([kind, fixture], i) => [i + 1, kind, fixture] as const))(
    'build %i (%s) returns, with its verdict',
    (_, kind, fixture) => {
      const result = build({ contentDir: fixture ? contentWith(fixture) : contentWith() });
      try {
        if (kind === 'built') expect(result.status, result.output).toBe(0);
        else expect(result.status, result.output).toBe(1);
      } finally {
        removeBuild(result.outDir);
      }
    },
    240_000,
  );
});
