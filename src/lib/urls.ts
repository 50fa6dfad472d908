/**
 * Permanent URLs, decided in one place. A route is a path relative to the site's base
 * (`comptes-rendus/<id>/`); `href()` prefixes the base for links, `absoluteUrl()` adds the
 * origin for canonical and permanent links. Ids come from file names, never from titles,
 * and every URL ends with a slash. A URL published once must keep working: see README.
 */

export const routes = {
  home: () => '',
  readouts: () => 'comptes-rendus/',
  readout: (id: string) => `comptes-rendus/${segment(id)}/`,
  people: () => 'personnes/',
  person: (id: string) => `personnes/${segment(id)}/`,
  topics: () => 'themes/',
  topic: (id: string) => `themes/${segment(id)}/`,
  places: () => 'lieux/',
  place: (id: string) => `lieux/${segment(id)}/`,
} as const;

function segment(id: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`Identifiant impropre à une URL : « ${id} »`);
  return id;
}

/** `/`, `/archive/`: the base path with exactly one leading and one trailing slash. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The link a page prints for a route: `/archive/comptes-rendus/x/` under `BASE_PATH=/archive/`. */
export function href(route: string, base: string = import.meta.env.BASE_URL): string {
  return normalizeBase(base) + route.replace(/^\/+/, '');
}

/** The full address of a route, for canonical links and the permanent URL shown to readers. */
export function absoluteUrl(route: string, site: string | URL, base: string = import.meta.env.BASE_URL): string {
  return new URL(href(route, base), site).href;
}
