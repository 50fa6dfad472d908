/**
 * Citing a document on the built site: an anchor and a self-link on every paragraph, the
 * « Citer ce document » section, the CSL-JSON, BibTeX and RIS files next to the page, and the
 * `citation_*` meta tags that Zotero reads: every one read back and compared, field by field,
 * with the document's front matter, and every BibTeX file validated by biber.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { SITE_URL } from '../global-setup.ts';
import { root } from '../support/build.ts';
import { readouts, records, type TestReadout } from '../support/content.ts';
import { fileForPath, page, text } from '../support/dist.ts';
import {
  biberProblems,
  expectedReadings,
  expectedTypes,
  readings,
  types,
  type Described,
  type ReferenceFiles,
} from '../support/references.ts';
import { citationGenre, citationNote } from '#formats/citation.ts';

const docs = readouts();
const seed = readFileSync(join(root, 'tests/fixtures/seeds/000_500df64e896cbe1d.txt'), 'utf8').split('\n');
const seedDoc = docs.find((d) => d.id === '2024-05-20-wang-yi-sergei-aleinik')!;

const names = (collection: 'people' | 'places') =>
  new Map(records(collection).map((r) => [r.id, String(r.data['name'])]));
const people = names('people');
const places = names('places');
const personName = (id: string) => people.get(id)!;
const placeName = (id: string | undefined) => (id === undefined ? undefined : places.get(id)!);

/**
 * What a document's references should say, read from its front matter and records here rather
 * than through the site's code; only the wording of the note and of the kind is the code's (their
 * exact text for the seed is in `tests/unit/formats/citation.test.ts`).
 */
function describedAt(doc: TestReadout, permalink: string): Described {
  const data = doc.data as TestReadout['data'] & {
    language: string;
    dateEnd?: string;
    source?: { publisher: string; published?: string; modified?: string; via?: { name: string } };
  };
  return {
    id: doc.id,
    title: data.title,
    date: data.date,
    dateEnd: data.dateEnd,
    language: data.language,
    publisher: data.source?.publisher,
    event: data.event,
    place: placeName(data.place),
    published: data.source?.published,
    modified: data.source?.modified,
    via: data.source?.via?.name,
    permalink,
    archive: 'Archive des comptes rendus diplomatiques',
    accessed: undefined,
    genre: citationGenre(data.format ?? 'in-person'),
    note: citationNote({
      participants: data.participants.map((p) => personName(p.person)),
      event: data.event,
      place: placeName(data.place),
      date: data.date,
      dateEnd: data.dateEnd,
      published: data.source?.published,
      modified: data.source?.modified,
      via: data.source?.via?.name,
    }),
  };
}

/** The paragraphs of a Markdown body, as the author separated them (blank lines). */
const paragraphsOf = (body: string) =>
  body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

test('there are documents to cite, and the seed among them (a suite over nothing proves nothing)', () => {
  expect(docs.length).toBeGreaterThan(0);
  expect(seedDoc).toBeDefined();
  expect(seed).toHaveLength(4);
});

