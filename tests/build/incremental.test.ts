/**
 * Incremental builds: a build updates the previous output in place (`src/features/incremental/`),
 * keeps the pages whose key is unchanged (`experimental.incrementalBuild`, keys in
 * `src/archive/page-keys.ts`) and the files beside them that are unchanged, and must give exactly
 * what a clean build gives. Each change an archivist makes (a document added, one of an earlier
 * year, a second account of a meeting added, a text changed, a person record changed, a title, a
 * topic and a place at once, documents removed) is made to a synthetic archive that has been
 * built, the site is built again into the same folder with the same cache, and the result is
 * compared file by file, byte for byte, with a clean build of the same content.
 *
 * Eight builds: four contents, each built clean once (the synthetic archive as generated; a text
 * and a person changed; a title, a topic and a place changed; documents added), and four
 * rebuilds, each starting from a build already made and compared with the clean build of the
 * content it reaches. From the clean build of the text and the person changed, undoing them gives
 * the generated archive, adding the documents gives the added content, and removing them gives the
 * generated archive again; from the clean build of the title, the topic and the place changed,
 * undoing them gives the generated archive. Every change is made once, and the documents added
 * are removed again: documents removed, a year with them, a meeting left with one account.
 *
 * Changes made in one step have effects apart, or checks that show each effect. The text and the
 * person: no document of the year of the changed text names the person (the two are in different
 * parts of the search index), so that the files that differ would still tell which went wrong;
 * that step also shows that a person record changed renders again the pages of the documents
 * naming the person, and of no other document than the one whose text changed. The documents
 * added are one of a year the archive has, one of a year before the others and a second account
 * of a meeting: the earlier year changes every record's chart, so each record's page must differ
 * between the clean builds, also of the records no added document names, and both rebuilds render
 * it; the second account changes the first account (its `meeting:`), whose page then links to
 * the second, and both rebuilds render it. Builds run two at a time (two cores).
 *
 * The same builds show the cache of preview images (`src/features/preview/cache.ts`), kept by what
 * an image shows: a clean build draws every image and keeps it in its cache, outside the output;
 * a rebuild after documents are added draws theirs alone, rewriting no image already there; after
 * they are removed it draws none and drops theirs from the cache. That the images taken from the
 * cache are right, byte for byte, is what the comparison with the clean builds shows.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { removeBuild, root, tempDir, type BuildResult } from '../support/build.ts';
import { buildQueue } from '../support/builds-in-pairs.ts';
import { listFiles } from '../support/dist.ts';
import { buildArchive, recordsOf, type Archive, type Readout } from '#archive/archive.ts';
import { routes } from '#archive/urls.ts';
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
const archiveOf = (dir: string) => buildArchive(parseEntries(readContent(root, dir).files));
const year = (id: string) => id.slice(0, 4);

/** Pages Astro took from the previous build, and pages it rendered, from its log (coloured where CI is set). */
const counts = (log: string) => {
  const output = stripVTControlCharacters(log);
  return {
    reused: (output.match(/\((?:cached|restored)\)/g) ?? []).length,
    rendered: (output.match(/├─ \S+ \(\+/g) ?? []).length,
  };
};
/** The files of the pages Astro rendered, from its log (`personnes/x/index.html`). */
const renderedPages = (log: string) =>
  [...stripVTControlCharacters(log).matchAll(/├─ \/(\S+) \(\+/g)].map((m) => m[1]!).sort();
/** The documents whose pages Astro rendered, from its log. */
const renderedReadouts = (log: string) =>
  renderedPages(log)
    .map((page) => /^comptes-rendus\/(\d[^/]*)\/index\.html$/.exec(page)?.[1])
    .filter((id) => id !== undefined);

/** The file of each record's first page, which shows its chart. */
const recordPages = (records: Pick<Archive, 'people' | 'topics' | 'places'>) =>
  [
    ...records.people.map((p) => routes.person(p.id)),
    ...records.topics.map((t) => routes.topic(t.id)),
    ...records.places.map((p) => routes.place(p.id)),
  ].map((route) => `${route}index.html`);

/**
 * A person, and a document of a year in which no document names the person, whose text changes:
 * the search index, in parts by language and year, has the two in different parts.
 */
function personAndText() {
  const archive = archiveOf(generated);
  const naming = new Map<string, string[]>();
  for (const readout of archive.readouts) {
    const { participants, mentions } = recordsOf(readout, archive);
    for (const { person } of [...participants, ...mentions]) {
      naming.set(person.id, [...(naming.get(person.id) ?? []), readout.id]);
    }
  }
  const documents = archive.readouts.map((r) => r.id).sort();
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
    // The three at once (`additions` below): one clean build and two rebuilds cover them.
    added: (dir: string) => {
      for (const add of Object.values(additions)) add(dir);
    },
  };
}

/** The documents an archivist adds, each to the generated archive. */
const additions = {
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
      source.replace(/^language: .*$/m, 'language: en').replace(/\n---\n\n/, '\n---\n\nThe other side’s account.\n\n'),
    );
  },
};

