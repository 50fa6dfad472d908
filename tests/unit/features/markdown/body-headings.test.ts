/**
 * Headings of a document's text go below the page's heading of the text, with ids no id of the
 * page takes (`src/features/markdown/rehype-body-headings.ts`), through Astro's own pipeline.
 */
import { unified } from '@astrojs/markdown-remark';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import rehypeBodyHeadings from '#features/markdown/rehype-body-headings.ts';
import rehypeParagraphAnchors from '#features/markdown/rehype-paragraph-anchors.ts';

async function render(markdown: string) {
  const processor = unified({ rehypePlugins: [rehypeBodyHeadings, rehypeParagraphAnchors], smartypants: false });
  const renderer = await processor.createRenderer({ syntaxHighlight: false });
  return parse((await renderer.render(markdown)).code);
}

const outline = async (markdown: string) =>
  (await render(markdown))
    .querySelectorAll('h1, h2, h3, h4, h5, h6')
    .map((h) => `${h.tagName.toLowerCase()}#${h.id} ${h.textContent}`);

describe('rehype-body-headings', () => {
  test.each([
    [
      '# Un\n\n## Deux\n\n### Trois',
      ['h3#intertitre-1 Un', 'h4#intertitre-2 Deux', 'h5#intertitre-3 Trois'],
      'levels go one below the page’s heading of the text',
    ],
    [
      '## Un\n\n#### Deux\n\n## Trois',
      ['h3#intertitre-1 Un', 'h4#intertitre-2 Deux', 'h3#intertitre-3 Trois'],
      'the highest level written is an h3, and no level is skipped',
    ],
    [
      '# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F',
      [
        'h3#intertitre-1 A',
        'h4#intertitre-2 B',
        'h5#intertitre-3 C',
        'h6#intertitre-4 D',
        'h6#intertitre-5 E',
        'h6#intertitre-6 F',
      ],
      'deeper levels stay h6',
    ],
    ['Titre\n=====\n\nTexte.', ['h3#intertitre-1 Titre'], 'a setext heading too'],
    ['> # Cité', ['h3#intertitre-1 Cité'], 'a heading in a quotation too'],
  ])('%j gives %j (%s)', async (markdown, expected) => {
    expect(await outline(markdown)).toEqual(expected);
  });

  test('a heading takes no paragraph’s anchor and no section’s id of the page', async () => {
    const html = await render('# p2\n\nUn.\n\n## source\n\nDeux.\n\n## texte');
    expect(html.querySelectorAll('[id]').map((el) => el.id)).toEqual([
      'intertitre-1',
      'p1',
      'intertitre-2',
      'p2',
      'intertitre-3',
    ]);
    expect(html.getElementById('p2')?.tagName).toBe('P');
  });
});
