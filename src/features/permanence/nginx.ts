/**
 * The redirects of renamed documents as nginx rules, kept in `deploy/nginx.conf` between the
 * lines `# BEGIN redirects` and `# END redirects`. nginx cannot read a redirect's target from a
 * file at request time, and an `include` path could not follow the `root` line without a
 * third line for deployers to adapt, so the rules are written into the config itself by
 * `npm run deploy:nginx`. Their locations take precedence over the site's own, so the 301 wins
 * over the HTML redirect page that the build leaves at the old address.
 */
import { href } from '#archive/urls.ts';

/** A renamed address: routes relative to the base path, as in `content/redirects.yaml`. */
export interface RouteRedirect {
  from: string;
  to: string;
}

export const BEGIN = '# BEGIN redirects';
export const END = '# END redirects';

/** Paths nginx can match and print unquoted: no spaces, quotes, `;`, braces, `%` or `#`. */
const SAFE_PATH = /^\/[A-Za-z0-9._~/-]*$/;

function path(route: string, field: 'from' | 'to'): string {
  const p = href(route, '/');
  if (!SAFE_PATH.test(p) || p.split('/').includes('..')) {
    throw new Error(`Redirection impropre à nginx : « ${route} » (${field}) doit être un chemin ASCII sans espace`);
  }
  return p;
}

/**
 * One line per rule, in the order given. A page (`comptes-rendus/ancien/`) is redirected with
 * the files below it (`…/ancien/source.md` → `…/nouveau/source.md`), as `_redirects` does, by a
 * `^~` prefix location, which nginx prefers to every regular-expression location; its address
 * without the final slash gets an exact location, so that it too reaches the new page in one
 * hop. An entry already covered by an earlier page entry is left out: on Netlify and Cloudflare
 * the first matching line wins, where nginx would pick the longest prefix.
 */
export function nginxRedirectRules(redirects: readonly RouteRedirect[]): string[] {
  const pages: string[] = [];
  return redirects.flatMap(({ from, to }) => {
    const source = path(from, 'from');
    const target = path(to, 'to');
    if (source === '/') throw new Error('Redirection impropre : la page d’accueil ne peut pas être redirigée');
    if (pages.some((p) => source.startsWith(p))) return [];
    const exact = (s: string) => `location = ${s} { return 301 ${target}; }`;
    if (!source.endsWith('/')) return [exact(source)];
    const bare = source.slice(0, -1);
    if (!target.endsWith('/')) return [exact(source), exact(bare)];
    pages.push(source);
    const rewrite = `rewrite ^${source.replaceAll('.', '\\.')}(.*)$ ${target}$1 permanent;`;
    return [`location ^~ ${source} { ${rewrite} }`, exact(bare)];
  });
}

/** `conf` with the lines between the markers replaced by `rules`, indented like the markers. */
export function withNginxRedirects(conf: string, rules: readonly string[]): string {
  const lines = conf.split('\n');
  const begin = lines.findIndex((l) => l.trim() === BEGIN);
  const end = lines.findIndex((l) => l.trim() === END);
  if (begin < 0 || end < begin) throw new Error(`La configuration nginx doit contenir « ${BEGIN} » puis « ${END} »`);
  const indent = /^\s*/.exec(lines[begin] ?? '')?.[0] ?? '';
  return [...lines.slice(0, begin + 1), ...rules.map((r) => indent + r), ...lines.slice(end)].join('\n');
}
