/**
 * `npm run urls:update [-- [--check] <built site folder>]`: appends to `content/urls.txt` every
 * address the site now produces and the manifest does not list yet. It never removes a line:
 * retiring an address is done by hand, deliberately. Without a folder, builds the site into a
 * temporary one first. With `--check`, it writes nothing and fails when an address is missing:
 * the repository's CI (`.ci/run`) runs it, so that what is published is recorded. It writes the first manifest of a new archive too (the one build allowed
 * with an empty manifest), but not when git shows that the file once existed: a deleted or
 * emptied manifest is restored, never written anew.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDirOf } from '#content/folder.ts';
import {
  appendToManifest,
  FIRST_MANIFEST_ENV,
  formatRoute,
  MANIFEST_FILE,
  parseManifest,
  publishedRoutes,
  readManifest,
} from '#features/permanence/manifest.ts';
import { listFiles } from '#features/site-files.ts';
import { RECORDING_URLS_ENV } from '#features/permanence/output-check.ts';

const root = resolve(import.meta.dirname, '..');
const contentDir = contentDirOf(root);

function fail(message: string): never {
  console.error(`erreur : ${message}`);
  process.exit(1);
}

const manifest = readManifest(root, contentDir);
for (const problem of manifest.problems) fail(`${problem.file}: ${problem.field}: ${problem.message}`);
/** No address listed yet: this is the first manifest, unless git remembers an earlier one. */
const first = parseManifest(manifest.file, manifest.text).entries.length === 0;
if (first) {
  const history = spawnSync('git', ['log', '-1', '--format=%h', '--', MANIFEST_FILE], {
    cwd: contentDir,
    encoding: 'utf8',
  });
  const commit = history.status === 0 ? history.stdout.trim() : '';
  if (commit !== '') {
    fail(
      `${manifest.file} ne liste aucune adresse, mais git en connaît des versions (dernière : ${commit}) : ` +
        `l’archive a déjà été publiée ; restaurez la liste (git log -p -- ${manifest.file}) au lieu d’en écrire une nouvelle`,
    );
  }
}

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const given = args.find((a) => a !== '--check');

/** The built site's folder, and what to remove once its files are listed (a build of its own). */
function builtSite(): { outDir: string; temporary?: string } {
  if (given) return { outDir: resolve(given) };
  // Inside the project: Astro keeps its prerender chunks next to an output folder there.
  const parent = join(root, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'readout-archive-urls-'));
  const outDir = join(dir, 'dist');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'astro.ts'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(dir, 'cache'),
      // The build does not warn about the new addresses: recording them is what this command does.
      [RECORDING_URLS_ENV]: '1',
      ...(first && { [FIRST_MANIFEST_ENV]: '1' }),
    },
  });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    console.error('erreur : la construction a échoué ; corrigez-la avant de mettre à jour content/urls.txt');
    process.exit(1);
  }
  return { outDir, temporary: dir };
}

const site = builtSite();
const files = listFiles(site.outDir);
// The build made here is of no further use: an archive's full site, too large to leave behind.
if (site.temporary) rmSync(site.temporary, { recursive: true, force: true });
const { file, text } = manifest;
const listed = new Set(parseManifest(file, text).entries.map((e) => e.route));
const added = publishedRoutes(files).filter((route) => !listed.has(route));
if (added.length === 0) {
  console.log(`${file} : rien à ajouter.`);
} else if (checkOnly) {
  console.error(
    `erreur : ${file} ne liste pas ${added.length} adresse(s) que le site produit ; lancez « npm run urls:update » :`,
  );
  for (const route of added) console.error(`  ${formatRoute(route)}`);
  process.exit(1);
} else {
  const today = new Date().toISOString().slice(0, 10);
  writeFileSync(join(contentDir, MANIFEST_FILE), appendToManifest(text, added, today));
  console.log(`${file} : ${added.length} adresse(s) ajoutée(s) :`);
  for (const route of added) console.log(`  ${formatRoute(route)}`);
}
