/** Every HTML file of both builds is valid HTML by html-validate's recommended rules (`.htmlvalidate.json`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { root } from '../support/build.ts';
import { htmlFiles } from '../support/dist.ts';

const config = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(config);

describe.each([
  ['at the root', inject('distDir')],
  ['under BASE_PATH', inject('distDirBase')],
])('html-validate %s', (_, dir) => {
  const files = htmlFiles(dir);

  test('the build has HTML files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('%s has no error', async (file) => {
    const report = await validator.validateString(readFileSync(join(dir, file), 'utf8'), file);
    const errors = report.results.flatMap((r) =>
      r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(errors).toEqual([]);
  });
});
