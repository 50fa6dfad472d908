/**
 * `npm run bench`: builds synthetic archives of growing size, cold (empty cache) then warm
 * (same cache, same content), and prints what each build cost and produced. The archives are
 * generated in a temporary folder, never in `content/`, and removed afterwards.
 *
 *   npm run bench                          1,000 and 10,000 documents
 *   npm run bench -- --sizes 1000          one size only
 *   npm run bench -- --record              also writes docs/performance.md's results and docs/build-time.svg
 *   npm run bench -- --profile             adds a CPU profile of each build, summarised by package
 *   npm run bench -- --keep                keeps the generated archives, outputs and logs (paths printed)
 *   npm run bench -- --no-baseline         leaves out the baseline (a minimal Astro site, see bench/baseline.ts)
 *
 * After the cold and the warm build, each size goes through the changes an archivist publishes,
 * each built into the same folder with the same cache: a document added, its text changed, a
 * person record changed, the document removed. The output is then compared, file by file, with
 * a clean build of the same content. The baseline is built cold on the same documents, and the
 * ratio of the archive's cold build to it is printed.
 *
 * Needs GNU time (`/usr/bin/time`, Debian package `time`) for CPU time and peak memory.
 */
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildTimeChart } from './bench/chart.ts';
import { generateArchive } from './bench/generate.ts';
import {
  kindNames,
  medianBy,
  pageKinds,
  root,
  saveLog,
  timedBuild,
  type BuildRun,
  type Kind,
} from './bench/measure.ts';
import { buildArchive } from '#archive/archive.ts';
import { parseEntries } from '#content/entries.ts';
import { readContent } from '#content/read.ts';
import { markdownBody } from '#archive/fixity.ts';
import { summariseProfile } from './bench/profile.ts';
import { timedBaseline, type BaselineRun } from './bench/baseline.ts';
import { bytesByKind, differences, fileKinds } from './bench/output.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    record: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
/**
 * A few hundred people and topics, as in a real archive of this kind, whatever the number of
 * documents; texts as long as real readouts (about 4 KB, as the seed's).
 */
const records = { people: 300, topics: 200, places: 60, length: 'real' } as const;
/** The archive of one document, built cold: the floor a change is compared with (`single`). */
const single = { documents: 1, people: 3, topics: 5, places: 1, length: 'real' } as const;
/** How many times the one-document archive is built; the median is the floor. */
const SINGLE_RUNS = 3;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes > 100 * 1024 * 1024 ? 0 : 1)} Mo`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} Ko`;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;

const machine = {
  cpu: cpus()[0]?.model ?? 'inconnu',
  cores: cpus().length,
  memory: `${(totalmem() / 1024 ** 3).toFixed(0)} Gio (libres au départ : ${(freemem() / 1024 ** 3).toFixed(0)} Gio)`,
  node: process.version,
  astro: (JSON.parse(readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string })
    .version,
  loadBefore: loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
};

interface SizeResult {
  documents: number;
  runs: BuildRun[];
  /** Time of `buildArchive` (sorting, joins, counts by month, pairs), in ms, on the parsed entries: the fastest of five. */
  modelMs: number;
  /** Bytes of each kind of file of the cold build's output. */
  bytes: Map<string, number>;
  /** The files in which the output after the changes differs from a clean build (none expected). */
  differing: string[];
  baseline: BaselineRun | undefined;
  /** The mean length of a readout's text (its file's body), in bytes. */
  textBytes: number;
}

/** The changes an archivist publishes, in turn, each built into the previous build's folder. */
function scenarios(contentDir: string): [label: string, name: string, change: () => void][] {
  const readouts = join(contentDir, 'readouts');
  const year = readdirSync(readouts).sort().at(-1)!;
  const model = join(readouts, year, readdirSync(join(readouts, year)).sort()[0]!);
  const date = /^date: (\S+)$/m.exec(readFileSync(model, 'utf8'))![1]!;
  const added = join(readouts, year, `${date}-document-publie.md`);
  const person = join(contentDir, 'people', readdirSync(join(contentDir, 'people')).sort()[0]!);
  return [
    // Another document's text with a paragraph of its own: the archive refuses one text twice.
    [
      'add',
      'un document ajouté',
      () => writeFileSync(added, `${readFileSync(model, 'utf8')}\nUn paragraphe propre au document publié.\n`),
    ],
    [
      'change',
      'son texte modifié',
      () => writeFileSync(added, `${readFileSync(added, 'utf8')}\nUn paragraphe ajouté.\n`),
    ],
    [
      'person',
      'une fiche de personne modifiée',
      () => writeFileSync(person, readFileSync(person, 'utf8').replace(/^name: (.*)$/m, 'name: $1 (nom corrigé)')),
    ],
    ['remove', 'le document retiré', () => rmSync(added)],
  ];
}

