/**
 * Taking the data from the built site: each document's Markdown source with its SHA-256, and
 * the static JSON API, validated against the JSON Schemas it names.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, inject, test } from 'vitest';
import { SITE_URL } from '../global-setup.ts';
import { root } from '../support/build.ts';
import { archiveOrder, meetingsOf, mentionIds, readouts, records } from '../support/content.ts';
import { apiSchemaNames } from '#archive/urls.ts';
import { fileForPath, listFiles, page, text } from '../support/dist.ts';

const docs = readouts();
const seed = readFileSync(join(root, 'tests/fixtures/seeds/000_500df64e896cbe1d.txt'), 'utf8').split('\n');
const seedDoc = docs.find((d) => d.id === '2024-05-20-wang-yi-sergei-aleinik')!;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Each API file and the schema it must follow. */
const endpoints = [
  { path: 'api/comptes-rendus.json', schema: 'comptes-rendus' },
  ...docs.map((d) => ({ path: `api/comptes-rendus/${d.id}.json`, schema: 'compte-rendu' })),
  { path: 'api/personnes.json', schema: 'personnes' },
  { path: 'api/themes.json', schema: 'themes' },
  { path: 'api/lieux.json', schema: 'lieux' },
  { path: 'api/rencontres.json', schema: 'rencontres' },
  ...[...meetingsOf(docs).keys()].map((id) => ({ path: `api/rencontres/${id}.json`, schema: 'rencontre' })),
];

test('there are documents and records to publish (a suite over nothing proves nothing)', () => {
  expect(docs.length).toBeGreaterThan(0);
  expect(seed).toHaveLength(4);
  for (const c of ['people', 'topics', 'places'] as const) expect(records(c).length).toBeGreaterThan(0);
});

