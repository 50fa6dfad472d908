import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** The suites that read the archive's content or its built site: they run on every archive. */
const contentSuites = [
  'tests/build/**/*.test.ts',
  'tests/static/**/*.test.ts',
  'tests/e2e/**/*.test.ts',
  'tests/deploy/nginx.test.ts',
];
/**
 * The suites that read the built site in a browser, the slowest: they run on « varied archive »
 * alone, whose content holds every document of the two others (`content/` and the grown archive).
 */
const browserFolder = 'tests/e2e/';
const browserSuites = [`${browserFolder}**/*.test.ts`];
/** Of those, the ones that build archives of their own (bad input, synthetic archives, rebuilds). */
const ownArchives = [
  'tests/build/activity-synthetic.test.ts',
  'tests/build/bad-input.test.ts',
  'tests/build/determinism.test.ts',
  'tests/build/exit.test.ts',
  'tests/build/fuzz.test.ts',
  'tests/build/import.test.ts',
  'tests/build/incremental.test.ts',
  'tests/build/pagination.test.ts',
  'tests/build/refused-rebuild.test.ts',
];

/**
 * Each archive's project runs the global setup itself, which builds that project's archive: a
 * root `globalSetup` runs once per run, for the root only (Vitest 5 does not pass it on to
 * projects). The unit tests build nothing.
 */
const globalSetup = ['tests/global-setup.ts'];

/**
 * The slowest files first, whatever their project: those that build archives of their own and
 * the browser suites take three quarters of the run's time. Vitest's own order runs one
 * project after another, so that the browser suites of « varied archive », last, ended the run
 * on one core while the other waited. Within each group, Vitest's order: the longest in the
 * last run's cache first, or the largest files on a fresh clone.
 */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const slow = (spec: TestSpecification) => {
      const file = relative(import.meta.dirname, spec.moduleId);
      return ownArchives.includes(file) || file.startsWith(browserFolder);
    };
    const sorted = await super.sort(files);
    return [...sorted.filter(slow), ...sorted.filter((spec) => !slow(spec))];
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Builds and the browser share two cores: files run one or two at a time.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    // The files of a project that run in one worker share the modules they import instead of
    // importing them anew each (half the unit tests' time): no module keeps state that a file
    // changes, and a worker serves one project only, so each reads its own archive.
    isolate: false,
    // The JSON report lets `.ci/run` print a plain « N passed, N failed » closing line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      // The code alone, on data of the tests' own: no build.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // `content/` as it is.
      {
        extends: true,
        test: {
          name: 'archive',
          include: [...contentSuites, ...ownArchives, 'tests/deploy/nginx-config.test.ts'],
          exclude: browserSuites,
          globalSetup,
        },
      },
      // Copies of it with more documents (see `tests/global-setup.ts`): as an archive grows, and built to break assumptions.
      {
        extends: true,
        test: {
          name: 'grown archive',
          include: contentSuites,
          exclude: [...ownArchives, ...browserSuites],
          globalSetup,
        },
      },
      { extends: true, test: { name: 'varied archive', include: contentSuites, exclude: ownArchives, globalSetup } },
    ],
  },
});
