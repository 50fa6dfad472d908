/**
 * The collections of the archive. Their schemas live in `src/content/schema.ts` (the
 * contract, one doc comment per field) so that the validator applies the same ones to
 * the raw files. An entry's id is its file name without extension, whatever subfolder
 * holds it; two files with one id are refused by the validator.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDirSetting } from '#content/folder.ts';
import { collections as contract } from '#content/schema.ts';

const contentDir = contentDirSetting();

const fileName = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

// The raw Markdown is not kept in the content store (`retainBody: false`): pages use the
// rendered text, and the source files are read from disk. With thousands of documents this
// halves the store that every build loads and bundles.
const load = ({ folder, extension }: { folder: string; extension: string }) =>
  glob({ pattern: `**/*${extension}`, base: `${contentDir}/${folder}`, generateId: fileName, retainBody: false });

export const collections = {
  readouts: defineCollection({ loader: load(contract.readouts), schema: contract.readouts.schema }),
  people: defineCollection({ loader: load(contract.people), schema: contract.people.schema }),
  places: defineCollection({ loader: load(contract.places), schema: contract.places.schema }),
  topics: defineCollection({ loader: load(contract.topics), schema: contract.topics.schema }),
};
