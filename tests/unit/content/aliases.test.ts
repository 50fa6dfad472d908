import { unified } from '@astrojs/markdown-remark';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { compileAliases, segmentText, type Alias } from '#content/aliases.ts';
import { aliasTable } from '#features/markdown/alias-table.ts';
import { aliasProblems } from '#content/validate/aliases.ts';
import rehypeLinkAliases from '#features/markdown/rehype-link-aliases.ts';
import rehypeParagraphAnchors from '#features/markdown/rehype-paragraph-anchors.ts';
import rehypeFrenchTypography from '#features/markdown/rehype-french-typography.ts';
import type { ContentFile } from '#content/read.ts';

/** A table where each alias links to `/<record>/`. */
function table(entries: Record<string, string[]>): Alias[] {
  return Object.entries(entries).flatMap(([record, aliases]) =>
    aliases.map((text) => ({ text, href: `/${record}/`, record })),
  );
}

const archive = table({
  'people/wang-yi': ['Wang Yi'],
  'people/sergei-aleinik': ['Sergueï Aleïnik', 'Сергей Алейник'],
  'people/xi-jinping': ['Xi Jinping', '习近平'],
  'people/xi': ['Xi'],
  'people/prayut': ['ประยุทธ์'],
  'places/astana': ['Astana'],
  'places/chine': ['Chine'],
  'topics/ocs': ['Organisation de coopération de Shanghai', 'OCS'],
  'topics/onu': ['Nations Unies'],
  'topics/seule-chine': ['principe d’une seule Chine'],
  'topics/mer': ['mer de Chine méridionale'],
  'topics/hong-kong': ['Hong Kong'],
  'topics/kong': ['Kong Fuzi'],
});
const matcher = compileAliases(archive);

/** The matched words and their records, in order. */
function found(text: string): [string, string][] {
  return matcher.find(text).map((m) => [text.slice(m.start, m.end), m.alias.record]);
}