/** The time of building the archive model from the generated content: the fastest of five, the least disturbed by the machine's other work. */
function modelTime(contentDir: string): number {
  const entries = parseEntries(readContent(root, contentDir).files);
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    buildArchive(entries);
    return performance.now() - start;
  });
  return Math.min(...times);
}

/** The mean length of the readouts' texts, front matter left out, in bytes. */
function meanTextBytes(contentDir: string): number {
  const texts = readContent(root, contentDir).files.filter((f) => f.collection === 'readouts');
  const total = texts.reduce((sum, f) => sum + Buffer.byteLength(markdownBody(readFileSync(f.abs!, 'utf8'))), 0);
  return total / Math.max(1, texts.length);
}

const work = mkdtempSync(join(tmpdir(), 'readout-archive-bench-'));
// Outputs go inside the project: Astro then writes its prerender chunks next to them, where
// they can import the project's packages, instead of into the shared `.astro/`.
const outputs = join(root, 'node_modules', '.cache', 'readout-archive-bench');
mkdirSync(outputs, { recursive: true });
/** The folders this run builds into, under `outputs`: removed at the end, whether it succeeds or fails, unless `--keep`. */
const made: string[] = [];
const outputFolder = (prefix: string) => {
  const folder = mkdtempSync(join(outputs, prefix));
  made.push(folder);
  return folder;
};
const results: SizeResult[] = [];
let singleRun: BuildRun | undefined;

