/**
 * The archive's content as the tests see it: read straight from its folder with the
 * `yaml` package, independently of the site's own loading code, so that a bug there
 * cannot hide itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { inject } from 'vitest';
import { root } from './build.ts';

export interface TestReadout {
  id: string;
  file: string;
  data: {
    title: string;
    date: string;
    /** The last day of talks over several days. */
    dateEnd?: string;
    /** The meeting this document is an account of, when the archive names it. */
    meeting?: string;
    language: string;
    /** `in-person` when the front matter does not say (the schema's default). */
    format?: 'in-person' | 'phone' | 'video' | 'call';
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

/**
 * The content folder of this test project: `content/`, or a copy with more documents
 * (`tests/global-setup.ts`); `content/` for the unit tests, which have no global setup.
 */
export const testContentDir = (): string => inject('contentDir') ?? join(root, 'content');

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

/** The meetings the documents name, each with its accounts' ids (`meeting` in their front matter). */
export function meetingsOf(docs: readonly TestReadout[]): Map<string, TestReadout[]> {
  const meetings = new Map<string, TestReadout[]>();
  for (const d of docs) {
    if (d.data.meeting === undefined) continue;
    meetings.set(d.data.meeting, [...(meetings.get(d.data.meeting) ?? []), d]);
  }
  return meetings;
}

/** The day each document is listed under: its meeting's first day (the earliest `date` of its accounts), or its own. */
export function listedOnOf(docs: readonly TestReadout[]): (d: TestReadout) => string {
  const meetings = meetingsOf(docs);
  return (d) =>
    d.data.meeting === undefined
      ? d.data.date
      : meetings
          .get(d.data.meeting)!
          .map((a) => a.data.date)
          .sort()[0]!;
}

/** What a document counts for when meetings are counted: its meeting, or itself. */
export const unit = (d: TestReadout): string => (d.data.meeting === undefined ? `d:${d.id}` : `m:${d.data.meeting}`);

/**
 * The archive's order, as the content describes it: newest first by the day each document is
 * listed under (its meeting's first day: the accounts of one meeting sit together), then
 * meeting by meeting, the earliest account first, then by id.
 */
export function archiveOrder(docs: readonly TestReadout[]): TestReadout[] {
  const listedOn = listedOnOf(docs);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return docs.toSorted(
    (a, b) =>
      cmp(listedOn(b), listedOn(a)) || cmp(unit(a), unit(b)) || cmp(a.data.date, b.data.date) || cmp(a.id, b.id),
  );
}
