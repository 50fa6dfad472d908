/**
 * The collections of the archive. Their schemas live in `src/content/schema.ts` (the
 * contract, one doc comment per field) so that the validator applies the same ones to
 * the raw files, and the archive's own loader reads them (`src/content/loader.ts`). An
 * entry's id is its file name without extension, whatever subfolder holds it; two files with
 * one id are refused by the validator.
 */
import { defineCollection } from 'astro:content';
import { contentDirSetting } from '#content/folder.ts';
import { archiveLoader } from '#content/loader.ts';
import { collections as contract } from '#content/schema.ts';
import { CHECK_CACHE } from '#features/guard/cache.ts';

const contentDir = contentDirSetting();
/** Entries are parsed from what the content check parsed at the build's start. */
const options = { yamlCache: CHECK_CACHE.yaml };

export const collections = {
  readouts: defineCollection({
    loader: archiveLoader('readouts', contentDir, options),
    schema: contract.readouts.schema,
  }),
  people: defineCollection({ loader: archiveLoader('people', contentDir, options), schema: contract.people.schema }),
  places: defineCollection({ loader: archiveLoader('places', contentDir, options), schema: contract.places.schema }),
  topics: defineCollection({ loader: archiveLoader('topics', contentDir, options), schema: contract.topics.schema }),
};
