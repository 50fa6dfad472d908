/**
 * The files a build writes beside Astro's pages, as each step reports them: the build updates
 * the previous output in place (`vite.build.emptyOutDir: false`), so whatever no step of this
 * build wrote is left over from an earlier one and is removed at the end (`integration.ts`).
 * Every step that writes into the output folder, other than Astro itself, claims its files here.
 */

const claimed = new Set<string>();
const folders = new Set<string>();

/** Files (paths relative to the output folder, forward slashes) written or kept by this build. */
export function claimFiles(files: Iterable<string>): void {
  for (const file of files) claimed.add(file);
}

/** A folder that a step writes whole, afresh, every build (the search index): everything below it is kept. */
export function claimFolder(folder: string): void {
  folders.add(folder.replace(/\/?$/, '/'));
}

/** Whether a file was claimed by a step of this build. */
export function isClaimed(file: string): boolean {
  if (claimed.has(file)) return true;
  for (const folder of folders) if (file.startsWith(folder)) return true;
  return false;
}

/** Forgets the claims, at the start of a build (`astro dev` and tests may run several in one process). */
export function resetClaims(): void {
  claimed.clear();
  folders.clear();
}
