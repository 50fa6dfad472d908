/**
 * Parsed YAML kept between builds: parsing the frontmatter of 10,000 documents takes longer than
 * anything else the validator does, and most files are the same as at the last build. A text is
 * found again by the hash of its bytes and of the line it starts on; the cache holds the texts of
 * the last run only, and is dropped when `version` (a digest of the parser's code) changes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseYaml, YamlTimestamp } from './yaml.ts';

type Parsed = ReturnType<typeof parseYaml>;

/** How a `YamlTimestamp` is written in the cache's JSON. */
const TIMESTAMP = '\u0000timestamp';

const revive = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && TIMESTAMP in value
    ? new YamlTimestamp(String((value as Record<string, unknown>)[TIMESTAMP]))
    : value;
const replace = (_key: string, value: unknown) => (value instanceof YamlTimestamp ? { [TIMESTAMP]: value.text } : value);

interface CacheFile {
  version: string;
  parsed: Record<string, Parsed>;
}

/**
 * A parser of YAML texts that answers from `file` what it has parsed before, and remembers the
 * rest. `version` names the code that parses (`codeDigest` of `yaml.ts`, `yaml-errors.ts` and the
 * parser's package): a cache written by other code is not used.
 */
export function cachedYamlParser(
  file: string,
  version: string,
): { parse: (text: string, firstLine?: number) => Parsed; save: () => void } {
  let known: Record<string, Parsed> = {};
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8'), revive) as CacheFile;
    if (cache.version === version) known = cache.parsed;
  } catch {
    // No cache yet, or an unreadable one: parse everything.
  }
  const used: Record<string, Parsed> = {};
  return {
    parse: (text, firstLine = 1) => {
      const key = `${firstLine}:${createHash('sha1').update(text).digest('base64url')}`;
      return (used[key] = known[key] ?? parseYaml(text, firstLine));
    },
    save: () => {
      mkdirSync(dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify({ version, parsed: used } satisfies CacheFile, replace));
      renameSync(partial, file);
    },
  };
}

/** The files whose code decides what `parseYaml` returns, for `cachedYamlParser`'s version. */
export const YAML_CODE = ['src/content/yaml.ts', 'src/content/yaml-errors.ts', 'node_modules/yaml/package.json'];
