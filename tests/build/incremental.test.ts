/**
 * Incremental builds: a build updates the previous output in place (`src/features/incremental/`),
 * keeps the pages whose key is unchanged (`experimental.incrementalBuild`, keys in
 * `src/archive/page-keys.ts`) and the files beside them that are unchanged, and must give exactly
 * what a clean build gives. Each change an archivist makes (a document added, one of an earlier
 * year, a text changed, a second account of a meeting added, a document removed, a person record
 * changed, and a title, a topic and a place at once) is made to a synthetic archive that has been
 * built, the site is built again into the same folder with the same cache, and the result is
 * compared file by file, byte for byte, with a clean build of the same content.
 *
 * So that it takes few builds, each content has one clean build, which the rebuilds that reach
 * that content all compare with, and the rebuilds start from builds already made: from the clean
 * build of a changed archive, undoing the change gives the synthetic archive as generated (a text,
 * a person, a title, a topic and a place changed back; a document removed), whose clean build
 * is made once; from there, each of the other changes is made in turn. The text and the person
 * change in one step: their effects are apart (no document of the year of the changed text names
 * the person, so that the two are in different parts of the search index), so that the files
 * that differ would still tell which went wrong. That step also shows that a person record
 * changed renders again the pages of the documents naming the person, and of no other document
 * than the one whose text changed. Builds run two at a time (two cores).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { removeBuild, root, tempDir, type BuildResult } from '../support/build.ts';
import { buildQueue } from '../support/builds-in-pairs.ts';
import { listFiles } from '../support/dist.ts';
import { buildArchive, recordsOf } from '#archive/archive.ts';
import { parseEntries } from '#content/entries.ts';
import { readContent } from '#content/read.ts';

/** The synthetic archive as generated: every change is made to a copy of it. */
const generated = join(tempDir('incremental'), 'content');
const env = { SITE_URL: 'https://archive.test' };