/**
 * What the documents added to `dir` are, read from the content: those of a year the archive has
 * and of no meeting, those of a year before the others, the first accounts of a meeting (documents
 * of the generated archive that now name one) and the second ones; the records' first pages, and
 * those of the records no added document names.
 */
function whatIsAdded(dir: string) {
  const before = archiveOf(generated);
  const after = archiveOf(dir);
  const years = before.readouts.map((r) => year(r.id)).sort();
  const added = after.readouts.filter((r) => !before.readout.has(r.id));
  const ids = (readouts: Readout[]) => readouts.map((r) => r.id).sort();
  const firstAccounts = before.readouts.filter(
    (r) => r.data.meeting === undefined && after.readout.get(r.id)?.data.meeting !== undefined,
  );
  const meetings = new Set(firstAccounts.map((r) => after.readout.get(r.id)!.data.meeting));
  const named = new Set(
    added.flatMap((r) => {
      const { place, participants, mentions, topics } = recordsOf(r, after);
      return recordPages({
        people: [...participants, ...mentions].map((p) => p.person),
        topics,
        places: place ? [place] : [],
      });
    }),
  );
  return {
    inAYear: ids(added.filter((r) => years.includes(year(r.id)) && r.data.meeting === undefined)),
    earlierYear: ids(added.filter((r) => year(r.id) < years[0]!)),
    firstAccounts: ids(firstAccounts),
    secondAccounts: ids(added.filter((r) => meetings.has(r.data.meeting))),
    records: recordPages(after),
    unnamed: recordPages(after).filter((page) => !named.has(page)),
    documents: { generated: before.readouts.length, added: after.readouts.length },
  };
}

/** The contents built clean: the generated archive, and each change made to it. */
type Content = 'generated' | keyof ReturnType<typeof changes>;
/** In the order the steps below need them (the longest chain's first). */
const contents: Content[] = ['textAndPerson', 'generated', 'added', 'titleTopicPlace'];
/** What each rebuild follows. */
const stepNames = {
  textAndPerson: 'a text changed and a person record changed',
  added:
    'documents added (one of a year the archive has, one of a year before the others, a second account of a meeting)',
  removed: 'those documents removed, and the first account’s meeting undone',
  titleTopicPlace: 'a title, a topic and a place changed at once',
};
/** From the clean build of `from`, each step in turn: the content made `to`, rebuilt into the same folder. */
// prettier-ignore
const chains: { from: Content; steps: { what: string; to: Content }[] }[] = [
  {
    from: 'textAndPerson',
    steps: [
      { what: stepNames.textAndPerson, to: 'generated' },
      { what: stepNames.added, to: 'added' },
      { what: stepNames.removed, to: 'generated' },
    ],
  },
  { from: 'titleTopicPlace', steps: [{ what: stepNames.titleTopicPlace, to: 'generated' }] },
];

interface Rebuilt {
  result: BuildResult;
  /** The files of the clean build, of the rebuild, and those of both whose bytes differ. */
  files: string[];
  rebuiltFiles: string[];
  differing: string[];
  /** The preview images in the build's cache, by file name, with their time of writing: before the step and after. */
  cachedBefore: Map<string, number>;
  cachedAfter: Map<string, number>;
}

/** The preview images a build's cache holds (`ASTRO_CACHE_DIR`, beside its output: `tests/support/build.ts`), with their time of writing. */
const cachedPreviews = (outDir: string) => {
  const dir = join(`${outDir}-cache`, 'readout-archive', 'previews');
  return new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
};
/** `aperçus : N images, N dessinée(s), N reprise(s) du cache` from a build's log. */
const previewCounts = (log: string) => {
  const m = /aperçus : (\d+) images, (\d+) dessinée\(s\), (\d+) reprise\(s\) du cache/.exec(log);
  return m ? { images: Number(m[1]), drawn: Number(m[2]), reused: Number(m[3]) } : undefined;
};
const cleans = new Map<Content, BuildResult>();
const rebuilds = new Map<string, Rebuilt>();
let chosen: ReturnType<typeof personAndText>;
let added: ReturnType<typeof whatIsAdded>;

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
  // Read from the folder of its clean build, which no chain changes.
  added = whatIsAdded(clean.get('added')!.dir);
  const rebuild = async ({ from, steps }: (typeof chains)[number]) => {
    // The clean build's folder, content and cache (its own, beside the folder) go on.
    const { dir, done } = clean.get(from)!;
    const { outDir } = await done;
    for (const { what, to } of steps) {
      make(dir, to);
      const cachedBefore = cachedPreviews(outDir);
      // First in the queue: the next step waits for it.
      const result = await build({ contentDir: dir, env, outDir }, true);
      const cachedAfter = cachedPreviews(outDir);
      // Compared now, before the next step changes the folder.
      const reference = (await clean.get(to)!.done).outDir;
      const files = listFiles(reference);
      const rebuiltFiles = listFiles(outDir);
      const differing = files.filter(
        (f) => rebuiltFiles.includes(f) && !readFileSync(join(reference, f)).equals(readFileSync(join(outDir, f))),
      );
      rebuilds.set(what, { result, files, rebuiltFiles, differing, cachedBefore, cachedAfter });
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
  const { result } = rebuilds.get(stepNames.textAndPerson)!;
  expect(chosen.naming.length).toBeGreaterThan(0);
  expect(renderedReadouts(result.output)).toEqual([...chosen.naming, chosen.text].sort());
});

