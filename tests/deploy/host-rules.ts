/**
 * The two instruction files a build leaves for Netlify and Cloudflare Pages, read the way those
 * hosts read them, so that tests can ask nginx for the same behaviour:
 * - `_headers`: blocks of a path pattern (`/*`, `/_astro/*`, `/x/:id/`) followed by indented
 *   `Name: value` lines. Every rule whose pattern matches a path applies; for a header set by
 *   several, the later rule wins (Netlify), and `! Name` removes it (Cloudflare's detach).
 * - `_redirects`: `from to [status]` lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HeaderRule {
  pattern: string;
  /** Header names in lower case, with their values; `null` for a detached header. */
  headers: Map<string, string | null>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: line, headers: new Map() });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: a header comes before any path: ${line}`);
    const detach = /^!\s*([^:\s]+)$/.exec(line);
    if (detach) {
      rule.headers.set(detach[1]!.toLowerCase(), null);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`_headers: not a \`Name: value\` line: ${line}`);
    rule.headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return rules;
}

/** A `_headers` or `_redirects` pattern as a regular expression over a URL path. */
export function patternRegExp(pattern: string): RegExp {
  const path = pattern.replace(/^https?:\/\/[^/]+/, '');
  const source = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The headers `_headers` gives a path: lower-case names, later rules winning. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules.filter((r) => patternRegExp(r.pattern).test(path))) {
    for (const [name, value] of rule.headers) {
      if (value === null) out.delete(name);
      else out.set(name, value);
    }
  }
  return out;
}

export interface RedirectLine {
  from: string;
  to: string;
  status: number;
}

export function parseRedirectsFile(text: string): RedirectLine[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [from = '', to = '', status = '301'] = l.split(/\s+/);
      return { from, to, status: Number.parseInt(status, 10) };
    });
}

/** A build's instruction file, or `''` when it has none. */
export function hostFile(dir: string, name: '_headers' | '_redirects'): string {
  const file = join(dir, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