describe.each([
  ['at the root', 'distDir', '/'],
  ['under BASE_PATH', 'distDirBase', '/archive/'],
] as const)('the data %s', (_, build, base) => {
  const dist = () => inject(build);
  const origin = `${SITE_URL}${base}`;
  const read = (path: string) => readFileSync(fileForPath(dist(), `${base}${path}`, base)!);
  const json = (path: string) => JSON.parse(read(path).toString('utf8')) as Record<string, unknown>;
  /** An absolute URL of the site resolves to a file of the build. */
  const resolves = (url: unknown) =>
    typeof url === 'string' && url.startsWith(origin) && fileForPath(dist(), url.slice(SITE_URL.length), base);

  test.each(docs.map((d) => [d.id, d] as const))(
    '%s: its source file is the file in content/, byte for byte',
    (id, doc) => {
      expect(read(`comptes-rendus/${id}/source.md`).equals(readFileSync(doc.file))).toBe(true);
    },
  );

  test('the seed’s SHA-256 is that of the seed text as stored, and is shown on the page and in the data', () => {
    const expected = sha256(`\n${seed.join('\n\n')}\n`);
    expect(sha256(seedDoc.body)).toBe(expected);
    const section = page(dist(), `${base}comptes-rendus/${seedDoc.id}/`, base).querySelector(
      'section[aria-labelledby="donnees"]',
    )!;
    expect(text(section.querySelector('code.sha256')!)).toBe(expected);
    expect(text(section)).toContain('SHA-256');
    expect(json(`api/comptes-rendus/${seedDoc.id}.json`)['sha256']).toBe(expected);
  });

  test.each(docs.map((d) => [d.id, d] as const))('%s: the page links to its source and its data', (id) => {
    const hrefs = page(dist(), `${base}comptes-rendus/${id}/`, base)
      .querySelectorAll('section[aria-labelledby="donnees"] a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([`${base}comptes-rendus/${id}/source.md`, `${base}api/comptes-rendus/${id}.json`]);
  });

  test('the JSON Schemas are served under /api/schemas/, as kept in public/', () => {
    const served = listFiles(dist()).filter((f) => f.startsWith('api/schemas/'));
    expect(served).toEqual(listFiles(join(root, 'public/api/schemas')).map((f) => `api/schemas/${f}`));
    expect(served).toEqual(apiSchemaNames.map((name) => `api/schemas/${name}.schema.json`).sort());
  });

  test.each(endpoints)('$path follows the schema it names ($schema)', ({ path, schema }) => {
    const data = json(path);
    expect(data['$schema']).toBe(`${origin}api/schemas/${schema}.schema.json`);
    const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(json(`api/schemas/${schema}.schema.json`));
    expect(validate(data) ? [] : validate.errors).toEqual([]);
  });

  test.each(endpoints)('$path is written the one way: two-space indent, final line feed', ({ path }) => {
    const raw = read(path).toString('utf8');
    expect(raw).toBe(`${JSON.stringify(JSON.parse(raw), null, 2)}\n`);
  });

  test('the index lists every document, newest first, and each entry leads to its page and record', () => {
    const index = json('api/comptes-rendus.json') as { count: number; readouts: Record<string, unknown>[] };
    const newestFirst = archiveOrder(docs).map((d) => d.id);
    expect(index.count).toBe(docs.length);
    expect(index.readouts.map((r) => r['id'])).toEqual(newestFirst);
    for (const entry of index.readouts) {
      const doc = docs.find((d) => d.id === entry['id'])!;
      expect(entry).toMatchObject({
        url: `${origin}comptes-rendus/${doc.id}/`,
        title: doc.data.title,
        date: doc.data.date,
        dateEnd: doc.data.dateEnd ?? null,
        language: doc.data.language,
        meeting: doc.data.meeting ?? null,
        // A call has no place: the index says so with null, as its schema allows.
        place: doc.data.place ?? null,
        participants: doc.data.participants.map((p) => p.person),
        mentions: mentionIds(doc),
        topics: doc.data.topics,
        sha256: sha256(doc.body),
      });
      expect(resolves(entry['url'])).toBeTruthy();
      expect(resolves(entry['data'])).toBeTruthy();
    }
  });

  test.each(docs.map((d) => [d.id, d] as const))(
    '%s: its record holds the text, its hash, roles and files',
    (id, doc) => {
      const record = json(`api/comptes-rendus/${id}.json`) as Record<string, unknown> & {
        participants: { id: string; role: string }[];
        files: Record<string, string>;
        text: string;
      };
      expect(record.text).toBe(doc.body);
      expect(record['sha256']).toBe(sha256(record.text));
      expect(record.participants.map((p) => [p.id, p.role])).toEqual(
        doc.data.participants.map((p) => [p.person, p.role]),
      );
      expect(Object.keys(record.files)).toEqual(['source', 'csl', 'bibtex', 'ris']);
      for (const url of Object.values(record.files)) expect(resolves(url), url).toBeTruthy();
    },
  );

  test.each([
    ['api/personnes.json', 'people', 'people'],
    ['api/themes.json', 'topics', 'topics'],
    ['api/lieux.json', 'places', 'places'],
  ] as const)('%s lists every record of content/%s, each with a page that exists', (path, collection, key) => {
    const data = json(path);
    const list = data[key] as { id: string; url: string; feed?: string }[];
    const ids = records(collection).map((r) => r.id);
    expect(data['count']).toBe(ids.length);
    expect(list.map((r) => r.id).toSorted()).toEqual(ids.toSorted());
    for (const r of list) {
      expect(resolves(r.url), r.url).toBeTruthy();
      if (r.feed !== undefined) expect(resolves(r.feed), r.feed).toBeTruthy();
    }
  });

  test('a person’s data lists their documents with the role each states', () => {
    const { people } = json('api/personnes.json') as {
      people: { id: string; participations: { readout: string; role: string }[]; mentions: string[] }[];
    };
    const checked = people.filter((p) => p.participations.length + p.mentions.length > 0);
    expect(checked.length).toBeGreaterThan(0);
    for (const p of checked) {
      const expected = docs.flatMap((d) =>
        d.data.participants.filter((x) => x.person === p.id).map((x) => ({ readout: d.id, role: x.role })),
      );
      expect(p.participations.toSorted((a, b) => a.readout.localeCompare(b.readout))).toEqual(
        expected.toSorted((a, b) => a.readout.localeCompare(b.readout)),
      );
      expect(p.mentions.toSorted()).toEqual(
        docs
          .filter((d) => mentionIds(d).includes(p.id))
          .map((d) => d.id)
          .toSorted(),
      );
    }
  });
});

test('two builds of the same content give the same API files, but for the base path in URLs', () => {
  const compared = endpoints.map(({ path }) => {
    const rootFile = readFileSync(join(inject('distDir'), path), 'utf8');
    const baseFile = readFileSync(join(inject('distDirBase'), path), 'utf8');
    return [rootFile, baseFile.replaceAll(`${SITE_URL}/archive/`, `${SITE_URL}/`)];
  });
  expect(compared.length).toBeGreaterThan(0);
  for (const [a, b] of compared) expect(b).toBe(a);
});
