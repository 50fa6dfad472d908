/**
 * Font setups for the browser tests: a fontconfig file that shows Chromium one family of fonts
 * only, so that a test of the layout holds with the fonts of any machine, not just this one's.
 * The fonts are Debian's packages, installed by `scripts/ensure-system-tools.sh`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './build.ts';

export interface FontSetup {
  /** What a reader's machine with these fonts looks like. */
  name: string;
  /** The Debian package that installs them. */
  package: string;
  /** Their folder: the only one fontconfig is shown. */
  dir: string;
  /** The family each generic name (`serif`, …) stands for, as a desktop's fontconfig rules would say. */
  generic: { serif: string; 'sans-serif': string; monospace: string };
}

/** Wide (DejaVu, what Chromium's own packages bring), narrow (Liberation, metrics of Times), and FreeFont. */
export const fontSetups: FontSetup[] = [
  {
    name: 'DejaVu only',
    package: 'fonts-dejavu-core',
    dir: '/usr/share/fonts/truetype/dejavu',
    generic: { serif: 'DejaVu Serif', 'sans-serif': 'DejaVu Sans', monospace: 'DejaVu Sans Mono' },
  },
  {
    name: 'Liberation only',
    package: 'fonts-liberation',
    dir: '/usr/share/fonts/truetype/liberation',
    generic: { serif: 'Liberation Serif', 'sans-serif': 'Liberation Sans', monospace: 'Liberation Mono' },
  },
  {
    name: 'FreeFont only',
    package: 'fonts-freefont-ttf',
    dir: '/usr/share/fonts/truetype/freefont',
    generic: { serif: 'FreeSerif', 'sans-serif': 'FreeSans', monospace: 'FreeMono' },
  },
];

/**
 * A fontconfig file that lists `setup.dir` alone, with a cache of its own; its path goes in
 * `FONTCONFIG_FILE` for the browser. Fails, naming the package, when the fonts are missing.
 */
export function fontconfigFile(setup: FontSetup): string {
  if (!existsSync(setup.dir)) {
    throw new Error(`The fonts of « ${setup.name} » are missing: run \`sudo apt-get install -y ${setup.package}\`.`);
  }
  const dir = tempDir('fonts');
  mkdirSync(join(dir, 'cache'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      '<fontconfig>',
      `  <dir>${setup.dir}</dir>`,
      `  <cachedir>${join(dir, 'cache')}</cachedir>`,
      ...Object.entries(setup.generic).map(
        ([generic, family]) =>
          `  <alias><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`,
      ),
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return file;
}
