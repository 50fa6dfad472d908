/**
 * Generated content for the property-based test (`tests/build/fuzz.test.ts`): a document's
 * frontmatter, written as YAML text in every style YAML allows (quoted with escapes, plain,
 * blocks) and sometimes broken at the byte level, its Markdown body, the record of a person it
 * names, and sometimes a redirect. Values mix French words with what has broken formats before:
 * markup, escapes of every output format, line breaks, control and direction characters,
 * invisible text, dates that parsers shift, YAML's own syntax. Files come in Unicode's composed
 * form or not, with every kind of line end; texts nest around the limit of depth and link to
 * the site and to paragraphs that exist or not; redirects aim at addresses the archive
 * publishes or generates, at case variants and slashless forms, or at retired ones.
 */
import fc from 'fast-check';
import { MAX_DEPTH } from '#content/limits.ts';

/** Words of a readout, so that generated text also looks like what authors write. */
const WORDS = [
  'Wang Yi',
  'a rencontré',
  'son homologue',
  'à Astana',
  'les deux parties',
  'coopération',
  'l’OCS',
  'Bélarus',
  'Sergueï Aleïnik',
  '« selon lui »',
  'ministre',
  'le 20 mai',
  '2024',
  'p3',
  'Source',
];

/** What broke a format once: markup, each format's escapes, YAML's syntax, Unicode's traps. */
const HOSTILE = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '</script>',
  '<script>alert(1)</script>',
  ']]>',
  '<!--',
  '&amp;',
  '&#7;',
  '&#x202E;',
  '{',
  '}',
  '\\',
  '\\input{/etc/passwd}',
  '}, note = {',
  '@misc{x,',
  '%',
  '$',
  '#',
  '_',
  '~',
  '^',
  '\nUR  - https://evil.test/',
  'ER  - ',
  '\r\n',
  '\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\u00a0',
  '\u202f',
  '\u3164',
  '«\u00a0',
  '\u00a0»',
  '’',
  '…',
  'e\u0301',
  '王毅',
  'Сергей',
  '🇨🇳',
  '👩‍💻',
  ': ',
  ' #',
  '- ',
  '*a',
  '&a ',
  '!!binary ',
  '|',
  '---',
  'null',
  '~',
  'true',
  '2024-05-20',
  '0024-05-20',
  '1e3',
  '0x1F',
  '[',
  '{a: 1}',
  '`',
  '*',
  '**',
  '[^1]',
  '# ',
  '\\#',
  'https://example.org/a?b=1&c=2',
  'javascript:alert(1)',
];

/** Where a link of a text may lead on the site: addresses that exist or not, in the site's form or not, paragraphs. */
const SITE_LINKS = [
  '/personnes/wang-yi/',
  '/personnes/wang-yi',
  '/Personnes/Wang-Yi/',
  '/personnes/inexistant/',
  '/themes/ocs/flux.xml',
  '/comptes-rendus/2024-05-20-wang-yi-sergei-aleinik/#p1',
  '/comptes-rendus/2024-05-20-wang-yi-sergei-aleinik/#p99',
  '/api/personnes.json',
  '/recherche/?q=Wang',
  '/',
  '#p1',
  '#p3',
  '#p999',
  '#haut',
];

/** Words, and sometimes a hostile piece or any code units, joined with or without spaces. */
const pieces = (hostile: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
        { weight: hostile, arbitrary: fc.constantFrom(...HOSTILE) },
        { weight: hostile > 0 ? 1 : 0, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      ),
      { minLength: 1, maxLength: 6 },
    )
    .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')));

/**
 * Free text: mostly what an author writes (words, a hostile piece now and then), sometimes
 * hostile through and through, or empty. Most values must pass, or few inputs would reach the
 * build; each one is hostile often enough that every kind of trap is met in a run.
 */
