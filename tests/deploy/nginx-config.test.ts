/** deploy/nginx.conf as a file: what a deployer changes, and the redirects it carries. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { configFile, configWithRedirects, root } from '../../deploy/sync-nginx-redirects.ts';
import { adaptConfig } from '../support/nginx.ts';
import { contentWith, fixtures } from '../support/content-copy.ts';

const conf = readFileSync(configFile, 'utf8');

describe('deploy/nginx.conf', () => {
  test('holds the redirects of content/redirects.yaml (else run `npm run deploy:nginx`)', () => {
    expect(configWithRedirects(conf, join(root, 'content'))).toBe(conf);
  });

  test('has one `listen` and one `root` line, the only lines marked for deployers to adapt', () => {
    const adapted = adaptConfig(conf, '127.0.0.1:8080', '/srv/site');
    const changed = conf.split('\n').filter((line, i) => line !== adapted.split('\n')[i]);
    expect(changed.map((l) => l.trim().split(/\s/)[0])).toEqual(['listen', 'root']);
    const marked = conf.split('\n').filter((l) => /#\s*ADAPT\b/.test(l));
    expect(marked).toEqual(changed);
  });
});

describe('npm run deploy:nginx', () => {
  const refused = readdirSync(join(fixtures, 'invalid')).filter((name) => /^redirects?-/.test(name));

  test.each(refused)('writes no rule for a redirect the check refuses (%s)', (name) => {
    expect(refused.length).toBeGreaterThan(10);
    expect(() => configWithRedirects(conf, contentWith(`invalid/${name}`))).toThrow(
      /content\/redirects\.yaml: (\[\d+\]|\(|ligne)/,
    );
  });
});
