/**
 * The build is deterministic: clean builds of the same content (each with its own empty
 * cache) produce byte-identical output, whatever the time zone of the machine. The content
 * is `content/` plus documents with links and a redirect, so that every kind of output is
 * compared. The two time zones straddle the date line, almost a day apart (UTC−8, with summer
 * time, and UTC+14, without): a day read or written in the machine's time instead of UTC gives
 * another day in one of them than in the other, whichever way it slips, which a build under UTC
 * would add nothing to. The build under UTC+14 is the global setup's (`distDirLinks`), which other
 * files read too; this file makes the one under UTC−8.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { LINKS_ZONE, SITE_URL } from '../global-setup.ts';
import { build, removeBuild, type BuildResult } from '../support/build.ts';
import { listFiles } from '../support/dist.ts';

const ZONE = 'America/Los_Angeles';
let result: BuildResult;

beforeAll(() => {
  result = build({ contentDir: inject('linksContentDir'), env: { TZ: ZONE, SITE_URL } });
}, 900_000);
afterAll(() => {
  if (result) removeBuild(result.outDir);
});

test(`the build under TZ=${ZONE} succeeds`, () => {
  expect(result.status, result.output).toBe(0);
});

test(`the builds under TZ=${ZONE} and TZ=${LINKS_ZONE} are byte for byte the same`, () => {
  expect(LINKS_ZONE).not.toBe(ZONE);
  const [reference, other] = [inject('distDirLinks'), result.outDir];
  const files = listFiles(reference);
  expect(files.length).toBeGreaterThan(50);
  expect(listFiles(other)).toEqual(files);
  const differing = files.filter((f) => !readFileSync(join(reference, f)).equals(readFileSync(join(other, f))));
  expect(differing).toEqual([]);
});