const text = fc.oneof(
  { weight: 20, arbitrary: pieces(0) },
  { weight: 8, arbitrary: pieces(1) },
  { weight: 1, arbitrary: pieces(6) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u200b') },
);

/** How a string is written in YAML: each style escapes, or fails to escape, in its own way. */
type Style = 'double' | 'single' | 'plain' | 'literal' | 'folded';

function scalar(value: string, style: Style, indent: string): string {
  switch (style) {
    // JSON's escapes are YAML's: control characters arrive as `\u0007`, past the file's rules.
    case 'double':
      return JSON.stringify(value);
    case 'single':
      return `'${value.replace(/'/g, "''")}'`;
    case 'plain':
      return value;
    case 'literal':
    case 'folded':
      return `${style === 'literal' ? '|' : '>'}\n${value
        .split('\n')
        .map((line) => `${indent}  ${line}`)
        .join('\n')}`;
  }
}

const style = fc.constantFrom<Style>(
  'double',
  'double',
  'double',
  'double',
  'single',
  'single',
  'plain',
  'literal',
  'folded',
);
/** A value and how it is written. */
const written = fc.record({ value: text, style });
type Written = { value: string; style: Style };

/** Days: most in the archive's range, some that parsers shift, roll over or misread. */
const date = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .date({ min: new Date('1990-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0024-05-20',
      '0099-12-31',
      '0999-01-01',
      '1899-12-31',
      '1900-01-01',
      '2024-02-30',
      '2024-02-29',
      '2023-02-29',
      '2204-05-20',
      '20/05/2024',
      '2024-5-20',
      '2024-05-20T10:00:00Z',
      '2024-05-20 10:00:00',
    ),
  },
);
const writtenDate = fc.record({ value: date, quoted: fc.boolean() });

/** A Markdown block of a document's text. */
const inline = fc.oneof(
  { weight: 60, arbitrary: text },
  { weight: 1, arbitrary: text.map((t) => `*${t}*`) },
  { weight: 1, arbitrary: text.map((t) => `**${t}**`) },
  { weight: 1, arbitrary: text.map((t) => `\`${t}\``) },
  { weight: 1, arbitrary: text.map((t) => `[${t}](https://example.org/${encodeURIComponent(t)})`) },
  { weight: 1, arbitrary: text.map((t) => `[${t}](#p2)`) },
  { weight: 1, arbitrary: text.map((t) => `[${t}](javascript:alert(1))`) },
  { weight: 1, arbitrary: text.map((t) => `![${t}](https://example.org/x.png)`) },
  { weight: 1, arbitrary: text.map((t) => `<b>${t}</b>`) },
  { weight: 1, arbitrary: fc.constant('<https://example.org/>') },
  { weight: 1, arbitrary: fc.constant('[^1]') },
  { weight: 1, arbitrary: fc.constantFrom(...SITE_LINKS).chain((target) => text.map((t) => `[${t}](${target})`)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 2 * MAX_DEPTH }), text)
      .map(([n, t]) => `${'*a _'.repeat(Math.ceil(n / 2))}${t}${'_ a*'.repeat(Math.ceil(n / 2))}`),
  },
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
/** Quotes or lists nested `n` deep, around the limit. */
const nested = fc
  .tuple(fc.integer({ min: 1, max: 2 * MAX_DEPTH }), fc.constantFrom('quote', 'list', 'mixed'), line)
  .map(([n, kind, t]) => {
    if (kind === 'quote') return `${'>'.repeat(n)} ${t}`;
    if (kind === 'list')
      return Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- ${i === n - 1 ? t : 'point'}`).join('\n');
    return Array.from({ length: n }, (_, i) => `${'> '.repeat(i)}- ${t}`).join('\n');
  });
const block = fc.oneof(
  { weight: 40, arbitrary: line },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), line).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  { weight: 1, arbitrary: line.map((t) => `${t}\n${'='.repeat(3)}`) },
  {
    weight: 1,
    arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  },
  { weight: 1, arbitrary: line.map((t) => `> ${t}`) },
  { weight: 1, arbitrary: line.map((t) => `\`\`\`\n${t}\n\`\`\``) },
  { weight: 1, arbitrary: fc.tuple(line, line).map(([a, b]) => `| ${a} | x |\n| --- | --- |\n| ${b} | y |`) },
  { weight: 1, arbitrary: line.map((t) => `[^1]: ${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '', '#', '- ', '>', '[]()', '<div>', '&#0;', '&#x7;') },
  { weight: 2, arbitrary: nested },
  // What a reader cannot see: a heading or a paragraph of zero-width or blank characters.
  { weight: 1, arbitrary: fc.constantFrom('\u200b', '&#8203;', '\u00a0\u00a0', '### \u200b', '> \u200b', '- \u2060') },
);
const body = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));

/** Changes of the bytes of a file, after it is written as text: what careless tools do. */
export type Mangle =
  | 'none'
  | 'bom'
  | 'crlf'
  | 'cr'
  | 'nfd'
  | 'latin-1'
  | 'nul'
  | 'no-closing-line'
  | 'stray-closing-line'
  | 'duplicate-key'
  | 'alias';
const mangle = fc.oneof(
  { weight: 30, arbitrary: fc.constant<Mangle>('none') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Mangle>(
      'bom',
      'crlf',
      'cr',
      'nfd',
      'latin-1',
      'nul',
      'no-closing-line',
      'stray-closing-line',
      'duplicate-key',
      'alias',
    ),
  },
);

export interface GeneratedInput {
  title: Written | undefined;
  date: { value: string; quoted: boolean };
  event: Written | undefined;
  role: Written;
  designation: Written | undefined;
  note: Written | undefined;
  publisher: Written | undefined;
  url: Written | undefined;
  personName: Written;
  personDescription: Written | undefined;
  body: string;
  mangle: Mangle;
  /** An entry of `redirects.yaml`, its addresses written with `{id}` (the input's document) and `{n}` (its number). */
  redirect: { from: string; to: string } | undefined;
}

/**
 * Where a redirect may be aimed from: retired addresses (accepted, unless their target is
 * wrong), and what the archive publishes or generates, in the site's form or not (refused).
 */
const REDIRECT_FROM = {
  retired: [
    'comptes-rendus/2024-01-01-ancien-{n}/',
    'api/comptes-rendus/2024-01-01-ancien-{n}.json',
    'personnes/ancienne-fiche-{n}/',
  ],
  taken: [
    'comptes-rendus/{id}/',
    'comptes-rendus/{id}/source.md',
    'comptes-rendus/{id}/citation.bib/',
    'personnes/wang-yi/',
    'personnes/wang-yi/index.html',
    'personnes/wang-yi',
    'Personnes/Wang-Yi/',
    'personnes/',
    'api/',
    'api/schemas/',
    'pagefind/',
    'pagefind/pagefind.js',
    'comptes-rendus/flux.xml',
    'comptes-rendus/flux.xml/',
    'robots.txt',
    'sitemap-index.xml',
    '404.html',
    'chronologie/2024/',
    'themes/ocs/flux.xml',
    '/comptes-rendus/ancien-{n}/',
    '',
  ],
};
/** Where a redirect may be aimed to: pages that exist, that do not, or written otherwise. */
const REDIRECT_TO = {
  live: ['comptes-rendus/{id}/', 'comptes-rendus/2024-05-20-wang-yi-sergei-aleinik/', 'api/comptes-rendus.json', ''],
  wrong: ['personnes/inexistant-{n}/', 'Comptes-Rendus/', 'themes/ocs', 'comptes-rendus/2024-01-01-ancien-{n}/'],
};
/** Half of the redirects take an address they may take, most of them to an address that exists. */
const redirect = fc.record({
  from: fc.oneof(fc.constantFrom(...REDIRECT_FROM.retired), fc.constantFrom(...REDIRECT_FROM.taken)),
  to: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...REDIRECT_TO.live) },
    { weight: 1, arbitrary: fc.constantFrom(...REDIRECT_TO.wrong) },
  ),
});

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

/** The text fields an input may aim its hostile value at. */
const TARGETS = [
  'title',
  'event',
  'role',
  'designation',
  'note',
  'publisher',
  'url',
  'personName',
  'personDescription',
] as const;

/** A value with at least one hostile piece in it, among words. */
const hostileValue = fc
  .tuple(fc.constantFrom(...HOSTILE), pieces(2), fc.boolean())
  .map(([trap, around, before]) => (before ? `${trap}${around}` : `${around} ${trap} ${around}`));

const input = fc.record({
  title: fc.option(written, { nil: undefined, freq: 20 }),
  date: writtenDate,
  event: optional(written),
  role: written,
  designation: optional(written),
  note: optional(written),
  publisher: optional(written),
  url: optional(fc.record({ value: text.map((t) => `https://example.org/${t}`), style })),
  personName: written,
  personDescription: optional(written),
  body,
  mangle,
  redirect: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: redirect }),
});

