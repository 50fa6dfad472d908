/**
 * The build is deterministic: clean builds of the same content (each with its own empty
 * cache) produce byte-identical output, whatever the time zone of the machine. The content
 * is `content/` plus documents with links and a redirect, so that every kind of output is
 * compared; the time zones straddle the date line (UTC−8 and UTC+14).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { build, type BuildResult } from '../support/build.ts';
import { contentWith } from '../support/content-copy.ts';
import { listFiles } from '../support/dist.ts';

const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'] as const;
const builds = new Map<string, BuildResult>();

beforeAll(() => {
  const contentDir = contentWith('content-links', 'content-renamed');
  for (const TZ of zones) builds.set(TZ, build({ contentDir, env: { TZ, SITE_URL: 'https://archive.test' } }));
}, 600_000);

test.each(zones)('the build under TZ=%s succeeds', (zone) => {
  const result = builds.get(zone)!;
  expect(result.status, result.output).toBe(0);
});

test.each(zones.slice(1))('the build under TZ=%s is byte for byte the build under TZ=UTC', (zone) => {
  const reference = builds.get('UTC')!.outDir;
  const other = builds.get(zone)!.outDir;
  const files = listFiles(reference);
  expect(files.length).toBeGreaterThan(50);
  expect(listFiles(other)).toEqual(files);
  const differing = files.filter((f) => !readFileSync(join(reference, f)).equals(readFileSync(join(other, f))));
  expect(differing).toEqual([]);
});
