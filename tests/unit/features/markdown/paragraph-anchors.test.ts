import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import rehypeFrenchTypography from '#features/markdown/rehype-french-typography.ts';
import rehypeParagraphAnchors from '#features/markdown/rehype-paragraph-anchors.ts';
import { markdownBody } from '#archive/fixity.ts';

import { root } from '../../../support/build.ts';

/** Markdown to HTML through Astro's own pipeline, with the plugins of `astro.config.mjs`. */
async function render(markdown: string): Promise<ReturnType<typeof parse>> {
  const processor = unified({ rehypePlugins: [rehypeParagraphAnchors, rehypeFrenchTypography], smartypants: false });
  const renderer = await processor.createRenderer({ syntaxHighlight: false });
  return parse((await renderer.render(markdown)).code);
}

describe('rehype-paragraph-anchors', () => {
  test.each([
    ['Un.\n\nDeux.\n\nTrois.', ['p1', 'p2', 'p3'], 'paragraphs are numbered in the order written, from 1'],
    ['# Titre\n\nUn.\n\n> Cité.\n\nDeux.', ['p1', 'p2'], 'headings and quotations do not count'],
    ['- un\n- deux\n\nSeul.', ['p1'], 'list items do not count, even loose ones'],
    ['Un.\nsuite du même paragraphe.\n\nDeux.', ['p1', 'p2'], 'a single line break stays inside a paragraph'],
  ])('%j gets the anchors %j (%s)', async (markdown, ids) => {
    const html = await render(markdown);
    const anchored = html.querySelectorAll('p[id]').map((el) => el.id);
    expect(anchored).toEqual(ids);
    for (const id of ids) expect(html.getElementById(id)?.tagName).toBe('P');
  });

  test('each paragraph links to itself with a French accessible name and no text of its own', async () => {
    const html = await render('Un.\n\nDeux.');
    const links = html.querySelectorAll('p > a.paragraph-link');
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label'), a.textContent])).toEqual([
      ['#p1', 'Lien vers le paragraphe 1', ''],
      ['#p2', 'Lien vers le paragraphe 2', ''],
    ]);
    expect(links.map((a) => a.parentNode?.id)).toEqual(['p1', 'p2']);
  });

  test('leaves the seed’s text word for word, paragraph by paragraph', async () => {
    const source = readFileSync(join(root, 'content/readouts/2024/2024-05-20-wang-yi-sergei-aleinik.md'), 'utf8');
    const seed = readFileSync(join(root, 'tests/fixtures/seeds/000_500df64e896cbe1d.txt'), 'utf8').split('\n');
    const paragraphs = (await render(markdownBody(source))).querySelectorAll('p');
    expect(seed.length).toBeGreaterThan(0);
    expect(paragraphs.map((p) => p.id)).toEqual(seed.map((_, i) => `p${i + 1}`));
    expect(paragraphs.map((p) => p.textContent)).toEqual(seed);
  });
});
