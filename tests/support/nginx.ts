/**
 * Debian's nginx serving a built site with `deploy/nginx.conf`, changed the way a deployer
 * changes it: its `listen` and `root` lines only, in a copy in a temporary folder. nginx runs
 * in the foreground on a free loopback port, with its pid file, logs and temporary files in
 * that folder, and is stopped by `stop()`. Nothing is installed here: without nginx, `start`
 * fails and says how to install it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { root, tempDir } from './build.ts';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const INSTALL_COMMAND = 'apt-get install -y nginx';
export const CONFIG = join(root, 'deploy', 'nginx.conf');

export interface Nginx {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The server block nginx runs: deploy/nginx.conf with its `listen` and `root` lines changed. */
  config: string;
  /** What nginx wrote to its error log so far. */
  errorLog(): string;
  /** Stops nginx, waits for it to exit and removes its temporary folder. */
  stop(): Promise<void>;
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent, not decompressed. */
  body: Buffer;
}

/**
 * `conf` with its one `listen` and its one `root` directive replaced. Fails when either is not
 * there exactly once: those are the only lines a deployer is told to change.
 */
export function adaptConfig(conf: string, listen: string, rootDir: string): string {
  const replace = (text: string, directive: string, value: string) => {
    const line = new RegExp(`^(\\s*)${directive}\\s[^;]*;.*$`, 'gm');
    const count = text.match(line)?.length ?? 0;
    if (count !== 1) throw new Error(`deploy/nginx.conf must have exactly one \`${directive}\` line, found ${count}`);
    return text.replace(line, (_, indent: string) => `${indent}${directive} ${value};`);
  };
  return replace(replace(conf, 'listen', listen), 'root', rootDir);
}

/** A loopback port that nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts nginx over `siteDir` with `serverBlock` (deploy/nginx.conf by default). */
export async function startNginx(siteDir: string, serverBlock = readFileSync(CONFIG, 'utf8')): Promise<Nginx> {
  if (!existsSync(NGINX)) {
    throw new Error(`nginx is missing at ${NGINX}; the deployment tests need it. Install it with: ${INSTALL_COMMAND}`);
  }
  const dir = tempDir('nginx');
  const port = await freePort();
  const config = adaptConfig(serverBlock, `127.0.0.1:${port}`, siteDir);
  const errorLog = join(dir, 'error.log');
  writeFileSync(join(dir, 'server.conf'), config);
  // The smallest main config around the server block: nothing from the host's /etc/nginx.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      // Workers must read the build's private temporary folder: as root, keep them root.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'events { worker_connections 64; }',
      'http {',
      `  access_log ${join(dir, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`),
      `  include ${join(dir, 'server.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', errorLog], { stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const readLog = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');

  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start on port ${port}:\n${output}${readLog()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    config,
    errorLog: readLog,
    stop: async () => {
      // SIGQUIT: graceful shutdown; the master waits for its workers, then exits.
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One HTTP request, answered as sent: redirects not followed, bodies not decompressed. */
export function fetchRaw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
