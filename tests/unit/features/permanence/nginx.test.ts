import { describe, expect, test } from 'vitest';
import { BEGIN, END, nginxRedirectRules, withNginxRedirects } from '#features/permanence/nginx.ts';

describe('nginxRedirectRules', () => {
  test.each([
    // from, to, expected rules, why
    [
      'comptes-rendus/ancien-id/',
      'comptes-rendus/nouvel-id/',
      [
        'location ^~ /comptes-rendus/ancien-id/ { rewrite ^/comptes-rendus/ancien-id/(.*)$ /comptes-rendus/nouvel-id/$1 permanent; }',
        'location = /comptes-rendus/ancien-id { return 301 /comptes-rendus/nouvel-id/; }',
      ],
      'a page takes the files below it along, and its address without the final slash reaches the new page in one hop',
    ],
    [
      'api/comptes-rendus/ancien.json',
      'api/comptes-rendus/nouveau.json',
      ['location = /api/comptes-rendus/ancien.json { return 301 /api/comptes-rendus/nouveau.json; }'],
      'a file is matched exactly, and has no slash form',
    ],
    [
      'lieux/a.b/',
      'lieux/c/',
      [
        'location ^~ /lieux/a.b/ { rewrite ^/lieux/a\\.b/(.*)$ /lieux/c/$1 permanent; }',
        'location = /lieux/a.b { return 301 /lieux/c/; }',
      ],
      'a dot in the old address is matched literally',
    ],
    [
      'themes/ancien/',
      'api/themes.json',
      [
        'location = /themes/ancien/ { return 301 /api/themes.json; }',
        'location = /themes/ancien { return 301 /api/themes.json; }',
      ],
      'a page redirected to a file takes nothing below it along, as in _redirects',
    ],
    [
      '/personnes/a/',
      '',
      [
        'location ^~ /personnes/a/ { rewrite ^/personnes/a/(.*)$ /$1 permanent; }',
        'location = /personnes/a { return 301 /; }',
      ],
      'a leading slash changes nothing, and the home page is a valid target',
    ],
  ])('%s → %j gives %j (%s)', (from, to, expected) => {
    expect(nginxRedirectRules([{ from, to }])).toEqual(expected);
  });

  test('keeps the order of the entries', () => {
    const rules = nginxRedirectRules([
      { from: 'b.json', to: 'c.json' },
      { from: 'a.json', to: 'c.json' },
    ]);
    expect(rules.map((r) => r.split(' ')[2])).toEqual(['/b.json', '/a.json']);
  });

  test('leaves out an entry that an earlier page entry already covers, as the first matching line wins on a CDN', () => {
    const rules = nginxRedirectRules([
      { from: 'themes/a/', to: 'themes/b/' },
      { from: 'themes/a/flux.xml', to: 'themes/c/flux.xml' },
      { from: 'themes/a/x/', to: 'themes/d/' },
    ]);
    expect(rules.map((r) => r.split(' ')[2])).toEqual(['/themes/a/', '/themes/a']);
  });

  test('keeps an entry for a file below a later page entry: an exact location beats a prefix, as the earlier line does', () => {
    const rules = nginxRedirectRules([
      { from: 'themes/a/flux.xml', to: 'themes/c/flux.xml' },
      { from: 'themes/a/', to: 'themes/b/' },
    ]);
    expect(rules.map((r) => r.split(' ')[2])).toEqual(['/themes/a/flux.xml', '/themes/a/', '/themes/a']);
  });

  test.each([
    [{ from: 'comptes-rendus/a b/', to: 'comptes-rendus/c/' }, 'a space would end the path in nginx'],
    [{ from: 'comptes-rendus/a;/', to: 'comptes-rendus/c/' }, 'a semicolon would end the directive'],
    [{ from: 'comptes-rendus/a/', to: 'comptes-rendus/{c}/' }, 'braces would open a block'],
    [{ from: 'comptes-rendus/%C3%A9t%C3%A9/', to: 'comptes-rendus/c/' }, 'nginx matches decoded paths, not %-escapes'],
    [{ from: 'comptes-rendus/../a/', to: 'comptes-rendus/c/' }, 'nginx normalizes `..` away before matching'],
    [{ from: 'a/', to: 'b/#p2' }, 'a fragment is not part of a path'],
    [{ from: '', to: 'comptes-rendus/' }, 'the home page cannot be redirected'],
  ])('refuses %j (%s)', (entry) => {
    expect(() => nginxRedirectRules([entry])).toThrow(/Redirection impropre/);
  });
});

describe('withNginxRedirects', () => {
  const conf = ['server {', '    root /x;', `    ${BEGIN}`, '    location = /old { return 301 /; }', `    ${END}`, '}'];

  test('replaces the lines between the markers, indented like them', () => {
    expect(withNginxRedirects(conf.join('\n'), ['location = /a/ { return 301 /b/; }']).split('\n')).toEqual([
      'server {',
      '    root /x;',
      `    ${BEGIN}`,
      '    location = /a/ { return 301 /b/; }',
      `    ${END}`,
      '}',
    ]);
  });

  test('empties the block when there is no redirect', () => {
    expect(withNginxRedirects(conf.join('\n'), [])).toBe([...conf.slice(0, 3), ...conf.slice(4)].join('\n'));
  });

  test('gives back the same text when the block is up to date', () => {
    expect(withNginxRedirects(conf.join('\n'), ['location = /old { return 301 /; }'])).toBe(conf.join('\n'));
  });

  test.each([
    ['server { }', 'no markers'],
    [`${END}\n${BEGIN}`, 'markers in the wrong order'],
  ])('refuses a config with %s', (text) => {
    expect(() => withNginxRedirects(text, [])).toThrow(/BEGIN redirects/);
  });
});
