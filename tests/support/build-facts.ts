/**
 * Made-up facts of a finished build (its files, readouts, manifest, redirects), for the checks
 * of `src/features/permanence/output-check.ts`: a build that keeps every promise, and builds
 * that each break one.
 */
import type { BuildFacts } from '#features/permanence/output-check.ts';
import type { Redirect } from '#features/permanence/redirects.ts';

export const site = [
  'index.html',
  'comptes-rendus/index.html',
  'comptes-rendus/2024-05-20-a/index.html',
  'comptes-rendus/2024-05-20-a/source.md',
  'comptes-rendus/2024-05-21-b/index.html',
  'personnes/wang-yi/index.html',
  '_astro/Base.abc123.css',
  '404.html',
];

export const readouts = [
  { id: '2024-05-20-a', path: 'content/readouts/2024/2024-05-20-a.md' },
  { id: '2024-05-21-b', path: 'content/readouts/2024/2024-05-21-b.md' },
];

export const redirect = (from: string, to: string, index = 0): Redirect => ({
  from,
  to,
  date: '2025-01-15',
  reason: 'r',
  index,
});

/** A build that keeps every promise, but for what `overrides` changes. */
export function facts(overrides: Partial<BuildFacts> = {}): BuildFacts {
  return {
    files: site,
    redirectPages: new Set(),
    readouts,
    manifest: { file: 'content/urls.txt', entries: [] },
    redirects: { file: 'content/redirects.yaml', entries: [] },
    ...overrides,
  };
}

/** Builds that break one promise each: why, what changes, and the errors expected (`file: field`). */
// prettier-ignore
export const brokenBuilds: [string, Partial<BuildFacts>, string[]][] = [
  ['a document without its page fails, naming the document', { files: site.filter((f) => !f.startsWith('comptes-rendus/2024-05-21-b/')) }, ['content/readouts/2024/2024-05-21-b.md: (page)']],
  ['a document page without its document fails', { readouts: readouts.slice(0, 1) }, ['(site construit): comptes-rendus/2024-05-21-b/']],
  ['a manifest address no longer produced fails, naming its line', { manifest: { file: 'content/urls.txt', entries: [{ route: 'comptes-rendus/', line: 3 }, { route: 'rubrique/', line: 4 }] } }, ['content/urls.txt: ligne 4']],
  ['a redirect to an address the build does not produce fails', { redirects: { file: 'content/redirects.yaml', entries: [redirect('rubrique/', 'ailleurs/')] }, redirectPages: new Set(['rubrique/']) }, ['content/redirects.yaml: [0].to']],
  ['a redirect from an address a real page holds fails', { redirects: { file: 'content/redirects.yaml', entries: [redirect('comptes-rendus/', '')] } }, ['content/redirects.yaml: [0].from']],
  ['a redirect whose page was not written fails', { redirects: { file: 'content/redirects.yaml', entries: [redirect('rubrique/', '')] } }, ['(site construit): rubrique/']],
  ['a published address whose redirect leads to an address no longer served fails', { manifest: { file: 'content/urls.txt', entries: [{ route: 'ancien/', line: 2 }] }, redirects: { file: 'content/redirects.yaml', entries: [redirect('ancien/', 'rubrique/')] }, redirectPages: new Set(['ancien/']) }, ['content/redirects.yaml: [0].to', 'content/urls.txt: ligne 2']],
];
