/**
 * The archive's content as the tests see it: read straight from its folder with the
 * `yaml` package, independently of the site's own loading code, so that a bug there
 * cannot hide itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { inject } from 'vitest';

export interface TestReadout {
  id: string;
  file: string;
  data: {
    title: string;
    date: string;
    /** `in-person` when the front matter does not say (the schema's default). */
    format?: 'in-person' | 'phone' | 'video';
    /** A meeting in person has a place; a call has none. */
    place?: string;
    event?: string;
    participants: { person: string; role: string }[];
    mentions?: (string | { person: string })[];
    topics: string[];
  };
  body: string;
}

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(ext))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

const idOf = (file: string, ext: string) => file.slice(file.lastIndexOf('/') + 1, -ext.length);

/** The content folder of this test project: `content/`, or the grown archive (`tests/global-setup.ts`). */
export const testContentDir = (): string => inject('contentDir');

export function readouts(): TestReadout[] {
  return files(join(testContentDir(), 'readouts'), '.md').map((file) => {
    const source = readFileSync(file, 'utf8');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    return { id: idOf(file, '.md'), file, data: parse(frontmatter) as TestReadout['data'], body };
  });
}

export function records(collection: 'people' | 'topics' | 'places'): { id: string; data: Record<string, unknown> }[] {
  return files(join(testContentDir(), collection), '.yaml').map((file) => ({
    id: idOf(file, '.yaml'),
    data: parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
  }));
}

export const mentionIds = (r: TestReadout): string[] =>
  (r.data.mentions ?? []).map((m) => (typeof m === 'string' ? m : m.person));
