/**
 * Debian's Chromium, driven by playwright-core: one browser per test file, started once.
 * Browser downloads do not work where this archive is built; `scripts/ensure-system-tools.sh`
 * installs Chromium with apt-get instead.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { root } from './build.ts';
import { serve, type StaticServer } from './server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the browser tests leave their screenshots, for a maintainer to look at after a run. */
export const screenshotDir = join(root, 'test-results', 'screenshots');

/** Starts Chromium; with `fontconfig`, a fontconfig file (see `fonts.ts`) that chooses the fonts it sees. */
export async function launch(options: { fontconfig?: string } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: run \`sudo apt-get install -y chromium\` (see README).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...(options.fontconfig && { env: { ...process.env, FONTCONFIG_FILE: options.fontconfig } }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A page in a fresh context: French, a desktop window unless told otherwise. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, ...options });
  return context.newPage();
}

/** The path of a screenshot named `name`, its folder created. */
export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, name);
}

/** A browser and a static server over one build, for the tests of one file. */
export interface Site {
  browser: Browser;
  server: StaticServer;
}

/**
 * Starts a browser and a server over `dir` before the file's tests and stops both after;
 * the returned object holds them once the tests run.
 */
export function useSite(dir: string, base = '/'): Site {
  const site = {} as Site;
  beforeAll(async () => {
    [site.browser, site.server] = await Promise.all([launch(), serve(dir, base)]);
  });
  afterAll(async () => {
    await Promise.all([site.browser?.close(), site.server?.close()]);
  });
  return site;
}
