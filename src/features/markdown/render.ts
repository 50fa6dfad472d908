/**
 * Renders a readout's text to HTML: CommonMark and GFM through Astro's own Markdown processor
 * (`unified` from `@astrojs/markdown-remark`, as `astro:content` would), with the archive's
 * rehype plugins. The page of each readout calls it (`src/data.ts`): the text is rendered when
 * its page is, and Astro's incremental build re-renders the page when its key changes
 * (`src/archive/page-keys.ts`: the text, and the aliases it contains) or when this code does
 * (the page imports it, so its code is part of the page's).
 */
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { Alias } from '#content/aliases.ts';
import rehypeFrenchTypography from './rehype-french-typography.ts';
import rehypeLinkAliases from './rehype-link-aliases.ts';
import rehypeParagraphAnchors from './rehype-paragraph-anchors.ts';
import rehypeReadoutLinks from './rehype-readout-links.ts';
import rehypeBodyHeadings from './rehype-body-headings.ts';
import { t } from '#i18n/index.ts';

export interface RenderOptions {
  /** The site's base path, for links to the site. */
  base: string;
  /** The archive's alias table (`alias-table.ts`), for the names linked in the text. */
  aliases: readonly Alias[];
}

/** A renderer of readout texts: Markdown in, HTML out. */
export async function readoutRenderer(options: RenderOptions): Promise<(markdown: string) => Promise<string>> {
  const processor = unified({
    remarkPlugins: [remarkGfm],
    // Names link to their records' pages (after authors' links get their base, before
    // typography splits text nodes). French typography keeps every character; it goes last,
    // as it splits text nodes. Archived text is reproduced as written: no smartypants.
    rehypePlugins: [
      // A document's headings go below the page's own, with ids no id of the page takes.
      rehypeBodyHeadings,
      [rehypeReadoutLinks, { base: options.base }],
      [rehypeLinkAliases, { aliases: options.aliases }],
      rehypeParagraphAnchors,
      rehypeFrenchTypography,
    ],
    smartypants: false,
    // Footnotes are the document's: their heading goes below the page's heading of the text,
    // in French, like the rest of the interface.
    remarkRehype: {
      footnoteLabel: t('readout.footnotes'),
      footnoteLabelTagName: 'h3',
      footnoteLabelProperties: { className: ['footnotes-heading'] },
      footnoteBackLabel: t('readout.footnoteBack'),
    },
  });
  // Documents are text: code is shown as written, without Shiki's inline styles (refused by the CSP).
  const renderer = await processor.createRenderer({ syntaxHighlight: false });
  // The body is rendered trimmed, as Astro's Markdown loader did: the same HTML as before.
  return async (markdown) => (await renderer.render(markdown.trim())).code;
}
