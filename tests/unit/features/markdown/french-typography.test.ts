import { unified } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import rehypeFrenchTypography from '#features/markdown/rehype-french-typography.ts';

/** Markdown to HTML through Astro's own pipeline, with or without the plugin. */
async function render(markdown: string, withPlugin = true): Promise<string> {
  const processor = unified({ rehypePlugins: withPlugin ? [rehypeFrenchTypography] : [], smartypants: false });
  const renderer = await processor.createRenderer({ syntaxHighlight: false });
  return (await renderer.render(markdown)).code;
}

/** What a reader copies: the text with the tags removed. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, '');

const rows: [markdown: string, html: string, why: string][] = [
  [
    'l’Initiative « la Ceinture et la Route », selon Wang Yi',
    '<p>l’Initiative <span class="nowrap">« la</span> Ceinture et la <span class="nowrap">Route »,</span> selon Wang Yi</p>',
    'each guillemet stays with the word it encloses',
  ],
  ['« OCS »', '<p><span class="nowrap">« OCS »</span></p>', 'a single quoted word holds both guillemets'],
  ['a-t-il dit : oui', '<p>a-t-il <span class="nowrap">dit :</span> oui</p>', 'a colon stays with the word before it'],
  [
    'la Chine ; le Bélarus ? oui !',
    '<p>la <span class="nowrap">Chine ;</span> le <span class="nowrap">Bélarus ?</span> <span class="nowrap">oui !</span></p>',
    'semicolon, question and exclamation marks too',
  ],
  [
    'il a déclaré : « la paix »',
    '<p>il a <span class="nowrap">déclaré :</span> <span class="nowrap">« la</span> <span class="nowrap">paix »</span></p>',
    'the space after a colon stays breakable',
  ],
  [
    'l’Initiative « *la Ceinture et la Route* »',
    '<p>l’Initiative <span class="nowrap">« <em>la<span class="breakable"> Ceinture et la </span>Route</em> »</span></p>',
    'an inline element between guillemets holds its first and last words, the rest may wrap',
  ],
  [
    'l’Initiative « la [Ceinture et la Route](/x/) », selon',
    '<p>l’Initiative <span class="nowrap">« la</span> <span class="nowrap"><a href="/x/"><span class="breakable">Ceinture et la </span>Route</a> »,</span> selon</p>',
    'a link before a closing guillemet holds its last word only',
  ],
  [
    '« [BRICS](/x/) »',
    '<p><span class="nowrap">« <a href="/x/">BRICS</a> »</span></p>',
    'a link of one word is held whole',
  ],
  [
    '« [*la Ceinture* et la Route](/x/) »',
    '<p><span class="nowrap">« <a href="/x/"><em>la<span class="breakable"> Ceinture</span></em><span class="breakable"> et la </span>Route</a> »</span></p>',
    'the held word may sit in an element of its own, which is looked into',
  ],
  [
    '*Pourquoi* ? Parce que.',
    '<p><span class="nowrap"><em>Pourquoi</em> ?</span> Parce que.</p>',
    'a mark after an inline element stays with it',
  ],
  [
    '[« lien »](/x/)',
    '<p><a href="/x/"><span class="nowrap">« lien »</span></a></p>',
    'text inside a link is protected inside the link',
  ],
  ['ratio 3:1 et «mot» serrés', '<p>ratio 3:1 et «mot» serrés</p>', 'no space, no break to prevent: nothing changes'],
  [
    'déjà\u00a0: insécable',
    '<p>déjà\u00a0: insécable</p>',
    'a no-break space already written in the text is left alone',
  ],
  ['le code `a : b` reste brut', '<p>le code <code>a : b</code> reste brut</p>', 'code is not prose'],
  ['rien à protéger ici.', '<p>rien à protéger ici.</p>', 'a paragraph without marks is untouched'],
  [
    '- Point : un\n- Point : deux',
    '<ul>\n<li><span class="nowrap">Point :</span> un</li>\n<li><span class="nowrap">Point :</span> deux</li>\n</ul>',
    'list items are prose too',
  ],
];

describe('rehype-french-typography', () => {
  test.each(rows)('%j renders as %j (%s)', async (markdown, html) => {
    expect(await render(markdown)).toBe(html);
  });

  test.each(rows)('%j keeps every character of the text', async (markdown) => {
    expect(textOf(await render(markdown))).toBe(textOf(await render(markdown, false)));
  });

  test('a line break written in the source is held like a space', async () => {
    expect(await render('les deux\n« pays »')).toBe('<p>les deux\n<span class="nowrap">« pays »</span></p>');
  });
});
