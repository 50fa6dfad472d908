// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { contentDirSetting } from '#content/folder.ts';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import contentGuard, { notARedirect, outputGuard } from '#features/guard/integration.ts';
import rehypeReadoutLinks from '#features/markdown/rehype-readout-links.ts';
import rehypeFrenchTypography from '#features/markdown/rehype-french-typography.ts';
import rehypeLinkAliases from '#features/markdown/rehype-link-aliases.ts';
import { readAliasTable } from '#features/markdown/alias-table.ts';
import rehypeParagraphAnchors from '#features/markdown/rehype-paragraph-anchors.ts';
import rehypeBodyHeadings from '#features/markdown/rehype-body-headings.ts';
import { t } from '#i18n/index.ts';
import rehypeCodeDigest, { markdownCodeDigest } from '#features/markdown/code-digest.ts';
import searchIndex from '#features/search/integration.ts';
import readoutFiles from '#features/readout-files/integration.ts';

/** Public origin of the site, used for canonical and permanent URLs. */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** Sub-path the site is served under (`/archive/`), or `/`. */
const base = process.env.BASE_PATH || '/';
/** Astro's cache (content store, preview images); tests and the benchmark give each build its own. */
const cacheDir = process.env.ASTRO_CACHE_DIR || './node_modules/.astro';
/** `content/`, or `CONTENT_DIR` (see src/content/folder.ts). */
const contentDir = contentDirSetting();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Four routes rendered at a time: a route mostly waits on files (reading a source, writing
  // its output), and overlapping those waits cut the rendering of 1,000 documents by a third
  // on two cores (docs/performance.md). Every route's output depends on its own data only.
  build: { format: 'directory', concurrency: 4 },
  outDir: process.env.OUT_DIR || './dist',
  cacheDir,
  // Vite's cache of pre-bundled dependencies goes with Astro's: builds with caches of their
  // own (tests, benchmark) then neither overwrite one another's nor redo it when warm.
  vite: { cacheDir: `${cacheDir}/vite` },
  markdown: {
    // Documents are text: code is shown as written, without Shiki's inline styles (refused by the CSP).
    syntaxHighlight: false,
    // Archived text is reproduced as written: no typographic rewriting.
    // French typography keeps every character; it goes last, as it splits text nodes.
    processor: unified({
      remarkPlugins: [remarkGfm],
      // Names link to their records' pages (after authors' links get their base, before
      // typography splits text nodes). The alias table is part of the config, so changing
      // an alias renders the documents again.
      rehypePlugins: [
        // A document's headings go below the page's own, with ids no id of the page takes.
        rehypeBodyHeadings,
        [rehypeReadoutLinks, { base }],
        [rehypeLinkAliases, { aliases: readAliasTable(contentDir, base) }],
        rehypeParagraphAnchors,
        rehypeFrenchTypography,
        // Changes nothing; carries a digest of the code above, so that changing it renders
        // every document again (Astro's content cache follows the configuration, not the code).
        [rehypeCodeDigest, { digest: markdownCodeDigest(process.cwd()) }],
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
    }),
  },
  // Every page carries a Content-Security-Policy: scripts and styles only from the site
  // (Astro adds the hashes of its inline ones), nothing from another origin. `frame-ancestors`
  // cannot be set from a page: `public/_headers` sends it.
  security: {
    csp: {
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  // Pages whose `cacheKey` (src/archive/page-keys.ts), code and configuration are unchanged are
  // copied from the previous build (kept in `cacheDir`) instead of being rendered again.
  experimental: { incrementalBuild: true },
  integrations: [
    contentGuard({ contentDir }),
    sitemap({ filter: notARedirect(contentDir, base) }),
    // The search index (Pagefind), written into the built site.
    searchIndex(),
    // The files next to each document (source, references, JSON, preview), written by a worker thread.
    readoutFiles({ contentDir }),
    // Keep last: it checks the output that the others write.
    outputGuard({ contentDir }),
  ],
});