/** The files of a content folder (relative paths), in name order. */
const contentFiles = (dir: string, folder = '') =>
  readdirSync(join(dir, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
/** The n-th document or record of a folder of the generated archive, in name order. */
const nth = (dir: string, folder: string, n = 0) =>
  join(dir, contentFiles(generated, folder).filter((f) => /\.(md|yaml)$/.test(f))[n]!);
const edit = (file: string, change: (text: string) => string) => {
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  expect(changed, file).not.toBe(text);
  writeFileSync(file, changed);
};
/** Makes `dir` the generated archive again: what a change added removed, what it changed restored. */
const undo = (dir: string) => {
  const original = new Set(contentFiles(generated));
  for (const file of contentFiles(dir)) if (!original.has(file)) rmSync(join(dir, file));
  for (const file of original) {
    const bytes = readFileSync(join(generated, file));
    if (!existsSync(join(dir, file)) || !readFileSync(join(dir, file)).equals(bytes))
      writeFileSync(join(dir, file), bytes);
  }
};

/** Pages Astro took from the previous build, and pages it rendered, from its log (coloured where CI is set). */
const counts = (log: string) => {
  const output = stripVTControlCharacters(log);
  return {
    reused: (output.match(/\((?:cached|restored)\)/g) ?? []).length,
    rendered: (output.match(/├─ \S+ \(\+/g) ?? []).length,
  };
};
/** The documents whose pages Astro rendered, from its log. */
const renderedReadouts = (log: string) =>
  [...stripVTControlCharacters(log).matchAll(/├─ \/comptes-rendus\/(\d[^/]*)\/index\.html \(\+/g)]
    .map((m) => m[1]!)
    .sort();

/**
 * A person, and a document of a year in which no document names the person, whose text changes:
 * the search index, in parts by language and year, has the two in different parts.
 */
function personAndText() {
  const archive = buildArchive(parseEntries(readContent(root, generated).files));
  const naming = new Map<string, string[]>();
  for (const readout of archive.readouts) {
    const { participants, mentions } = recordsOf(readout, archive);
    for (const { person } of [...participants, ...mentions]) {
      naming.set(person.id, [...(naming.get(person.id) ?? []), readout.id]);
    }
  }
  const documents = archive.readouts.map((r) => r.id).sort();
  const year = (id: string) => id.slice(0, 4);
  for (const [person, ids] of [...naming].sort()) {
    const text = documents.find((id) => !ids.some((named) => year(named) === year(id)));
    if (text) return { person, naming: ids.sort(), text };
  }
  throw new Error('The synthetic archive has no person absent from a year that has documents');
}

/** Changes an archivist makes, each to the generated archive. */
function changes(chosen: ReturnType<typeof personAndText>) {
  return {
    textAndPerson: (dir: string) => {
      edit(
        join(dir, 'readouts', chosen.text.slice(0, 4), `${chosen.text}.md`),
        (t) => `${t}\nUn paragraphe ajouté au texte.\n`,
      );
      edit(join(dir, 'people', `${chosen.person}.yaml`), (t) => t.replace(/^name: (.*)$/m, 'name: $1 (nom corrigé)'));
    },
    titleTopicPlace: (dir: string) => {
      edit(nth(dir, 'readouts', 0), (t) => t.replace(/^title: .*$/m, 'title: Un titre corrigé'));
      edit(nth(dir, 'topics'), (t) => t.replace(/^label: .*$/m, 'label: "Thème renommé"'));
      edit(nth(dir, 'places'), (t) => t.replace(/^name: (.*)$/m, 'name: $1-Ville'));
    },
    documentAdded: (dir: string) => {
      const added = readFileSync(nth(dir, 'readouts', 3), 'utf8');
      const date = /^date: (\S+)$/m.exec(added)![1]!;
      // Another document's text, with a paragraph of its own: the archive refuses one text twice.
      writeFileSync(
        join(dir, 'readouts', date.slice(0, 4), `${date}-document-ajoute.md`),
        `${added}\nUn paragraphe propre au document ajouté.\n`,
      );
    },
    // Every record's chart spans the archive's years: all of them change.
    earlierYear: (dir: string) => {
      const source = readFileSync(nth(dir, 'readouts', 4), 'utf8');
      const date = /^date: (\S+)$/m.exec(source)![1]!;
      const earlier = `${Number(date.slice(0, 4)) - 3}${date.slice(4)}`;
      mkdirSync(join(dir, 'readouts', earlier.slice(0, 4)), { recursive: true });
      writeFileSync(
        join(dir, 'readouts', earlier.slice(0, 4), `${earlier}-annee-anterieure.md`),
        `${source.replaceAll(date, earlier)}\nUn paragraphe propre au document de l’année antérieure.\n`,
      );
    },
    // The first account's page now lists the second, and lists group them: their keys must say so.
    secondAccount: (dir: string) => {
      const first = nth(dir, 'readouts', 5);
      edit(first, (t) => t.replace(/^date: (.*)$/m, 'date: $1\nmeeting: une-rencontre'));
      const source = readFileSync(first, 'utf8');
      const date = /^date: (\S+)$/m.exec(source)![1]!;
      writeFileSync(
        join(dir, 'readouts', date.slice(0, 4), `${date}-second-compte-rendu.md`),
        source
          .replace(/^language: .*$/m, 'language: en')
          .replace(/\n---\n\n/, '\n---\n\nThe other side’s account.\n\n'),
      );
    },
  };
}

/** The contents built clean: the generated archive, and each change made to it. */
type Content = 'generated' | keyof ReturnType<typeof changes>;
/** In the order the steps below need them. */
const contents: Content[] = [
  'textAndPerson',
  'generated',
  'documentAdded',
  'titleTopicPlace',
  'earlierYear',
  'secondAccount',
];
/** From the clean build of `from`, each step in turn: the content made `to`, rebuilt into the same folder. */
// prettier-ignore
const chains: { from: Content; steps: { what: string; to: Content }[] }[] = [
  {
    from: 'textAndPerson',
    steps: [
      { what: 'a text changed and a person record changed', to: 'generated' },
      { what: 'a document added', to: 'documentAdded' },
      { what: 'a document removed', to: 'generated' },
      { what: 'a document of a year before the others added', to: 'earlierYear' },
    ],
  },
  {
    from: 'titleTopicPlace',
    steps: [
      { what: 'a title, a topic and a place changed at once', to: 'generated' },
      { what: 'a second account of a meeting added', to: 'secondAccount' },
    ],
  },
];

interface Rebuilt {
  result: BuildResult;
  /** The files of the clean build, of the rebuild, and those of both whose bytes differ. */
  files: string[];
  rebuiltFiles: string[];
  differing: string[];
}
const cleans = new Map<Content, BuildResult>();
const rebuilds = new Map<string, Rebuilt>();
let chosen: ReturnType<typeof personAndText>;

beforeAll(async () => {
  generateArchive(generated, { documents: 40, people: 12, topics: 10, places: 4, years: 3 });
  chosen = personAndText();
  const change = changes(chosen);
  const make = (dir: string, content: Content) => {
    undo(dir);
    if (content !== 'generated') change[content](dir);
  };
  const build = buildQueue();
  const clean = new Map(
    contents.map((content) => {
      const dir = join(tempDir('incremental'), 'content');
      cpSync(generated, dir, { recursive: true });
      make(dir, content);
      const done = build({ contentDir: dir, env }).then((result) => (cleans.set(content, result), result));
      return [content, { dir, done }] as const;
    }),
  );
  const rebuild = async ({ from, steps }: (typeof chains)[number]) => {
    // The clean build's folder, content and cache (its own, beside the folder) go on.
    const { dir, done } = clean.get(from)!;
    const { outDir } = await done;
    for (const { what, to } of steps) {
      make(dir, to);
      // First in the queue: the next step waits for it.
      const result = await build({ contentDir: dir, env, outDir }, true);
      // Compared now, before the next step changes the folder.
      const reference = (await clean.get(to)!.done).outDir;
      const files = listFiles(reference);
      const rebuiltFiles = listFiles(outDir);
      const differing = files.filter(
        (f) => rebuiltFiles.includes(f) && !readFileSync(join(reference, f)).equals(readFileSync(join(outDir, f))),
      );
      rebuilds.set(what, { result, files, rebuiltFiles, differing });
    }
  };
  await Promise.all([...chains.map(rebuild), ...[...clean.values()].map((c) => c.done)]);
}, 900_000);

afterAll(() => {
  for (const result of cleans.values()) removeBuild(result.outDir);
});

test('each clean build succeeds, rendering every page', () => {
  expect([...cleans.keys()].sort()).toEqual([...contents].sort());
  for (const [content, result] of cleans) {
    expect(result.status, `${content}: ${result.output.slice(-3000)}`).toBe(0);
    expect(counts(result.output).reused, content).toBe(0);
  }
});

describe.each(chains.flatMap((chain) => chain.steps.map((step) => step.what)))(
  'after %s, a build into the same folder',
  (what) => {
    test('succeeds, reusing pages of the previous build and rendering the changed ones', () => {
      const { result } = rebuilds.get(what)!;
      expect(result.status, result.output.slice(-3000)).toBe(0);
      const { reused, rendered } = counts(result.output);
      expect(reused).toBeGreaterThan(0);
      expect(rendered).toBeGreaterThan(0);
    });

    test('gives, file for file and byte for byte, what a clean build of the same content gives', () => {
      const { files, rebuiltFiles, differing } = rebuilds.get(what)!;
      expect(files.length).toBeGreaterThan(100);
      expect(rebuiltFiles).toEqual(files);
      expect(differing).toEqual([]);
    });
  },
);

test('a person record changed renders again the pages of the documents that name the person, and of no other document than the one whose text changed', () => {
  const { result } = rebuilds.get('a text changed and a person record changed')!;
  expect(chosen.naming.length).toBeGreaterThan(0);
  expect(renderedReadouts(result.output)).toEqual([...chosen.naming, chosen.text].sort());
});
