/**
 * Builds two at a time: the machine the suite must fit has two cores, and a third build at once
 * would only make each slower.
 */
import { buildAsync, type BuildOptions, type BuildResult } from './build.ts';

/** How many builds run at once. */
export const BUILDS_AT_ONCE = 2;

/**
 * A queue of builds, run at most `BUILDS_AT_ONCE` at a time in the order given; a build given
 * with `first` goes before those still waiting (a step that others wait for).
 */
export function buildQueue(): (options: BuildOptions, first?: boolean) => Promise<BuildResult> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (options, first = false) => {
    if (running < BUILDS_AT_ONCE) running++;
    // The slot is handed over by the build that ends (see below), so `running` stays as it is.
    else await new Promise<void>((go) => (first ? waiting.unshift(go) : waiting.push(go)));
    try {
      return await buildAsync(options);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** Builds each of `builds`, two at a time; the results in the same order. */
export function buildEach(builds: readonly BuildOptions[]): Promise<BuildResult[]> {
  const build = buildQueue();
  return Promise.all(builds.map((options) => build(options)));
}