try {
  {
    // A build of one document, from nothing: what any build costs, whatever the archive holds.
    // Three times, the median kept: the ratio of an addition to it is a target, and one build of
    // four seconds moves by a fifth from one minute to the next on a shared machine.
    const dir = mkdtempSync(join(work, 'single-'));
    generateArchive(join(dir, 'content'), single);
    console.error(`# 1 document : construction à froid, ${SINGLE_RUNS} fois…`);
    const runs: BuildRun[] = [];
    for (let i = 0; i < SINGLE_RUNS; i++) {
      const run = timedBuild({
        label: 'single',
        contentDir: join(dir, 'content'),
        outDir: join(outputFolder('single-'), 'dist'),
        cacheDir: join(dir, `cache-${i}`),
      });
      saveLog(run, join(dir, `build-single-${i}.log`));
      if (run.status !== 0) throw new Error(`La construction d’un seul document a échoué (journal : ${dir})`);
      runs.push(run);
    }
    singleRun = medianBy(runs, (r) => r.wallSeconds);
    console.error(
      `#   ${runs.map((r) => s(r.wallSeconds)).join(', ')} : médiane ${s(singleRun.wallSeconds)} (CPU ${s(singleRun.cpuSeconds)})`,
    );
  }
  for (const documents of sizes) {
    const dir = mkdtempSync(join(work, `${documents}-`));
    const contentDir = join(dir, 'content');
    const started = performance.now();
    const { files } = generateArchive(contentDir, { documents, ...records });
    console.error(`# ${documents} documents : ${files} fichiers générés en ${s((performance.now() - started) / 1000)}`);
    const modelMs = modelTime(contentDir);
    console.error(`# ${documents} documents : modèle de l’archive (buildArchive) en ${modelMs.toFixed(0)} ms`);
    const outDir = join(outputFolder(`${documents}-`), 'dist');
    const cacheDir = join(dir, 'cache');
    const runs: BuildRun[] = [];
    for (const label of ['cold', 'warm']) {
      const profileDir = values.profile ? join(dir, `profile-${label}`) : undefined;
      console.error(`# ${documents} documents : construction ${label === 'cold' ? 'à froid' : 'avec cache'}…`);
      const run = timedBuild({ label, contentDir, outDir, cacheDir, profileDir });
      saveLog(run, join(dir, `build-${label}.log`));
      if (run.status !== 0) {
        console.error(run.log.slice(-4000));
        throw new Error(`La construction ${label} de ${documents} documents a échoué (journal : ${dir})`);
      }
      runs.push(run);
      console.error(`#   ${s(run.wallSeconds)} (CPU ${s(run.cpuSeconds)}, autres ${s(run.otherCpuSeconds)})`);
      if (profileDir) {
        for (const f of readdirSync(profileDir)) console.error(summariseProfile(join(profileDir, f)));
      }
    }
    const bytes = bytesByKind(outDir);
    for (const [label, name, change] of scenarios(contentDir)) {
      console.error(`# ${documents} documents : ${name}…`);
      change();
      const run = timedBuild({ label, contentDir, outDir, cacheDir });
      saveLog(run, join(dir, `build-${label}.log`));
      if (run.status !== 0) throw new Error(`La construction « ${name} » a échoué (journal : ${dir})`);
      runs.push(run);
      console.error(`#   ${s(run.wallSeconds)} (CPU ${s(run.cpuSeconds)})`);
    }
    console.error(`# ${documents} documents : construction propre, pour comparer…`);
    const cleanOut = join(outputFolder(`${documents}-clean-`), 'dist');
    const clean = timedBuild({ label: 'clean', contentDir, outDir: cleanOut, cacheDir: join(dir, 'cache-clean') });
    if (clean.status !== 0) throw new Error(`La construction propre a échoué (journal : ${dir})`);
    const differing = differences(outDir, cleanOut);
    console.error(
      `#   ${differing.length} fichier(s) différent(s)${differing.length ? ` : ${differing.slice(0, 10).join(', ')}` : ''}`,
    );
    rmSync(join(cleanOut, '..'), { recursive: true, force: true });
    let baseline: BaselineRun | undefined;
    if (!values['no-baseline']) {
      console.error(`# ${documents} documents : site de référence (Astro seul, même Markdown), à froid…`);
      const baselineDir = join(outputFolder(`${documents}-baseline-`), 'site');
      baseline = timedBaseline(baselineDir, contentDir);
      writeFileSync(join(dir, 'build-baseline.log'), baseline.log);
      if (baseline.status !== 0) throw new Error(`Le site de référence n’a pas été construit (journal : ${dir})`);
      console.error(`#   ${s(baseline.wallSeconds)} (CPU ${s(baseline.cpuSeconds)})`);
      rmSync(join(baselineDir, '..'), { recursive: true, force: true });
    }
    results.push({ documents, runs, modelMs, bytes, differing, baseline, textBytes: meanTextBytes(contentDir) });
    if (!values.keep) rmSync(join(outDir, '..'), { recursive: true, force: true });
    else console.error(`# conservés : ${dir} et ${outDir}`);
  }
} finally {
  if (!values.keep) for (const folder of [work, ...made]) rmSync(folder, { recursive: true, force: true });
}

