/**
 * The promises a finished build must keep, checked on its list of files: every document
 * has exactly one page (and no page lacks its document), every address of the manifest is
 * still served or redirected, every redirect leads to a page and hides none.
 */
import type { Problem } from '#content/problem.ts';
import { formatRoute, publishedRoutes, type ManifestEntry } from './manifest.ts';
import { builtAddresses } from './addresses.ts';
import { isPageRoute, redirectAddressProblems, redirectOf, type Redirect } from './redirects.ts';
import { routes } from '#archive/urls.ts';

export interface BuildFacts {
  /** Every file of the output, relative to it, with forward slashes. */
  files: readonly string[];
  /** Routes whose `index.html` is a redirect page written from `redirects.yaml`. */
  redirectPages: ReadonlySet<string>;
  /** One per readout file: its id and its path (for messages). */
  readouts: readonly { id: string; path: string }[];
  manifest: { file: string; entries: readonly ManifestEntry[] };
  redirects: { file: string; entries: readonly Redirect[] };
  /**
   * The build is the one `npm run urls:update` makes to record the new addresses: they are not
   * reported as unlisted, since recording them is what it is for.
   */
  recordingUrls?: boolean | undefined;
}

/** Set by `npm run urls:update` on the build it makes (see `scripts/update-urls.ts`). */
export const RECORDING_URLS_ENV = 'ARCHIVE_RECORDING_URLS';

const OUTPUT = '(site construit)';
const readoutPrefix = routes.readout('x').slice(0, -'x/'.length);
/** `comptes-rendus/<one segment>/`: the route of a document page. */
const isReadoutPage = (route: string) =>
  route.startsWith(readoutPrefix) && /^[^/]+\/$/.test(route.slice(readoutPrefix.length));

/** Errors for broken promises; a warning for each produced address the manifest does not list yet. */
export function checkOutput(facts: BuildFacts): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, field: string, message: string) =>
    problems.push({ severity: 'error', file, field, message });
  const produced = new Set(publishedRoutes(facts.files).filter((r) => !facts.redirectPages.has(r)));

  // One page per document, one document per page.
  const expected = new Map(facts.readouts.map((d) => [routes.readout(d.id), d]));
  const pages = [...produced].filter(isReadoutPage);
  const counts = `${facts.readouts.length} document(s), ${pages.length} page(s) de document`;
  for (const [route, doc] of expected) {
    if (!produced.has(route)) error(doc.path, '(page)', `aucune page produite à « ${route} » (${counts})`);
  }
  for (const route of pages) {
    if (!expected.has(route)) error(OUTPUT, route, `page de document sans document correspondant (${counts})`);
  }

  // Redirects lead somewhere and hide nothing: the rule of the content check, on what was built.
  const { file: redirectsFile, entries: redirects } = facts.redirects;
  const built = builtAddresses(facts.files, facts.redirectPages);
  problems.push(...redirectAddressProblems(redirectsFile, redirects, built));
  for (const r of redirects) {
    if (isPageRoute(r.from) && !facts.redirectPages.has(r.from) && !built.has(r.from)) {
      error(OUTPUT, r.from, 'la page de redirection attendue n’a pas été produite');
    }
  }

  // Nothing published is lost.
  const { file: manifestFile, entries } = facts.manifest;
  const listed = new Set(entries.map((e) => e.route));
  for (const { route, line } of entries) {
    if (produced.has(route)) continue;
    const redirect = redirectOf(route, redirects);
    if (redirect && produced.has(redirect.target)) continue;
    error(
      manifestFile,
      `ligne ${line}`,
      redirect
        ? `« ${formatRoute(route)} » est redirigée vers « ${formatRoute(redirect.target)} », qui n’est pas produite`
        : `« ${formatRoute(route)} » a été publiée mais n’est plus produite : ajoutez une redirection dans content/redirects.yaml`,
    );
  }
  // New addresses: a warning each, up to a screenful, unless they are being recorded.
  const unlisted = facts.recordingUrls ? [] : [...produced].filter((route) => !listed.has(route));
  const shown = unlisted.length > 12 ? unlisted.slice(0, 10) : unlisted;
  const hint = 'lancez « npm run urls:update » pour l’enregistrer';
  for (const route of shown) {
    problems.push({
      severity: 'warning',
      file: manifestFile,
      field: formatRoute(route),
      message: `adresse nouvelle, pas encore listée : ${hint}`,
    });
  }
  if (shown.length < unlisted.length) {
    const more = unlisted.length - shown.length;
    problems.push({ severity: 'warning', file: manifestFile, field: '…', message: `et ${more} autres : ${hint}` });
  }
  return problems;
}
