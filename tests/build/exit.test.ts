/**
 * `npm run build` always returns, with Astro's verdict. Astro runs under `scripts/astro.ts`,
 * which ends a process that hangs in Node's shutdown once it has reported its exit code
 * (nodejs/node#54918). Shown here with a stand-in CLI that always hangs at exit. Real builds go
 * through the same runner (`tests/support/build.ts`) in every file that builds, one after
 * another on each core, and each has a timeout that reports it hung: `bad-input.test.ts`
 * expects each kind of ending with its exit status (refused before Astro builds, 1; refused
 * once the site is built, 1), the global setup and the other files builds that succeed (0).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { astroRunner } from '../support/build.ts';
import { fixtures } from '../support/content-copy.ts';

/** The runner on the stand-in CLI, stopped (status null) if it hangs too. */
function runHanging(code: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [astroRunner, 'build'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ASTRO_RUNNER_CLI: join(fixtures, 'hang', 'cli.mjs'),
        ASTRO_EXIT_GRACE_SECONDS: '1',
        HANG_EXIT_CODE: String(code),
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status: signal === 'SIGKILL' ? null : status, stdout, stderr });
    });
  });
}

// Each waits a second of grace: both at once.
test.concurrent.each([0, 1])(
  'the runner of Astro’s CLI returns the code %i that the CLI reported, though the CLI then hangs at exit',
  async (code) => {
    const result = await runHanging(code);
    expect(result.status, 'the runner hung too').not.toBeNull();
    expect(result.status).toBe(code);
    expect(result.stdout).toContain('travail terminé');
    // The runner ended it after the grace period: the test's own timeout did not.
    expect(result.stderr).toContain('ne s’arrêtait pas après 1 s');
  },
);
