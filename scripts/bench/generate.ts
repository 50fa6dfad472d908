/**
 * A synthetic archive for the benchmark: people, topics, places and documents written to a
 * folder shaped like `content/`, valid under the archive's own rules, and identical for a
 * given size and seed (a small PRNG, no `Math.random`). A few people, topics and places
 * dominate, as in a real archive where one minister takes part in a large share of meetings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { MANIFEST_FILE } from '#features/permanence/manifest.ts';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { countryName } from '#content/countries.ts';

/** The countries of the synthetic archive: those of the seed. */
const countryCodes = ['BY', 'CN', 'KZ'] as const;
import * as words from './vocabulary.ts';
import { slugify } from '#features/import/find.ts';

export interface ArchiveSize {
  documents: number;
  people: number;
  topics: number;
  places: number;
  /** How many years the documents spread over, from 2015 on (10 by default). */
  years?: number;
  /**
   * How long the texts are: `short` (about 1.5 KB, the default, enough for tests) or `real`
   * (about 4 KB, as long as the seed and the readouts a ministry publishes: what the benchmark
   * weighs and times).
   */
  length?: 'short' | 'real';
}

/** Paragraphs after the first, and sentences in each: the least and how many more at most. */
const LENGTHS = {
  short: { paragraphs: [2, 4], sentences: [2, 2] },
  real: { paragraphs: [5, 4], sentences: [4, 3] },
} as const;

/** Mulberry32: a tiny deterministic PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws indexes 0..n-1 with probability falling as 1/(i+1)^s: a few frequent, a long tail. */
function zipf(random: () => number, n: number, s = 1): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative.push((sum += 1 / (i + 1) ** s));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const MONTHS = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');

function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

interface Named {
  id: string;
  name: string;
  country: string;
}

