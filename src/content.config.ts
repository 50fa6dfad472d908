/**
 * The collections of the archive. Their schemas live in `src/lib/schema.ts` (the
 * contract, one doc comment per field) so that the validator applies the same ones to
 * the raw files. An entry's id is its file name without extension, whatever subfolder
 * holds it; two files with one id are refused by the validator.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collections as contract } from './lib/schema.ts';

/** `CONTENT_DIR` lets tests build from a temporary folder; authors never set it. */
const contentDir = process.env.CONTENT_DIR ?? './content';

const fileName = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

function collection<T extends keyof typeof contract>(name: T) {
  const { folder, extension, schema } = contract[name];
  return defineCollection({
    loader: glob({ pattern: `**/*${extension}`, base: `${contentDir}/${folder}`, generateId: fileName }),
    schema,
  });
}

export const collections = {
  readouts: collection('readouts'),
  people: collection('people'),
  places: collection('places'),
  topics: collection('topics'),
};
