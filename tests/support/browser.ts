/**
 * Debian's Chromium, driven by playwright-core. The browsers of a run are started once, by the
 * global setup of the project that runs the browser suites (`startBrowsers`): one with the
 * machine's fonts and one per font setup of `fonts.ts`. Each test file connects to them; a file
 * run where no browser was started (another project) starts its own. Browser downloads do not
 * work where this archive is built; `scripts/ensure-system-tools.sh` installs Chromium with
 * apt-get instead.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type BrowserServer, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { root } from './build.ts';
import { fontconfigFile, fontSetups, type FontSetup } from './fonts.ts';
import { serve, type StaticServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The address of each browser of the run, by font setup (`''`: the machine's fonts). */
    browsers: Record<string, string>;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the browser tests leave their screenshots, for a maintainer to look at after a run. */
export const screenshotDir = join(root, 'test-results', 'screenshots');

/** How Chromium is started; with `fonts`, shown only the fonts of that setup (see `fonts.ts`). */
function launchOptions(fonts?: FontSetup) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: run \`sudo apt-get install -y chromium\` (see README).`);
  }
  return {
    executablePath: CHROMIUM,
    headless: true,
    ...(fonts && { env: { ...process.env, FONTCONFIG_FILE: fontconfigFile(fonts) } }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  };
}

/**
 * Starts the browsers the test files of a run share, for the global setup: their addresses go to
 * the tests (`inject('browsers')`), and `close` stops them once every file has run.
 */
export async function startBrowsers(): Promise<{ endpoints: Record<string, string>; close: () => Promise<void> }> {
  const setups = [undefined, ...fontSetups];
  const servers: BrowserServer[] = await Promise.all(
    setups.map((fonts) => chromium.launchServer(launchOptions(fonts))),
  );
  return {
    endpoints: Object.fromEntries(setups.map((fonts, i) => [fonts?.name ?? '', servers[i]!.wsEndpoint()])),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/**
 * A connection to the run's browser with the machine's fonts, or with only those of `fonts`;
 * its `close()` leaves the browser running for the other files. Where the run started no
 * browser, one of the file's own, which `close()` stops.
 */
export async function launch(options: { fonts?: FontSetup } = {}): Promise<Browser> {
  const endpoint = inject('browsers')?.[options.fonts?.name ?? ''];
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch(launchOptions(options.fonts));
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
