/**
 * A static server over a built site, as a web host would serve it: on a free loopback port,
 * under the site's base path, `404.html` with status 404 for any address that serves no file.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The site's base path, `/` or `/archive/`. */
  base: string;
  /** The address of a site path on this server (`/archive/lieux/` → `http://127.0.0.1:…/archive/lieux/`). */
  url(path: string): string;
  /** The address on this server of a URL printed for the public origin (a sitemap `<loc>`, say). */
  local(publicUrl: string): string;
  close(): Promise<void>;
}

export async function serve(dir: string, base = '/'): Promise<StaticServer> {
  const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
  const notFound = readFileSync(join(dir, '404.html'));
  const server = createServer((req, res) => {
    const sendNotFound = () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    };
    const url = req.url ?? '/';
    if (!url.startsWith(base)) return sendNotFound();
    // sirv serves from the folder's root: strip the base path first.
    req.url = `/${url.slice(base.length)}`;
    files(req, res, sendNotFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    base,
    url: (path) => new URL(path, origin).href,
    local: (publicUrl) => {
      const { pathname, search, hash } = new URL(publicUrl);
      return new URL(pathname + search + hash, origin).href;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