/**
 * An input: fields that are mostly what authors write, and one of them, most of the time, given
 * a hostile value written in any style. One trap per input keeps most inputs accepted, so that
 * the build meets the traps the check lets through.
 */
export const generatedInput: fc.Arbitrary<GeneratedInput> = fc
  .tuple(
    input,
    fc.option(fc.record({ target: fc.constantFrom(...TARGETS), value: hostileValue, style }), {
      freq: 4,
      nil: undefined,
    }),
  )
  .map(([fields, attack]) => {
    if (!attack) return fields;
    const value = attack.target === 'url' ? `https://example.org/${attack.value}` : attack.value;
    return { ...fields, [attack.target]: { value, style: attack.style } };
  });

/** The files of one input: a document and the record of the person who takes part in it. */
export interface GeneratedFiles {
  id: string;
  /** Paths relative to the content folder. */
  readout: string;
  person: string;
  files: Record<string, Uint8Array>;
  /** The document's title as written, when it was given. */
  title: string | undefined;
  /** The entry of `content/redirects.yaml` (also in `files`), when the input has one. */
  redirect: string | undefined;
}

/** The files of `input`, the n-th of a run (ids are unique across a run). */
export function filesOf(input: GeneratedInput, n: number): GeneratedFiles {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(input.date.value) ? input.date.value : '2024-05-21';
  const id = `${day}-essai-${n}`;
  const personId = `personne-essai-${n}`;
  const field = (key: string, w: Written | undefined, indent = '') =>
    w === undefined ? [] : [`${indent}${key}: ${scalar(w.value, w.style, indent)}`];
  // The designation is quoted from the text, as the rule asks: the text begins with it.
  const body = input.designation ? `${input.designation.value}\n\n${input.body}` : input.body;
  const lines = [
    '---',
    ...field('title', input.title),
    `date: ${input.date.quoted ? JSON.stringify(input.date.value) : input.date.value}`,
    'place: astana',
    ...field('event', input.event),
    'participants:',
    `  - person: ${personId}`,
    ...field('role', input.role, '    '),
    ...field('designation', input.designation, '    '),
    ...(input.note ? ['mentions:', '  - person: xi-jinping', ...field('note', input.note, '    ')] : []),
    'topics:',
    '  - ocs',
    'language: fr',
    ...(input.publisher
      ? [
          'source:',
          ...field('publisher', input.publisher, '  '),
          ...field('url', input.url, '  '),
          '  retrieved: 2024-05-23',
        ]
      : []),
    '---',
    '',
    body,
  ];
  let readout = `${lines.join('\n')}\n`;
  let bytes: Uint8Array;
  switch (input.mangle) {
    case 'crlf':
      readout = readout.replace(/\n/g, '\r\n');
      break;
    case 'cr':
      readout = readout.replace(/\n/g, '\r');
      break;
    case 'nfd':
      readout = readout.normalize('NFD');
      break;
    case 'stray-closing-line':
      readout = readout.replace('participants:', '---\nparticipants:');
      break;
    case 'nul':
      readout = readout.replace('place:', 'place:\u0000');
      break;
    case 'no-closing-line':
      readout = readout.replace('\n---\n\n', '\n\n');
      break;
    case 'duplicate-key':
      readout = readout.replace('language: fr', 'language: fr\nlanguage: fr');
      break;
    case 'alias':
      readout = readout.replace('place: astana', 'place: &lieu astana\nevent: *lieu');
      break;
  }
  if (input.mangle === 'latin-1') bytes = Uint8Array.from([...readout].map((c) => c.charCodeAt(0) & 0xff));
  else bytes = new TextEncoder().encode(readout);
  if (input.mangle === 'bom') bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
  const person = [
    ...field('name', input.personName),
    'country: KZ',
    ...field('description', input.personDescription),
  ].join('\n');
  const address = (route: string) => route.replaceAll('{id}', id).replaceAll('{n}', String(n));
  const redirect =
    input.redirect &&
    `- from: ${JSON.stringify(address(input.redirect.from))}\n  to: ${JSON.stringify(address(input.redirect.to))}\n  date: 2025-01-15\n  reason: Adresse retirée.\n`;
  return {
    id,
    readout: `readouts/${day.slice(0, 4)}/${id}.md`,
    person: `people/${personId}.yaml`,
    files: {
      [`readouts/${day.slice(0, 4)}/${id}.md`]: bytes,
      [`people/${personId}.yaml`]: new TextEncoder().encode(`${person}\n`),
      ...(redirect === undefined ? {} : { 'redirects.yaml': new TextEncoder().encode(redirect) }),
    },
    title: input.title?.value,
    redirect,
  };
}