const labels: Record<string, string> = {
  cold: 'à froid',
  warm: 'avec cache',
  add: '+ un document',
  change: '+ son texte modifié',
  person: '+ une fiche de personne',
  remove: '+ le document retiré',
};
const label = (run: BuildRun) => labels[run.label] ?? run.label;
const rows: string[][] = [];
for (const { documents, runs } of results) {
  for (const run of runs) {
    const page = run.typicalPage;
    rows.push([
      documents.toLocaleString('fr-FR'),
      label(run),
      s(run.wallSeconds),
      s(run.cpuSeconds),
      s(run.otherCpuSeconds),
      mb(run.maxRssBytes),
      String(run.htmlPages),
      (run.htmlPages / run.wallSeconds).toFixed(0),
      mb(run.distBytes),
      page ? `${kb(page.gzipBytes)} / ${kb(page.brotliBytes)}` : '—',
      page ? `${page.requests} / ${page.jsBytes} o` : '—',
      run.largestRecordPage ? kb(run.largestRecordPage.bytes) : '—',
    ]);
  }
}
const table = (head: string[], body: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const mainTable = table(
  [
    'documents',
    'construction',
    'durée (horloge)',
    'CPU (user+sys)',
    'CPU des autres',
    'mémoire max.',
    'pages HTML',
    'pages/s',
    'site',
    'page type HTML+CSS gzip / brotli',
    'requêtes / JS',
    'plus grande page personne/thème',
  ],
  rows,
);

const kindsOrder: Kind[] = ['page', 'other'];
const shareRows = results.flatMap(({ documents, runs }) =>
  runs.map((run) => {
    // Routes render four at a time, so their own times add up to more than the phase: each
    // kind gets its share of the phase.
    const total = Object.values(run.routes).reduce((sum, r) => sum + r.seconds, 0);
    const share = (k: Kind) => run.routes[k].seconds / total;
    return [
      documents.toLocaleString('fr-FR'),
      label(run),
      s(run.phases.startup),
      s(run.phases.content),
      s(run.phases.bundle),
      s(run.phases.render),
      `${s(run.phases.after)} (${s(run.phases.search)})`,
      ...kindsOrder.map((k) =>
        run.routes[k].count
          ? `${run.routes[k].count} : ${(100 * share(k)).toFixed(0)} % (${s(share(k) * run.phases.render)})`
          : '0',
      ),
      `${s(run.readoutFiles.seconds)} (${s(run.readoutFiles.waited)})`,
    ];
  }),
);
const phaseTable = table(
  [
    'documents',
    'construction',
    'démarrage et validation',
    'contenu',
    'bundle',
    'rendu des routes',
    'après (dont index de recherche)',
    ...kindsOrder.map((k) => kindNames[k]),
    'fichiers des documents, en parallèle (attente)',
  ],
  shareRows,
);

// Cold builds only: a warm one copies its pages from the cache.
const costRows = results.flatMap(({ documents, runs, modelMs }) =>
  pageKinds
    .flatMap(([kind, , name]) => {
      const cost = runs[0]!.pageCosts[kind];
      if (cost.count === 0) return [];
      return [
        [
          documents.toLocaleString('fr-FR'),
          name,
          String(cost.count),
          `${((1000 * cost.seconds) / cost.count).toFixed(1)} ms`,
          cost.heaviest ? `${kb(cost.heaviest.bytes)} / ${kb(cost.heaviest.gzipBytes)}` : '—',
        ],
      ];
    })
    .concat([
      [documents.toLocaleString('fr-FR'), 'modèle (`buildArchive`, une fois)', '—', `${modelMs.toFixed(0)} ms`, '—'],
    ]),
);
const costTable = table(
  ['documents', 'sorte de page', 'pages', 'rendu par page, à froid', 'page la plus lourde, HTML / gzip'],
  costRows,
);

const typical = results.at(-1)?.runs[0]?.typicalPage;
const ratio = results.length > 1 ? results.at(-1)!.runs[0]!.wallSeconds / results[0]!.runs[0]!.wallSeconds : undefined;
const description = [
  `- Machine : ${machine.cpu}, ${machine.cores} cœurs (\`nproc\`), ${machine.memory}.`,
  `- Node ${machine.node}, Astro ${machine.astro}. Charge moyenne au départ (1, 5, 15 min) : ${machine.loadBefore} ; à la fin : ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}.`,
  `- Archives synthétiques : ${records.people} personnes, ${records.topics} thèmes, ${records.places} lieux ; documents de 2015 à 2024, textes de ${kb(results[0]?.textBytes ?? 0)} en moyenne (le document d’exemple : 4,6 Ko).`,
  ...(singleRun
    ? [`- Construction d’un seul document, à froid : ${s(singleRun.wallSeconds)} (médiane de ${SINGLE_RUNS}).`]
    : []),
  ...(typical ? [`- Page type : \`${typical.path}\` (page de document de taille médiane).`] : []),
  ...(ratio !== undefined ? [`- Rapport des durées à froid ${sizes.at(-1)} / ${sizes[0]} : ${ratio.toFixed(1)}.`] : []),
].join('\n');

const times = (a: number, b: number) => `${(a / b).toFixed(2).replace('.', ',')} ×`;
const publishRows = results.map(({ documents, runs, differing, baseline }) => {
  const cold = runs.find((r) => r.label === 'cold')!;
  const warm = runs.find((r) => r.label === 'warm')!;
  const changes = runs.filter((r) => !['cold', 'warm'].includes(r.label));
  const added = changes.find((r) => r.label === 'add');
  return [
    documents.toLocaleString('fr-FR'),
    s(warm.wallSeconds),
    ...changes.map((r) => `${s(r.wallSeconds)} (${times(r.wallSeconds, warm.wallSeconds)})`),
    added && singleRun ? times(added.wallSeconds, singleRun.wallSeconds) : '—',
    differing.length === 0 ? 'oui' : `non (${differing.length} fichiers)`,
    baseline ? s(baseline.wallSeconds) : '—',
    baseline ? times(cold.wallSeconds, baseline.wallSeconds) : '—',
  ];
});
const publishTable = table(
  [
    'documents',
    'avec cache, rien de changé',
    ...['add', 'change', 'person', 'remove'].map((l) => labels[l]!),
    '+ un document / un seul document',
    'identique à une construction propre',
    'référence (Astro seul), à froid',
    'à froid / référence',
  ],
  publishRows,
);
const sizeRows = results.flatMap(({ documents, bytes }) => [
  ...fileKinds.map(([name]) => [
    documents.toLocaleString('fr-FR'),
    name,
    mb(bytes.get(name)!),
    kb(bytes.get(name)! / documents),
  ]),
  [
    documents.toLocaleString('fr-FR'),
    '**total**',
    mb([...bytes.values()].reduce((a, b) => a + b, 0)),
    kb([...bytes.values()].reduce((a, b) => a + b, 0) / documents),
  ],
]);
const sizeTable = table(['documents', 'sorte de fichier', 'total', 'par document'], sizeRows);

const report = `${description}\n\nPublier un changement : chaque construction reprend le dossier et le cache de la précédente (un document ajouté, son texte modifié, une fiche de personne modifiée, le document retiré) ; le résultat est comparé fichier par fichier à une construction propre. Entre parenthèses, le rapport de chacune à la construction avec cache où rien n’a changé, dans la même exécution. La référence est un site Astro minimal sur les mêmes documents (même traitement Markdown : \`unified\` et remark-gfm, une page par document), construit à froid dans la même exécution :\n\n${publishTable}\n\nPoids du site construit à froid, par sorte de fichier :\n\n${sizeTable}\n\n${mainTable}\n\nDurée de chaque étape (d’après le journal d’Astro, à la seconde près), nombre de pages de chaque sorte rendues (les autres sont reprises de la construction précédente) et leur part dans le rendu, et durée du processus de travail qui écrit, pendant ce temps, les fichiers à côté de chaque document (source, références, JSON, aperçu), avec ce qu’il reste à en attendre à la fin :\n\n${phaseTable}\n\nCoût d’une page de chaque sorte, à froid : le temps qu’Astro donne pour chaque route (quatre routes sont rendues à la fois), et la page la plus lourde ; puis la construction du modèle de l’archive (tris, jointures, comptes par mois, paires), faite une fois par construction et une fois dans le processus de travail :\n\n${costTable}\n`;
console.log(report);

if (values.record) {
  const file = join(root, 'docs', 'performance.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const today = new Date().toISOString().slice(0, 10);
  if (!text.includes(start) || !text.includes(end)) throw new Error(`${file} : marqueurs ${start} / ${end} absents`);
  writeFileSync(
    file,
    `${text.slice(0, text.indexOf(start) + start.length)}\n\nMesuré le ${today} avec \`npm run bench -- --sizes ${sizes.join(',')}\`.\n\n${report}\n${text.slice(text.indexOf(end))}`,
  );
  writeFileSync(
    join(root, 'docs', 'build-time.svg'),
    buildTimeChart(
      results.map(({ documents, runs }) => ({
        documents,
        cold: runs[0]!.wallSeconds,
        warm: runs[1]!.wallSeconds,
      })),
      [
        { seconds: 90, label: 'cible à froid (90 s)' },
        { seconds: 30, label: 'cible avec cache (30 s)' },
      ],
      `${machine.cores} cœurs, ${machine.cpu} ; mesuré le ${today}`,
    ),
  );
  console.error(`# écrit : docs/performance.md, docs/build-time.svg`);
}