describe('compileAliases: which words of a text are names', () => {
  test.each([
    // text, expected [words, record] pairs, why
    ['Sergueï Aleïnik a dit', [['Sergueï Aleïnik', 'people/sergei-aleinik']], 'accented letters match as written'],
    ['Сергей Алейник прибыл', [['Сергей Алейник', 'people/sergei-aleinik']], 'Cyrillic matches as written'],
    ['Сергея Алейника', [], 'a declined Russian form is another word'],
    ['au sein de l’OCS et', [['OCS', 'topics/ocs']], 'an apostrophe ends the word before a name'],
    [
      '(OCS), Astana.',
      [
        ['OCS', 'topics/ocs'],
        ['Astana', 'places/astana'],
      ],
      'punctuation bounds a name',
    ],
    ['l’OCSE et les OCS2', [], 'a name is never found inside a longer word'],
    ['AstanaCity', [], 'nor at the start of one'],
    ['les nations unies', [], 'matching is case-sensitive'],
    ['les Nations\u00a0Unies', [['Nations\u00a0Unies', 'topics/onu']], 'a no-break space matches a space'],
    ['Wang\nYi a rencontré', [['Wang\nYi', 'people/wang-yi']], 'so does a line break inside a paragraph'],
    ['Wang  Yi', [['Wang  Yi', 'people/wang-yi']], 'and a run of spaces'],
    [
      'au principe d\u0027une seule Chine',
      [['principe d\u0027une seule Chine', 'topics/seule-chine']],
      'a straight apostrophe matches a typographic one',
    ],
    [
      'la mer de Chine méridionale et la Chine',
      [
        ['mer de Chine méridionale', 'topics/mer'],
        ['Chine', 'places/chine'],
      ],
      'the longest alias wins over the one it contains',
    ],
    [
      'Organisation de coopération de Shanghai (OCS)',
      [
        ['Organisation de coopération de Shanghai', 'topics/ocs'],
        ['OCS', 'topics/ocs'],
      ],
      'overlapping aliases of one record are both found',
    ],
    ['Hong Kong Fuzi', [['Hong Kong', 'topics/hong-kong']], 'the leftmost name wins an overlap'],
    [
      'Xi Jinpingisme de Xi',
      [
        ['Xi', 'people/xi'],
        ['Xi', 'people/xi'],
      ],
      'a longer alias cut mid-word falls back',
    ],
    ['习近平主席', [['习近平', 'people/xi-jinping']], 'Chinese, written without spaces, matches anywhere'],
    ['นายกรัฐมนตรีประยุทธ์กล่าว', [['ประยุทธ์', 'people/prayut']], 'and so does Thai'],
    ['rien à lier ici', [], 'a text without names yields nothing'],
  ])('in %j finds %j (%s)', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('an empty alias is dropped and the first of two equal aliases is kept', () => {
    const m = compileAliases(table({ 'people/a': ['Ana', '  '], 'people/b': ['Ana'] }));
    expect(m.aliases.map((a) => a.record)).toEqual(['people/a']);
    expect(m.find('Ana').map((x) => x.alias.record)).toEqual(['people/a']);
  });
});

describe('segmentText: cutting a text into plain pieces and links', () => {
  test.each([
    [['Wang Yi a vu Wang Yi.'], ['Wang Yi'], 'a record is linked at its first occurrence only'],
    [['Wang Yi et ', 'Wang Yi'], ['Wang Yi'], 'also across the text nodes of one document'],
    [
      ['Organisation de coopération de Shanghai (OCS) à Astana'],
      ['Organisation de coopération de Shanghai', 'Astana'],
      'the second alias of a linked record stays plain',
    ],
    [['rien'], [], 'a text without names stays one piece'],
  ])('%j links %j (%s)', (texts, expected) => {
    const linked = new Set<string>();
    const pieces = texts.map((text) => segmentText(text, matcher, linked));
    pieces.forEach((segments, i) => {
      expect(segments.map((s) => (typeof s === 'string' ? s : s.text)).join('')).toBe(texts[i]);
    });
    expect(pieces.flat().flatMap((s) => (typeof s === 'string' ? [] : [s.text]))).toEqual(expected);
  });

  test('another document links the same record again', () => {
    const first = segmentText('Wang Yi', matcher, new Set());
    const second = segmentText('Wang Yi', matcher, new Set());
    expect([first, second].map((s) => s.filter((x) => typeof x !== 'string').length)).toEqual([1, 1]);
  });
});

/** Markdown to HTML through Astro's pipeline, with the plugins in the order of `astro.config.mjs`. */
async function render(markdown: string, aliases: Alias[] = archive) {
  const processor = unified({
    rehypePlugins: [[rehypeLinkAliases, { aliases }], rehypeParagraphAnchors, rehypeFrenchTypography],
    smartypants: false,
  });
  const renderer = await processor.createRenderer({ syntaxHighlight: false });
  return parse((await renderer.render(markdown)).code);
}

describe('rehype-link-aliases', () => {
  test.each([
    ['Wang Yi a vu Wang Yi.\n\nWang Yi, encore.', [['/people/wang-yi/', 'Wang Yi']]],
    [
      'Le texte parle d’Astana.\n\nWang Yi à Astana.\n\nWang Yi, encore.',
      [
        ['/places/astana/', 'Astana'],
        ['/people/wang-yi/', 'Wang Yi'],
      ],
    ],
    ['[Wang Yi](https://example.org/) à Astana', [['/places/astana/', 'Astana']]],
    ['[Wang Yi](https://example.org/), puis Wang Yi', [['/people/wang-yi/', 'Wang Yi']]],
    ['`Wang Yi` à Astana', [['/places/astana/', 'Astana']]],
    ['- Wang Yi\n- Wang Yi', [['/people/wang-yi/', 'Wang Yi']]],
  ])('in %j links %j: each record once in the document, at its first mention, never inside a link or code', async (markdown, expected) => {
    const html = await render(markdown);
    const links = html.querySelectorAll('a.record-link');
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual(expected);
    for (const a of links) expect(a.closest('a:not(.record-link), code')).toBeNull();
  });

  test('the text content of each paragraph is unchanged', async () => {
    const paragraphs = [
      'Le 20 mai, Wang Yi a rencontré son homologue, Sergueï Aleïnik, à Astana (OCS).',
      'l’Initiative « la Ceinture et la Route », les Nations Unies, l’OCS et les BRICS : Wang Yi !',
    ];
    const html = await render(paragraphs.join('\n\n'));
    expect(html.querySelectorAll('p').map((p) => p.textContent)).toEqual(paragraphs);
    expect(html.querySelectorAll('a.record-link').length).toBeGreaterThan(3);
  });

  test('with an empty table the document is left as it is', async () => {
    const html = await render('Wang Yi à Astana', []);
    expect(html.querySelectorAll('a').length).toBe(1); // the paragraph's own anchor
  });
});

describe('aliasTable', () => {
  test.each([
    ['/', '/personnes/wang-yi/'],
    ['/archive/', '/archive/personnes/wang-yi/'],
  ])('under the base %s links a person to %s', (base, expected) => {
    const [entry] = aliasTable([{ collection: 'people', id: 'wang-yi', data: { aliases: ['Wang Yi'] } }], base);
    expect(entry).toEqual({ text: 'Wang Yi', href: expected, record: 'people/wang-yi' });
  });

  test('topics and places link to their own pages', () => {
    const entries = aliasTable(
      [
        { collection: 'topics', id: 'ocs', data: { aliases: ['OCS'] } },
        { collection: 'places', id: 'astana', data: { aliases: ['Astana'] } },
      ],
      '/',
    );
    expect(entries.map((e) => e.href)).toEqual(['/themes/ocs/', '/lieux/astana/']);
  });
});

describe('aliasProblems: checked over the whole archive', () => {
  const record = (collection: ContentFile['collection'], id: string, aliases: unknown): ContentFile => ({
    collection,
    id,
    path: `content/${collection}/${id}.yaml`,
    data: { aliases },
  });
  const doc = (id: string, body: string): ContentFile => ({
    collection: 'readouts',
    id,
    path: `content/readouts/${id}.md`,
    data: {},
    body,
  });

  test('an alias that no document contains is a warning naming the file and the alias', () => {
    const problems = aliasProblems([
      record('people', 'wang-yi', ['Wang Yi', 'M. Wang']),
      record('people', 'xi-jinping', ['Xi Jinping']),
      doc('a', 'Wang Yi est venu.'),
      doc('b', 'Rien.'),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'content/people/wang-yi.yaml', field: 'aliases[1]' }),
      expect.objectContaining({ severity: 'warning', file: 'content/people/xi-jinping.yaml', field: 'aliases[0]' }),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('« M. Wang »'),
      expect.stringContaining('« Xi Jinping »'),
    ]);
  });

  test('an alias found in any one document is not reported', () => {
    expect(aliasProblems([record('places', 'astana', ['Astana']), doc('a', 'x'), doc('b', 'à Astana')])).toEqual([]);
  });

  test('an alias claimed by two records is an error on the second', () => {
    const problems = aliasProblems([
      record('places', 'chine', ['Chine']),
      record('topics', 'chine', ['Chine']),
      doc('a', 'la Chine'),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', file: 'content/topics/chine.yaml', field: 'aliases[0]' }),
    ]);
  });

  test('malformed aliases are left to the validator', () => {
    expect(aliasProblems([record('people', 'a', 'Wang Yi'), record('people', 'b', [3]), doc('a', 'x')])).toEqual([]);
  });
});