describe.each([
  ['at the root', 'distDir', '/'],
  ['under BASE_PATH', 'distDirBase', '/archive/'],
] as const)('citing %s', (_, build, base) => {
  const dist = () => inject(build);
  const pathOf = (id: string) => `${base}comptes-rendus/${id}/`;
  const permalinkOf = (id: string) => `${SITE_URL}${pathOf(id)}`;
  const file = (path: string) => readFileSync(fileForPath(dist(), path, base)!, 'utf8');

  test.each(docs.map((d) => [d.id, d] as const))('%s: every paragraph has its anchor #pN and a ¶ link', (id, doc) => {
    const html = page(dist(), pathOf(id), base);
    const expected = paragraphsOf(doc.body);
    expect(expected.length).toBeGreaterThan(0);
    const anchored = html.querySelectorAll('.body p[id]');
    expect(anchored.map((p) => p.id)).toEqual(expected.map((_, i) => `p${i + 1}`));
    anchored.forEach((p, i) => {
      const links = p.querySelectorAll('a.paragraph-link');
      expect(links).toHaveLength(1);
      expect(links[0]!.getAttribute('href')).toBe(`#p${i + 1}`);
      expect(links[0]!.getAttribute('aria-label')).toBe(`Lien vers le paragraphe ${i + 1}`);
      expect(links[0]!.textContent).toBe('');
    });
  });

  test('the seed’s paragraph #pN holds the seed’s N-th paragraph, word for word', () => {
    const html = page(dist(), pathOf(seedDoc.id), base);
    seed.forEach((paragraph, i) => expect(html.getElementById(`p${i + 1}`)?.textContent).toBe(paragraph));
  });

  test('the seed page has a « Citer ce document » section with the French reference to copy', () => {
    const section = page(dist(), pathOf(seedDoc.id), base).querySelector('section[aria-labelledby="citer"]')!;
    expect(section).not.toBeNull();
    expect(text(section.querySelector('#citer')!)).toBe('Citer ce document');
    const permalink = permalinkOf(seedDoc.id);
    expect(text(section)).toContain(
      `«\u00a0${seedDoc.data.title}\u00a0», 20 mai 2024, Archive des comptes rendus diplomatiques, ${permalink} (consulté le …). Source d’origine non précisée.`,
    );
    expect(text(section)).toContain(`${permalink}#p1`);
  });

  test.each(docs.map((d) => [d.id, d] as const))(
    '%s: the reference to copy starts from its publisher, or from its title when the source is not known',
    (id, doc) => {
      const reference = text(
        page(dist(), pathOf(id), base).querySelector('section[aria-labelledby="citer"] .reference')!,
      );
      const source = (doc.data as { source?: { publisher?: string } }).source;
      if (source?.publisher) expect(reference.startsWith(`${source.publisher}, «`), reference).toBe(true);
      else {
        expect(reference.startsWith('«\u00a0'), reference).toBe(true);
        expect(reference.endsWith('Source d’origine non précisée.'), reference).toBe(true);
      }
      expect(reference).not.toMatch(/^Source/);
    },
  );

  test.each(docs.map((d) => [d.id] as const))('%s: offers CSL-JSON, BibTeX and RIS next to its page', (id) => {
    const links = page(dist(), pathOf(id), base)
      .querySelectorAll('section[aria-labelledby="citer"] a[download]')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(['json', 'bib', 'ris'].map((ext) => `${pathOf(id)}citation.${ext}`));
  });

  /** A document's reference files and the `citation_*` tags of its page, as built. */
  const built = (id: string): ReferenceFiles => ({
    json: file(`${pathOf(id)}citation.json`),
    bib: file(`${pathOf(id)}citation.bib`),
    ris: file(`${pathOf(id)}citation.ris`),
    meta: Object.fromEntries(
      page(dist(), pathOf(id), base)
        .querySelectorAll('head meta[name^="citation_"]')
        .map((m) => [m.getAttribute('name')!, m.getAttribute('content')!]),
    ),
  });

  /** Every reading of a document's built references, read once per document. */
  const read = new Map<string, ReturnType<typeof readings>>();
  const readingsOf = (id: string) => read.get(id) ?? read.set(id, readings(built(id))).get(id)!;

  // One run of biber over every document's BibTeX at once (each entry keyed by its document):
  // a run takes a second or two, which one per document would multiply by the archive's size.
  test('biber validates every document’s BibTeX against biblatex’s data model, without a warning', () => {
    expect(docs.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'readout-archive-bib-'));
    try {
      writeFileSync(join(dir, 'all.bib'), docs.map((d) => file(`${pathOf(d.id)}citation.bib`)).join('\n'));
      expect(biberProblems(join(dir, 'all.bib'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe.each(docs.map((d) => [d.id, d] as const))('%s: its references say what its front matter says', (id, doc) => {
    const expected = expectedReadings(describedAt(doc, permalinkOf(id)));
    test.each(Object.keys(expected))('%s', (reading) => {
      expect(readingsOf(id)[reading as keyof typeof expected]).toEqual(expected[reading as keyof typeof expected]);
    });

    test('each file gives the type it should', () => {
      expect(types(built(id))).toEqual(expectedTypes);
    });

    test('the note names the participants, the occasion and the place', () => {
      const { note } = readingsOf(id).csl;
      expect(note).toBeDefined();
      for (const name of doc.data.participants.map((p) => personName(p.person))) expect(note).toContain(name);
      if (doc.data.event) expect(note).toContain(doc.data.event);
      if (doc.data.place !== undefined) expect(note).toContain(placeName(doc.data.place));
    });
  });

  test.each(docs.map((d) => [d.id, d] as const))('%s: tells Zotero what it is in citation_* meta tags', (id, doc) => {
    const { meta } = built(id);
    expect(meta).toMatchObject({
      citation_title: doc.data.title,
      citation_date: doc.data.date.replaceAll('-', '/'),
      citation_language: doc.data.language,
      citation_public_url: permalinkOf(id),
      citation_abstract_html_url: permalinkOf(id),
    });
    const publisher = (doc.data as { source?: { publisher?: string } }).source?.publisher;
    if (publisher) {
      expect(meta['citation_publisher']).toBe(publisher);
      expect(meta['citation_technical_report_institution']).toBe(publisher);
    } else {
      expect(meta).not.toHaveProperty('citation_publisher');
      expect(meta).not.toHaveProperty('citation_technical_report_institution');
    }
  });
});
