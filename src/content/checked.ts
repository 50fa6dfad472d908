/**
 * The content check of a build, when it runs beside Astro rather than before it. `astro build`
 * checks `content/` in the worker thread that then writes the documents' files
 * (`src/features/readout-files/`), on the second core, while Astro starts, loads the content and
 * bundles its code; the build waits for the verdict at the end of Vite's bundle, before the
 * bundle writes into the output folder and before Astro generates any page
 * (`src/features/guard/integration.ts`), so that a refused content stops the build before it
 * writes anything. The archive's loader (`loader.ts`) waits for it sooner when it
 * reads the check's YAML (many files to parse) or when a file fails to parse, so that the
 * build stops with the check's list of problems rather than with that one error.
 *
 * The check's integration and the loader are loaded in two module graphs (Astro's
 * configuration and Vite's), so the verdict is kept on `globalThis`, under a key of its own.
 */

import type { Problem } from './problem.ts';

/** How a check ends: with the problems it found, or with the error that kept it from running. */
export type CheckOutcome = { problems: Problem[] } | { error: Error };

/** What the check reads: the project, its content folder, and the check's own options. */
export interface CheckRequest<Options> {
  root: string;
  contentDir: string;
  options: Options;
}

interface PendingCheck {
  verdict: Promise<void>;
  request: CheckRequest<unknown>;
  /** Whether a worker has taken the check: if none has, the integration runs it itself. */
  taken: boolean;
  settle: (outcome: CheckOutcome) => void;
}

/** A check taken to be run: what to check, and how to end it, once. */
export interface TakenCheck<Options> {
  request: CheckRequest<Options>;
  settle: (outcome: CheckOutcome) => void;
}

const SLOT = Symbol.for('readout-archive.content-check');
const slots = globalThis as { [SLOT]?: PendingCheck | undefined };

/**
 * Opens the build's check of `request`: whoever takes it (`takeContentCheck`) runs it, and
 * `judge` reports the problems found and throws the error that stops the build, if any.
 */
export function deferContentCheck<Options>(
  request: CheckRequest<Options>,
  judge: (problems: Problem[]) => void,
): void {
  let settle!: PendingCheck['settle'];
  const verdict = new Promise<void>((done, fail) => {
    settle = (outcome) => {
      if ('error' in outcome) return fail(outcome.error);
      try {
        judge(outcome.problems);
        done();
      } catch (error) {
        fail(error);
      }
    };
  });
  // Awaited by the build; a verdict that no one awaits (a build stopped before) is no crash.
  verdict.catch(() => {});
  slots[SLOT] = { verdict, request, taken: false, settle };
}

/**
 * Takes the build's open check, if any: the caller runs it on its request and settles it once,
 * with the problems found or the error that kept it from running.
 */
export function takeContentCheck<Options>(): TakenCheck<Options> | undefined {
  const slot = slots[SLOT];
  if (!slot || slot.taken) return undefined;
  slot.taken = true;
  return { request: slot.request as CheckRequest<Options>, settle: slot.settle };
}

/**
 * Whether a check is open that no one took: it is then closed, and the caller runs the check
 * itself.
 */
export function closeUntakenCheck(): boolean {
  const slot = slots[SLOT];
  if (!slot || slot.taken) return false;
  slots[SLOT] = undefined;
  return true;
}

/** Resolves once the content is checked (at once when no check is open); rejects if it is refused. */
export function contentChecked(): Promise<void> {
  return slots[SLOT]?.verdict ?? Promise.resolve();
}

/** Forgets any check of an earlier build in this process: `astro dev` or `astro check` checks first, itself. */
export function clearContentCheck(): void {
  slots[SLOT] = undefined;
}
