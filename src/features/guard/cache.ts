/**
 * What the content check keeps between builds under Astro's cache folder, and leaves for the
 * build's other steps. A module of its own, so that the pages that read it do not import the
 * check's code.
 */

/** What the check keeps between builds under Astro's cache folder, and leaves for the build's other steps. */
export const CHECK_CACHE = {
  /** The YAML parsed at the last run (`src/content/yaml-cache.ts`); the readout files' worker reads it too. */
  yaml: 'readout-archive/yaml.json',
  /** The aliases found in each text at the last run (`src/content/alias-scan.ts`). */
  aliases: 'readout-archive/alias-matches.json',
  /** The names each readout's text links, for the keys of the readout pages (`src/data.ts`). */
  links: 'readout-archive/links.json',
} as const;

/** The names a readout's text links: where, and to which record (`record`, alias words). */
export type ReadoutLinks = Record<string, [start: number, end: number, record: string, words: string][]>;
