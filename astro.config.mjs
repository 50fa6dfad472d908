// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { contentDirSetting } from '#content/folder.ts';
import contentGuard, { notARedirect, outputGuard } from '#features/guard/integration.ts';
import searchIndex from '#features/search/integration.ts';
import readoutFiles from '#features/readout-files/integration.ts';
import incrementalOutput from '#features/incremental/integration.ts';

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
  // Components' styles are global, each selector anchored under the component's own class
  // (docs/reading.md): no scope class on every element they render. The few pages that keep
  // scoped styles are scoped by a class (`astro-…`, added to the element's class list) rather
  // than by a `data-astro-cid-…` attribute on every element: the same rules, fewer bytes a page.
  scopedStyleStrategy: 'class',
  // Four routes rendered at a time: a route mostly waits on files (reading a source, writing
  // its output), and overlapping those waits cut the rendering of 1,000 documents by a third
  // on two cores (docs/performance.md). Every route's output depends on its own data only.
  // Styles are never inlined in a page: each page links the one style sheet (below), which the
  // browser caches, instead of carrying its components' styles and their CSP hashes.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  outDir: process.env.OUT_DIR || './dist',
  cacheDir,
  // Vite's cache of pre-bundled dependencies goes with Astro's: builds with caches of their
  // own (tests, benchmark) then neither overwrite one another's nor redo it when warm.
  vite: {
    cacheDir: `${cacheDir}/vite`,
    // The output folder is updated in place, not emptied: unchanged pages and files stay as they
    // are, and what no step of the build wrote is removed at its end (src/features/incremental/).
    // One style sheet for the whole site (`cssCodeSplit: false`): a page makes one request for
    // its styles, whatever components it shows.
    build: { emptyOutDir: false, cssCodeSplit: false },
  },
  // Astro renders no Markdown itself (readouts are rendered by their pages, see
  // src/features/markdown/render.ts); without this it would load Shiki for nothing.
  markdown: { syntaxHighlight: false },
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
    // The files next to each document (source, references, JSON, preview), written by a worker
    // thread that first runs the content check the guard opened: it comes after the guard.
    readoutFiles(),
    // After every step that writes into the output: removes what this build did not write or keep.
    incrementalOutput(),
    // Keep last: it checks the output that the others write.
    outputGuard({ contentDir }),
  ],
});
