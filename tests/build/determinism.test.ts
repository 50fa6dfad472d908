/**
 * The build is deterministic: clean builds of the same content (each with its own empty
 * cache) produce byte-identical output, whatever the time zone of the machine. The content
 * is `content/` plus documents with links and a redirect, so that every kind of output is
 * compared. The two time zones straddle the date line, almost a day apart (UTC−8, with summer
 * time, and UTC+14, without): a day read or written in the machine's time instead of UTC gives
 * another day in one of them than in the other, whichever way it slips, which a build under UTC
 * would add nothing to. The two builds run at once (two cores).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { removeBuild, type BuildResult } from '../support/build.ts';
import { buildEach } from '../support/builds-in-pairs.ts';
import { contentWith } from '../support/content-copy.ts';
import { listFiles } from '../support/dist.ts';

const zones = ['America/Los_Angeles', 'Pacific/Kiritimati'] as const;
const builds = new Map<string, BuildResult>();

beforeAll(async () => {
  const contentDir = contentWith('content-links', 'content-renamed');
  const results = await buildEach(zones.map((TZ) => ({ contentDir, env: { TZ, SITE_URL: 'https://archive.test' } })));
  zones.forEach((zone, i) => builds.set(zone, results[i]!));
}, 900_000);
afterAll(() => {
  for (const result of builds.values()) removeBuild(result.outDir);
});

test.each(zones)('the build under TZ=%s succeeds', (zone) => {
  const result = builds.get(zone)!;
  expect(result.status, result.output).toBe(0);
});

test('the builds under both time zones are byte for byte the same', () => {
  const [reference, other] = zones.map((zone) => builds.get(zone)!.outDir) as [string, string];
  const files = listFiles(reference);
  expect(files.length).toBeGreaterThan(50);
  expect(listFiles(other)).toEqual(files);
  const differing = files.filter((f) => !readFileSync(join(reference, f)).equals(readFileSync(join(other, f))));
  expect(differing).toEqual([]);
});