describe('the documents added and removed in one step', () => {
  const page = (content: Content, file: string) => readFileSync(join(cleans.get(content)!.outDir, file));
  const rendered = (what: string) => renderedPages(rebuilds.get(what)!.result.output);

  test('are one of a year the archive has, one of a year before the others, and a second account of a meeting', () => {
    expect(added.inAYear).toHaveLength(1);
    expect(added.earlierYear).toHaveLength(1);
    expect(added.firstAccounts).toHaveLength(1);
    expect(added.secondAccounts).toHaveLength(1);
  });

  test('change every record’s page (its chart), also of the records no added document names, which both rebuilds render again', () => {
    expect(added.unnamed.length).toBeGreaterThan(0);
    for (const file of added.records) expect(page('generated', file).equals(page('added', file)), file).toBe(false);
    for (const what of [stepNames.added, stepNames.removed])
      expect(rendered(what)).toEqual(expect.arrayContaining(added.records));
  });

  test('make the first account’s page link to the second, and both rebuilds render it again', () => {
    const [first] = added.firstAccounts;
    const [second] = added.secondAccounts;
    const file = `${routes.readout(first!)}index.html`;
    const link = `href="/${routes.readout(second!)}"`;
    expect(page('added', file).toString()).toContain(link);
    expect(page('generated', file).toString()).not.toContain(link);
    for (const what of [stepNames.added, stepNames.removed]) expect(rendered(what)).toContain(file);
  });
});

describe('preview images, cached by what they show', () => {
  const documents = (content: 'generated' | 'added') => added.documents[content];
  /** Images that show the same (a copy's title, date, place and participants) are one file, drawn once. */
  const distinctImages = (content: Content) => cachedPreviews(cleans.get(content)!.outDir).size;

  test('a clean build draws each image once and keeps it in its cache, outside the output', () => {
    // The caches of clean builds that no step went on with.
    for (const content of ['generated', 'added'] as const) {
      const result = cleans.get(content)!;
      const drawn = distinctImages(content);
      expect(drawn, content).toBeGreaterThan(documents(content) / 2);
      expect(previewCounts(result.output), content).toEqual({
        images: documents(content),
        drawn,
        reused: documents(content) - drawn,
      });
      const inOutput = readdirSync(result.outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.includes('previews'),
      );
      expect(inOutput).toEqual([]);
    }
  });

  test('documents added: only images not yet in the cache are drawn, and none already there is written again', () => {
    const { result, cachedBefore, cachedAfter } = rebuilds.get(stepNames.added)!;
    const drawn = [...cachedAfter.keys()].filter((file) => !cachedBefore.has(file)).length;
    // The document of an earlier year shows another date: its image at least is new.
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(documents('added') - documents('generated'));
    expect(previewCounts(result.output)).toEqual({
      images: documents('added'),
      drawn,
      reused: documents('added') - drawn,
    });
    expect(cachedBefore.size).toBe(distinctImages('generated'));
    expect(cachedAfter.size).toBe(distinctImages('added'));
    for (const [file, written] of cachedBefore) expect(cachedAfter.get(file), file).toBe(written);
  });

  test('documents removed: no image is drawn, and those no document shows any more leave the cache', () => {
    const { result, cachedBefore, cachedAfter } = rebuilds.get(stepNames.removed)!;
    expect(previewCounts(result.output)).toEqual({
      images: documents('generated'),
      drawn: 0,
      reused: documents('generated'),
    });
    expect(cachedAfter.size).toBe(distinctImages('generated'));
    expect(cachedAfter.size).toBeLessThan(cachedBefore.size);
    for (const [file, written] of cachedAfter) expect(cachedBefore.get(file), file).toBe(written);
  });
});
