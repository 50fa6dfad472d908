/** The local server the browser tests use serves a build as a host would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { serve, type StaticServer } from '../support/server.ts';

describe.each([
  ['at the root', inject('distDir'), '/'],
  ['under BASE_PATH', inject('distDirBase'), '/archive/'],
])('the test server %s', (_, dir, base) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serve(dir, base);
  });
  afterAll(() => server.close());

  test.each([
    ['', 'index.html'],
    ['lieux/', 'lieux/index.html'],
    ['lieux/astana/', 'lieux/astana/index.html'],
  ])('serves %j from %s with status 200', async (path, file) => {
    const response = await fetch(server.url(base + path));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(readFileSync(join(dir, file), 'utf8'));
  });

  test.each([`${base}nulle-part/`, `${base}lieux/nulle-part/`])(
    'answers %s with 404.html and status 404',
    async (path) => {
      const response = await fetch(server.url(path));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(readFileSync(join(dir, '404.html'), 'utf8'));
    },
  );

  test('maps a public URL onto itself', () => {
    expect(server.local(`https://archive.test${base}themes/?q=1#x`)).toBe(`${server.origin}${base}themes/?q=1#x`);
  });
});

test('a site under a sub-path serves nothing outside it', async () => {
  const server = await serve(inject('distDirBase'), '/archive/');
  try {
    expect((await fetch(server.url('/lieux/'))).status).toBe(404);
  } finally {
    await server.close();
  }
});