/** Writes a synthetic archive under `dir` (which gets `readouts/`, `people/`, `topics/`, `places/`). */
export function generateArchive(dir: string, size: ArchiveSize, seed = 20240520): { files: number } {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const unique = (taken: Set<string>, base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  for (const folder of ['readouts', 'people', 'topics', 'places']) mkdirSync(join(dir, folder), { recursive: true });
  let files = 0;
  const write = (path: string, text: string) => {
    writeFileSync(join(dir, path), text);
    files++;
  };

  const people: Named[] = [];
  const personIds = new Set<string>();
  for (let i = 0; i < size.people; i++) {
    const name = `${words.givenNames[i % words.givenNames.length]} ${words.familyNames[Math.floor(i / words.givenNames.length + i) % words.familyNames.length]}`;
    const country = countryCodes[i % countryCodes.length]!;
    const person = { id: unique(personIds, slugify(name)), name, country };
    people.push(person);
    write(
      `people/${person.id}.yaml`,
      stringify({
        name,
        country,
        description: `Diplomate, ${pick(words.roles)}.`,
        aliases: [name],
      }),
    );
  }

  const topics: { id: string; label: string }[] = [];
  const topicIds = new Set<string>();
  const labels = new Set<string>();
  for (let i = 0; i < size.topics; i++) {
    const kind = words.topicKinds[i % words.topicKinds.length]!;
    const j = Math.floor(i / words.topicKinds.length);
    const domain = words.domains[j % words.domains.length]!;
    const base =
      kind === 'organisation'
        ? `${words.organisations[j % words.organisations.length]} : ${domain}`
        : kind === 'relation'
          ? `Relations avec ${words.countryNames[j % words.countryNames.length]} : ${domain}`
          : `Coopération ${words.qualifiers[j % words.qualifiers.length]} : ${domain}`;
    // Aliases lead to one record each: a label already taken gets a number.
    let label = base;
    for (let n = 2; labels.has(label); n++) label = `${base} (${n})`;
    labels.add(label);
    const topic = { id: unique(topicIds, slugify(label)), label };
    topics.push(topic);
    write(
      `topics/${topic.id}.yaml`,
      stringify({ label, kind, description: `Dossier de l’archive consacré à : ${label}.`, aliases: [label] }),
    );
  }

  const places: Named[] = [];
  const placeIds = new Set<string>();
  for (let i = 0; i < size.places; i++) {
    const city = words.cities[i % words.cities.length]!;
    const name = i < words.cities.length ? city : `${city} ${Math.floor(i / words.cities.length) + 1}`;
    const place = { id: unique(placeIds, slugify(name)), name, country: countryCodes[i % countryCodes.length]! };
    places.push(place);
    write(`places/${place.id}.yaml`, stringify({ name, country: place.country, aliases: [name] }));
  }

  const host = zipf(random, people.length, 1.1);
  const guest = zipf(random, people.length, 0.6);
  const topicOf = zipf(random, topics.length, 0.9);
  const placeOf = zipf(random, places.length, 1);
  const readoutIds = new Set<string>();
  const firstYear = 2015;
  const years = size.years ?? 10;

  for (let i = 0; i < size.documents; i++) {
    // Spread evenly over the years, in date order, each date a real day.
    const day = Math.floor(((i + random()) / size.documents) * years * 365.2425);
    const date = new Date(Date.UTC(firstYear, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const chosen = new Set<number>();
    const add = (draw: () => number) => {
      for (let tries = 0; tries < 20; tries++) {
        const n = draw();
        if (!chosen.has(n)) return (chosen.add(n), n);
      }
      return undefined;
    };
    const participants = [add(host), add(guest), random() < 0.2 ? add(guest) : undefined]
      .filter((n) => n !== undefined)
      .map((n) => people[n]!)
      .map((person) => ({ person, role: `${pick(words.roles)} (${countryName(person.country)})` }));
    const mentions = [random() < 0.4 ? add(guest) : undefined, random() < 0.15 ? add(host) : undefined]
      .filter((n) => n !== undefined)
      .map((n) => people[n]!.id);
    const topicSet = new Set<number>();
    const topicCount = 1 + Math.floor(random() * 5);
    for (let t = 0; t < topicCount * 3 && topicSet.size < topicCount; t++) topicSet.add(topicOf());
    const docTopics = [...topicSet].map((n) => topics[n]!);
    const place = places[placeOf()]!;
    const [a, b] = participants as [(typeof participants)[0], (typeof participants)[0] | undefined];
    const fill = (text: string) =>
      text
        .replace('{domain}', pick(words.domains))
        .replace('{topic}', pick(docTopics).label)
        .replace('{country}', pick(words.countryNames))
        .replace('{adjective}', pick(words.countryAdjectives));

    const paragraphs = [
      `Le ${frenchDate(date)}, ${a.person.name}, ${a.role}, a ${b ? `rencontré ${b.person.name}, ${b.role},` : 'reçu une délégation'} à ${place.name}.`,
    ];
    const length = LENGTHS[size.length ?? 'short'];
    const body = length.paragraphs[0] + Math.floor(random() * (length.paragraphs[1] + 1));
    for (let p = 0; p < body; p++) {
      const speaker = p % 2 === 0 || !b ? a : b;
      const sentences = length.sentences[0] + Math.floor(random() * (length.sentences[1] + 1));
      const parts = [];
      for (let s = 0; s < sentences; s++) parts.push(fill(pick(words.statements)));
      paragraphs.push(
        `${speaker.person.name} a déclaré que ${parts[0]}. ${parts
          .slice(1)
          .map((x) => `Il a ${pick(words.connectives)} que ${x}.`)
          .join(' ')}`,
      );
    }
    paragraphs.push(fill(pick(words.closings)));

    const title = b
      ? `${a.person.name} rencontre ${b.person.name} à ${place.name}`
      : `${a.person.name} reçoit une délégation à ${place.name}`;
    const id = unique(readoutIds, `${date}-${slugify(a.person.name)}${b ? `-${slugify(b.person.name)}` : ''}`);
    const data: { [key: string]: unknown } = {
      title,
      date,
      place: place.id,
      ...(random() < 0.2 ? { event: pick(words.events) } : {}),
      participants: participants.map((p) => ({ person: p.person.id, role: p.role })),
      ...(mentions.length > 0 ? { mentions } : {}),
      topics: docTopics.map((t) => t.id),
      language: 'fr',
      ...(random() < 0.5
        ? {
            source: {
              publisher: pick(words.publishers),
              url: `https://example.org/comptes-rendus/${id}.html`,
              retrieved: date,
            },
          }
        : {}),
    };
    mkdirSync(join(dir, 'readouts', date.slice(0, 4)), { recursive: true });
    write(`readouts/${date.slice(0, 4)}/${id}.md`, `---\n${stringify(data)}---\n\n${paragraphs.join('\n\n')}\n`);
  }
  // An archive with documents has a manifest of its published addresses (the build refuses one
  // without): the home page, which every archive serves, stands for the rest.
  write(MANIFEST_FILE, '# Archive de synthèse : l’accueil seul est listé.\n/\n');
  return { files };
}
