// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import contentGuard from './src/integrations/content-guard.ts';

/** Public origin of the site, used for canonical and permanent URLs. */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** Sub-path the site is served under (`/archive/`), or `/`. */
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  markdown: {
    // Archived text is reproduced as written: no typographic rewriting.
    processor: unified({ remarkPlugins: [remarkGfm], smartypants: false }),
  },
  integrations: [contentGuard({ contentDir: process.env.CONTENT_DIR ?? './content' }), sitemap()],
});
