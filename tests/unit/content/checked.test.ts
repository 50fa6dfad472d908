/**
 * The content check of a build, run beside Astro's start (`src/content/checked.ts`): the build
 * (and the loader, when it needs the check's work) waits for its verdict, which either lets it
 * go on or stops it with the judge's error.
 * The builds of `tests/build/bad-input.test.ts` show the same on real builds.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  clearContentCheck,
  closeUntakenCheck,
  contentChecked,
  deferContentCheck,
  takeContentCheck,
} from '#content/checked.ts';
import type { Problem } from '#content/problem.ts';

const error: Problem = { severity: 'error', file: 'content/people/x.yaml', field: 'name', message: 'attendu un nom' };
const warning: Problem = { ...error, severity: 'warning' };
const request = { root: '/projet', contentDir: '/projet/content', options: { firstManifest: true } };
/** A judge as the guard's: it throws when an error was found, and remembers what it was shown. */
function judge() {
  const shown: Problem[][] = [];
  return {
    shown,
    judge: (problems: Problem[]) => {
      shown.push(problems);
      if (problems.some((p) => p.severity === 'error')) throw new Error('Contenu invalide : 1 erreur(s)');
    },
  };
}

afterEach(() => {
  // Leave no check for the next test.
  takeContentCheck()?.settle({ problems: [] });
  clearContentCheck();
});

describe('a build’s content check', () => {
  test('with no check open, the build goes on at once', async () => {
    await expect(contentChecked()).resolves.toBeUndefined();
  });

  test('the build waits for the verdict, then goes on when the judge finds no error', async () => {
    const { shown, judge: j } = judge();
    deferContentCheck(request, j);
    const { settle } = takeContentCheck()!;
    let done = false;
    const waiting = contentChecked().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    settle({ problems: [warning] });
    await waiting;
    expect(done).toBe(true);
    expect(shown).toEqual([[warning]]);
  });

  test('a refused content stops the build with the judge’s error', async () => {
    const { judge: j } = judge();
    deferContentCheck(request, j);
    takeContentCheck()!.settle({ problems: [error] });
    await expect(contentChecked()).rejects.toThrow('Contenu invalide');
  });

  test('a check that could not run stops the build with why', async () => {
    deferContentCheck(request, judge().judge);
    takeContentCheck()!.settle({ error: new Error('le processus de travail s’est arrêté (code 1)') });
    await expect(contentChecked()).rejects.toThrow('code 1');
  });

  test('a refused check of an earlier build does not stop a later command of the same process', async () => {
    deferContentCheck(request, judge().judge);
    takeContentCheck()!.settle({ problems: [error] });
    await expect(contentChecked()).rejects.toThrow();
    clearContentCheck();
    await expect(contentChecked()).resolves.toBeUndefined();
  });

  test('is taken once; an open check no one took is closed, for the guard to run it itself', () => {
    deferContentCheck(request, judge().judge);
    // The worker that takes it runs the very check the guard asked for.
    expect(takeContentCheck()?.request).toEqual(request);
    expect(takeContentCheck()).toBeUndefined();
    expect(closeUntakenCheck()).toBe(false);
    deferContentCheck(request, judge().judge);
    expect(closeUntakenCheck()).toBe(true);
    expect(closeUntakenCheck()).toBe(false);
    expect(takeContentCheck()).toBeUndefined();
  });
});
