import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { parse } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { mentionIds, readouts, records } from '../support/content.ts';
import { fileForPath, htmlFiles, text } from '../support/dist.ts';

const SITE = 'https://archive.test';
type Node = Record<string, unknown>;

interface Page {
  file: string;
  html: HTMLElement;
  blocks: Node[];
}

const parsed = new Map<string, Page[]>();

/** Every page of a build, with each JSON-LD block parsed (once per build). */
function pages(dir: string): Page[] {
  const known = parsed.get(dir);
  if (known) return known;
  const list = htmlFiles(dir).map((file) => {
    const html = parse(readFileSync(join(dir, file), 'utf8'));
    const blocks = html
      .querySelectorAll('script[type="application/ld+json"]')
      .map((s) => JSON.parse(s.rawText) as Node);
    return { file, html, blocks };
  });
  parsed.set(dir, list);
  return list;
}

const ofType = (blocks: Node[], type: string) => blocks.filter((b) => b['@type'] === type);
const list = (value: unknown): Node[] => (Array.isArray(value) ? value : [value]) as Node[];

/** Every string under `node` that is an address on the site. */
function siteUrls(node: unknown, prefix: string): string[] {
  if (typeof node === 'string') return node.startsWith(prefix) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((n) => siteUrls(n, prefix));
  if (typeof node === 'object' && node !== null) return Object.values(node).flatMap((n) => siteUrls(n, prefix));
  return [];
}

const docs = readouts();
const people = records('people');
const places = new Map(records('places').map((p) => [p.id, p.data]));

describe.each([
  ['at the root', 'distDir', '/'],
  ['under /archive/', 'distDirBase', '/archive/'],
] as const)('JSON-LD %s', (_where, build, base) => {
  const at = (route: string) => `${SITE}${base}${route}`;
  const all = () => pages(inject(build));
  const pageAt = (route: string) => {
    const file = fileForPath(inject(build), `${base}${route}`, base);
    const found = all().find((p) => file === join(inject(build), p.file));
    if (!found) throw new Error(`No page at ${route}`);
    return found;
  };

  test('every block parses, says it is schema.org, has a type, and holds no markup', () => {
    const built = all();
    const blocks = built.flatMap((p) => p.blocks);
    expect(built.length).toBeGreaterThan(0);
    expect(blocks.length).toBeGreaterThan(built.length / 2);
    for (const block of blocks) {
      expect(block['@context']).toBe('https://schema.org');
      expect(typeof block['@type']).toBe('string');
    }
    for (const p of built) {
      for (const s of p.html.querySelectorAll('script[type="application/ld+json"]')) expect(s.rawText).not.toMatch(/</);
    }
  });

  test('every page with breadcrumbs has one BreadcrumbList matching them, ending at the canonical URL', () => {
    const withCrumbs = all().filter((p) => p.html.querySelector('nav.breadcrumbs'));
    expect(withCrumbs.length).toBeGreaterThan(people.length);
    for (const p of withCrumbs) {
      const lists = ofType(p.blocks, 'BreadcrumbList');
      expect(lists, p.file).toHaveLength(1);
      const items = list(lists[0]!['itemListElement']);
      const labels = p.html.querySelectorAll('nav.breadcrumbs li').map((li) => text(li));
      expect(
        items.map((i) => i['name']),
        p.file,
      ).toEqual(labels);
      expect(items.map((i) => i['position'])).toEqual(labels.map((_l, i) => i + 1));
      expect(items[0]!['item']).toBe(at(''));
      expect(items.at(-1)!['item']).toBe(p.html.querySelector('link[rel="canonical"]')?.getAttribute('href'));
    }
  });

  test('a page without breadcrumbs has no BreadcrumbList', () => {
    for (const p of all().filter((x) => !x.html.querySelector('nav.breadcrumbs'))) {
      expect(ofType(p.blocks, 'BreadcrumbList'), p.file).toEqual([]);
    }
  });

  test('every address in the structured data is a file of the build', () => {
    const urls = new Set(all().flatMap((p) => siteUrls(p.blocks, `${SITE}${base}`)));
    expect(urls.size).toBeGreaterThan(docs.length + people.length);
    for (const url of urls) {
      expect(fileForPath(inject(build), new URL(url).pathname, base), url).toBeDefined();
    }
  });

  test.each(docs.map((d) => [d.id, d] as const))(
    '%s is a Report on the meeting, as its front matter says',
    (id, doc) => {
      const [report, ...others] = ofType(pageAt(`comptes-rendus/${id}/`).blocks, 'Report');
      expect(others).toEqual([]);
      const data = doc.data as typeof doc.data & { language: string; source?: { published?: string } };
      expect(report).toMatchObject({ '@id': at(`comptes-rendus/${id}/`), name: data.title, inLanguage: data.language });
      expect(report!['datePublished']).toBe(data.source?.published);

      const [meeting, ...others] = list(report!['about']);
      // A document that names its meeting is also about the meeting's Event, by its page.
      const [named, ...topics] = data.meeting === undefined ? [undefined, ...others] : others;
      expect(named).toEqual(
        data.meeting === undefined
          ? undefined
          : { '@type': 'Event', '@id': `${at(`rencontres/${data.meeting}/`)}#rencontre` },
      );
      expect(meeting).toMatchObject({
        '@type': 'Event',
        startDate: String(data.date),
        endDate: data.dateEnd,
        location:
          data.place === undefined
            ? { '@type': 'VirtualLocation' }
            : { '@id': at(`lieux/${data.place}/`), address: { addressCountry: places.get(data.place)?.['country'] } },
        eventAttendanceMode: `https://schema.org/${(data.format ?? 'in-person') === 'in-person' ? 'Offline' : 'Online'}EventAttendanceMode`,
      });
      expect(
        list(meeting!['attendee']).map((role) => [role['@type'], role['roleName'], (role['attendee'] as Node)['@id']]),
      ).toEqual(data.participants.map((p) => ['Role', p.role, at(`personnes/${p.person}/`)]));
      expect(topics.map((t) => t['@id'])).toEqual(data.topics.map((t) => at(`themes/${t}/`)));
      expect(list(report!['mentions'] ?? []).map((m) => m['@id'])).toEqual(
        mentionIds(doc).map((m) => at(`personnes/${m}/`)),
      );
      expect((report!['contentLocation'] as Node | undefined)?.['@id']).toBe(
        data.place === undefined ? undefined : at(`lieux/${data.place}/`),
      );
    },
  );

  test.each(people.map((p) => [p.id, p.data] as const))('%s has a Person with names and nationality', (id, data) => {
    const [person] = ofType(pageAt(`personnes/${id}/`).blocks, 'Person');
    expect(person).toMatchObject({
      '@id': at(`personnes/${id}/`),
      name: data['name'],
      nationality: { '@type': 'Country', identifier: data['country'] },
    });
    expect(person!['alternateName']).toBe(data['nameOriginal']);
  });
});
