/**
 * Parsed YAML kept between builds: parsing the frontmatter of 10,000 documents takes longer than
 * anything else the validator does, and most files are the same as at the last build. A text is
 * found again by the hash of its bytes; the cache holds the texts of the last run only.
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

/** A parser of YAML texts that answers from `file` what it has parsed before, and remembers the rest. */
export function cachedYamlParser(file: string): { parse: (text: string) => Parsed; save: () => void } {
  let known: Record<string, Parsed> = {};
  try {
    known = JSON.parse(readFileSync(file, 'utf8'), revive) as Record<string, Parsed>;
  } catch {
    // No cache yet, or an unreadable one: parse everything.
  }
  const used: Record<string, Parsed> = {};
  return {
    parse: (text) => {
      const key = createHash('sha1').update(text).digest('base64url');
      return (used[key] = known[key] ?? parseYaml(text));
    },
    save: () => {
      mkdirSync(dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(used, replace));
      renameSync(partial, file);
    },
  };
}
