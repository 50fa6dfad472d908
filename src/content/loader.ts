/**
 * How Astro loads the collections: through the archive's own reader (`read.ts`: YAML 1.2, dates
 * as written, the files the validator has checked), not Astro's glob loader. An entry is its
 * data only. A readout's text is rendered by the page that shows it
 * (`src/features/markdown/render.ts`), so Astro's content store holds a few hundred bytes per
 * readout instead of its rendered HTML: at 10,000 documents the store, which every build loads,
 * saves and bundles whole, shrinks from about 40 MB to a few, and a change of a record's aliases
 * no longer changes Astro's configuration (see docs/performance.md).
 *
 * An entry's digest is its file's text and the code that reads it (`src/content/`, schemas
 * included): an unchanged file is not parsed again, unless that code has changed. When many
 * files are to parse, they take their YAML from what the content check parsed (`yamlCache`),
 * whose verdict the loader then waits for (`checked.ts`): a first build of 10,000 documents
 * parses them once, not twice. A few changed files are parsed again, faster than reading that
 * cache, without waiting: the build waits for the verdict at the end of Vite's bundle, before it
 * writes anything (`src/features/guard/integration.ts`), and a file that fails to parse waits for
 * it here, so that a refused content stops the build with the check's list, not with this error.
 * (Astro clears its store when `content.config.ts` changes, not when a module it imports does.)
 * In `astro dev`, a change under the collection's folder loads the collection again.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { codeDigest } from './code-digest.ts';
import { contentChecked } from './checked.ts';
import { listContent, parseFile, type ContentFile, type YamlParser } from './read.ts';
import { cachedYamlParser, YAML_CODE } from './yaml-cache.ts';
import { collections, type CollectionName } from './schema.ts';
import { DATE_FIELDS } from './validate/schema-issues.ts';
import { resolveTimestamps } from './yaml.ts';

/** Below this many entries to parse, they are parsed again rather than read from the check's cache. */
const FEW_TO_PARSE = 50;

/**
 * The check's YAML cache, read once for the four collections. A text it does not hold (changed
 * since, in `astro dev`) is parsed.
 */
let yamlCache: YamlParser | undefined;
function checkedYaml(file: string, root: string): YamlParser {
  return (yamlCache ??= cachedYamlParser(file, codeDigest(root, YAML_CODE)).parse);
}

export function archiveLoader(
  collection: CollectionName,
  contentDir: string,
  options: {
    /**
     * The YAML that the content check parsed at this build's start (`src/content/yaml-cache.ts`),
     * relative to Astro's cache folder: an entry to parse is read from it instead of parsed again.
     */
    yamlCache?: string;
  } = {},
): Loader {
  return {
    name: `readout-archive:${collection}`,
    load: async ({ store, parseData, generateDigest, watcher, config }) => {
      const root = process.cwd();
      const dir = resolve(root, contentDir);
      // Once per load, not per change that `astro dev` sees: its content changes, not its code.
      const code = codeDigest(root, ['src/content']);
      // Read when many entries need parsing: reading the whole cache costs more than parsing a few
      // files again, and a build in which nothing changed parses none.
      const readsCheckedYaml = (entries: number) => entries >= FEW_TO_PARSE && options.yamlCache !== undefined;
      const parser = (entries: number) =>
        readsCheckedYaml(entries) ? checkedYaml(join(fileURLToPath(config.cacheDir), options.yamlCache!), root) : undefined;
      const sync = async () => {
        // The files are read while the content check may still run (src/content/checked.ts), and
        // only the texts of changed entries are kept. A problem of reading or parsing is the
        // check's to report, with every other problem: it waits for the verdict, which fails the
        // build with the check's list when the content is refused.
        const checkedFirst = async (error: unknown): Promise<never> => {
          await contentChecked();
          throw error;
        };
        const ids = new Set<string>();
        const changed: { file: ContentFile; text: string; digest: string }[] = [];
        try {
          for (const file of listContent(root, dir, [collection]).files) {
            ids.add(file.id);
            const text = readFileSync(file.abs!, 'utf8');
            const digest = generateDigest(`${code}\n${text}`);
            if (store.get(file.id)?.digest !== digest) changed.push({ file, text, digest });
          }
        } catch (error) {
          await checkedFirst(error);
        }
        // The check writes its YAML before its verdict: read it once the verdict is in.
        if (readsCheckedYaml(changed.length)) await contentChecked();
        const yamlParser = parser(changed.length);
        for (const { file, text, digest } of changed) {
          try {
            const parsed = parseFile(file, text, yamlParser);
            const raw = resolveTimestamps(parsed.data, DATE_FIELDS[collection], () => {}) as Record<string, unknown>;
            const data = await parseData({ id: file.id, data: raw, filePath: file.path });
            store.set({ id: file.id, data, digest, filePath: file.path });
          } catch (error) {
            await checkedFirst(error);
          }
        }
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      };
      await sync();
      if (watcher) {
        const folder = join(dir, collections[collection].folder);
        watcher.add(folder);
        const onChange = (path: string) => {
          if (path.startsWith(folder) && path.endsWith(collections[collection].extension)) void sync();
        };
        for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
      }
    },
  };
}
