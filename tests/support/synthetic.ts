/**
 * A synthetic archive for the tests that need more documents than `content/` holds: written by
 * the benchmark's generator (`scripts/bench/generate.ts`) into a temporary folder, and read back
 * here from its files, independently of the site's code, so that expectations are computed from
 * the content itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateArchive, type ArchiveSize } from '../../scripts/bench/generate.ts';
import { tempDir } from './build.ts';

export interface Doc {
  id: string;
  date: string;
  place: string;
  participants: string[];
  mentions: string[];
  topics: string[];
}

/** Generates an archive of `size` in a new temporary folder; returns its content folder. */
export function syntheticArchive(size: ArchiveSize): string {
  const contentDir = join(tempDir('content'), 'content');
  generateArchive(contentDir, size);
  return contentDir;
}

/** The documents of a content folder, read back from their files, newest first (same day: by id). */
export function readDocs(contentDir: string): Doc[] {
  return readdirSync(join(contentDir, 'readouts'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const source = readFileSync(join(contentDir, 'readouts', f), 'utf8');
      const data = parse(/^---\n([\s\S]*?)\n---/.exec(source)![1]!, { schema: 'core' }) as {
        date: string;
        place: string;
        participants: { person: string }[];
        mentions?: string[];
        topics: string[];
      };
      return {
        id: f.replace(/^.*\//, '').replace(/\.md$/, ''),
        date: String(data.date),
        place: data.place,
        participants: data.participants.map((p) => p.person),
        mentions: data.mentions ?? [],
        topics: data.topics,
      };
    })
    .sort(newestFirst);
}

/** Newest first; same day: by id. */
export function newestFirst(a: Doc, b: Doc): number {
  return a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1;
}

/** The names of the people of a content folder, by id. */
export function readNames(contentDir: string): Map<string, string> {
  return new Map(
    readdirSync(join(contentDir, 'people')).map((f) => [
      f.replace(/\.yaml$/, ''),
      String((parse(readFileSync(join(contentDir, 'people', f), 'utf8')) as { name: string }).name),
    ]),
  );
}
