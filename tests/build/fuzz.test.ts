/**
 * Property-based test of the whole path from `content/` to the built site: fast-check generates
 * documents (frontmatter as YAML text in every style, Markdown bodies, mangled bytes) and the
 * records they name (`tests/support/fuzz-content.ts`). For each input, either the check
 * (`check:content`, the same code the build runs first) refuses it, naming one of its files, or
 * it is accepted; every accepted input then goes into one archive, built once, and every file of
 * the build must read with a real reader: HTML (parse5, the HTML parser of the specification,
 * and html-validate with the project's rules), XML (the feeds, the sitemaps), JSON and JSON-LD,
 * and for each document a single RIS record and a single balanced BibTeX entry that keep its
 * title's words. Whatever the build would refuse, the check must have refused first.
 *
 * `npm test` runs `FUZZ_RUNS` inputs (30 by default, one build) from a fixed seed; `npm run fuzz`
 * runs many more, from a new seed each time.
 * A failure prints the seed: `FUZZ_SEED=<seed> npm run fuzz` replays it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { t } from '#i18n/index.ts';
import { checkContent } from '#features/guard/check.ts';
import { errorsOf, formatProblem, type Problem } from '#content/problem.ts';
import { readFile, splitReadout } from '#content/read.ts';
import { nameKey } from '#content/validate/aliases.ts';
import { fixityCheckCommand, sha256 } from '#archive/fixity.ts';
import { configWithRedirects } from '../../deploy/sync-nginx-redirects.ts';
import { build, removeBuild, root, type BuildResult } from '../support/build.ts';
import { contentWith } from '../support/content-copy.ts';
import { listFiles } from '../support/dist.ts';
import { filesOf, generatedInput, type GeneratedFiles } from '../support/fuzz-content.ts';
import { readBibtexEntry, readRisRecord, readXml } from '../support/readers.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 30);
/**
 * `npm test` tries the same inputs on every machine and every run, so that what lands does not
 * depend on a draw; `npm run fuzz` (`FUZZ_RANDOM=1`) draws new ones each time.
 */
const FIXED_SEED = 20_261_130;
const SEED = Number(
  process.env['FUZZ_SEED'] ?? (process.env['FUZZ_RANDOM'] ? Math.floor(Math.random() * 2 ** 31) : FIXED_SEED),
);
const SITE_URL = 'https://archive.test';
const BUILD_TIMEOUT = 600_000;

/** Valid but hostile content, and names the check reports as ignored: under every generated input. */
const OVERLAYS = ['content-hostile', 'content-warning/dot-file', 'content-warning/editor-backup'];

const REDIRECTS = 'redirects.yaml';

/** Writes the files of an input; its redirect too, unless `redirects` is false (the caller writes them all at once). */
function writeFiles(dir: string, generated: GeneratedFiles, redirects = true): void {
  for (const [path, bytes] of Object.entries(generated.files)) {
    if (path === REDIRECTS && !redirects) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

/** What two accepted inputs may not share once together: a person's name, a text. */
function sharedKeys(dir: string, generated: GeneratedFiles): string[] {
  const person = readFile({ collection: 'people', path: generated.person, abs: join(dir, generated.person), id: 'x' });
  const name = (person.data as { name?: unknown } | undefined)?.name;
  const source = readFileSync(join(dir, generated.readout), 'utf8');
  return [`name:${nameKey(String(name))}`, `text:${splitReadout(source)?.body ?? source}`];
}

/** The title the archive reads in the document (the validator's reader), as published: trimmed. */
function publishedTitle(dir: string, generated: GeneratedFiles): string {
  const file = readFile({
    collection: 'readouts',
    path: generated.readout,
    abs: join(dir, generated.readout),
    id: generated.id,
  });
  return String((file.data as { title: unknown }).title).trim();
}

describe('the readers refuse what a broken writer gives', () => {
  const bib = (title: string) => `@report{x,\n\ttitle = {${title}},\n\turl = {https://archive.test/x/},\n}\n`;
  const ris = (title: string) => `TY  - RPRT\r\nTI  - ${title}\r\nUR  - https://archive.test/x/\r\nER  - \r\n`;

  test('BibTeX: one balanced entry that keeps the title', () => {
    expect(() => readBibtexEntry(bib('Wang Yi \\& Sergueï Aleïnik'), 'Wang Yi & Sergueï Aleïnik')).not.toThrow();
    expect(() => readBibtexEntry(bib('a } b'), 'a } b')).toThrow(/sans « { »|BibTeX/);
    expect(() => readBibtexEntry(bib('a { b'), 'a { b')).toThrow(/BibTeX/);
    expect(() => readBibtexEntry(bib('a}, note = {b'), 'a}, note = {b')).toThrow(/perd des mots/);
    expect(() => readBibtexEntry(bib('100 % sûr'), '100 % sûr')).toThrow(/perd des mots/);
    expect(() => readBibtexEntry(`${bib('a')}${bib('b')}`, 'a')).toThrow(/du texte suit/);
  });

  test('RIS: one record that keeps the title', () => {
    expect(() =>
      readRisRecord(ris('Wang Yi rencontre Sergueï Aleïnik'), 'Wang Yi rencontre Sergueï Aleïnik'),
    ).not.toThrow();
    expect(() => readRisRecord(ris('Titre\r\nUR  - https://evil.test/'), 'Titre UR https://evil.test/')).toThrow(
      /perd des mots/,
    );
    expect(() => readRisRecord(ris('Titre\r\nER  - \r\nTY  - GEN'), 'Titre')).toThrow(/TY/);
  });

  test('XML: refuses a control character, a bare ampersand, a stray « ]]> »', () => {
    expect(() => readXml('<a>Wang Yi &amp; Sergueï Aleïnik</a>')).not.toThrow();
    for (const xml of ['<a>x\u0007</a>', '<a>x & y</a>', '<a>x ]]> y</a>']) expect(() => readXml(xml)).toThrow(/XML/);
  });
});

describe(`generated content (${RUNS} inputs, FUZZ_SEED=${SEED})`, () => {
  const accepted: GeneratedFiles[] = [];
  /** The accepted inputs that the build holds together. */
  let together: GeneratedFiles[] = [];
  let dir = '';
  let result: BuildResult | undefined;

  afterAll(() => {
    if (result) removeBuild(result.outDir);
  });

  test('the check refuses an input naming one of its files, on one line each, or accepts it', () => {
    const scratch = contentWith(...OVERLAYS);
    let n = 0;
    fc.assert(
      fc.property(generatedInput, (input) => {
        const generated = filesOf(input, n++);
        writeFiles(scratch, generated);
        try {
          const problems = checkContent(root, scratch);
          for (const p of problems) expect(formatProblem(p)).not.toMatch(/[\n\r]/);
          const errors = errorsOf(problems);
          const named = (p: Problem) => Object.keys(generated.files).some((f) => p.file.endsWith(`content/${f}`));
          expect(errors.filter((p) => !named(p)).map(formatProblem), 'every error names a generated file').toEqual([]);
          if (generated.redirect !== undefined) {
            // npm run deploy:nginx refuses the redirects the check refuses, and writes the others.
            const refused = errors.some((p) => p.file.endsWith(`content/${REDIRECTS}`));
            const write = () => configWithRedirects('# BEGIN redirects\n# END redirects\n', scratch);
            if (refused) expect(write, generated.redirect).toThrow(/redirects\.yaml/);
            else expect(write, generated.redirect).not.toThrow();
          }
          if (errors.length === 0) accepted.push(generated);
          else if (process.env['FUZZ_VERBOSE']) console.log(errors.map(formatProblem).join('\n'));
        } finally {
          for (const path of Object.keys(generated.files)) rmSync(join(scratch, path));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`fuzz: ${accepted.length} of ${RUNS} inputs accepted (FUZZ_SEED=${SEED})`);
    expect(accepted.length, 'some inputs reach the build').toBeGreaterThan(0);
  });

  test(
    'the accepted inputs, together, pass the check and build',
    () => {
      dir = contentWith(...OVERLAYS);
      // Two inputs accepted apart may share a name or a text, which the archive refuses together:
      // the later one is left out.
      const shared = new Set<string>();
      together = accepted.filter((generated) => {
        const scratch = contentWith(...OVERLAYS);
        writeFiles(scratch, generated);
        const keys = sharedKeys(scratch, generated);
        if (keys.some((key) => shared.has(key))) return false;
        keys.forEach((key) => shared.add(key));
        return true;
      });
      for (const generated of together) writeFiles(dir, generated, false);
      const redirects = together.flatMap((g) => (g.redirect === undefined ? [] : [g.redirect]));
      writeFileSync(join(dir, REDIRECTS), redirects.join('') || '[]\n');
      expect(errorsOf(checkContent(root, dir)).map(formatProblem)).toEqual([]);
      result = build({ contentDir: dir, env: { SITE_URL } });
      expect(result.status, result.output).toBe(0);
      expect(result.output, 'no stack trace').not.toMatch(/^\s+at .*[(/]/m);
    },
    BUILD_TIMEOUT,
  );

  const built = () => {
    if (result?.status !== 0) throw new Error('the build failed: see the test above');
    return result.outDir;
  };

  test('every page reads as HTML without a parse error, and is valid by the project’s rules', async () => {
    const out = built();
    const config = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(config);
    const pages = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(together.length);
    const errors: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      parseHtml(html, { onParseError: (e) => errors.push(`${page}:${e.startLine}:${e.startCol} ${e.code}`) });
      const report = await validator.validateString(html, page);
      for (const m of report.results.flatMap((r) => r.messages)) {
        errors.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  test('every feed and sitemap is well-formed XML, every JSON file and JSON-LD block parses', () => {
    const out = built();
    const files = listFiles(out);
    const xml = files.filter((f) => f.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(2);
    const failures: string[] = [];
    const attempt = (file: string, read: () => void) => {
      try {
        read();
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    };
    for (const file of xml) attempt(file, () => readXml(readFileSync(join(out, file), 'utf8')));
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      attempt(file, () => JSON.parse(readFileSync(join(out, file), 'utf8')));
    }
    let blocks = 0;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const script of jsonLdBlocks(readFileSync(join(out, file), 'utf8'))) {
        blocks++;
        attempt(file, () => JSON.parse(script));
      }
    }
    expect(blocks).toBeGreaterThan(together.length);
    expect(failures).toEqual([]);
  });

  test('headings in a text take no id and no level of the page (tests/fixtures/content-hostile/)', () => {
    const out = built();
    const html = readFileSync(join(out, 'comptes-rendus', '2024-05-22-intertitres-et-signes', 'index.html'), 'utf8');
    const page = parse(html);
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(page.getElementById('p3')?.tagName).toBe('P');
    expect(page.getElementById('p3')?.textContent).toContain('troisième paragraphe');
    expect(page.getElementById('source')?.textContent).toBe(t('readout.source'));
    const ids = page.querySelectorAll('[id]').map((el) => el.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const headings = page
      .querySelectorAll('.body h3, .body h4, .body h5, .body h6')
      .map((h) => [h.tagName, h.id, h.textContent.trim()]);
    expect(headings).toEqual([
      ['H3', 'intertitre-1', 'p3'],
      ['H4', 'intertitre-2', 'Source'],
      ['H3', 'intertitre-3', 'Texte du document'],
      ['H4', 'intertitre-4', 'Annexe'],
      ['H3', 'footnote-label', t('readout.footnotes')],
    ]);
  });

  test('names the check reports as ignored are not published either', () => {
    const out = built();
    expect(listFiles(out).filter((f) => f.includes('brouillon') || f.includes('~'))).toEqual([]);
    expect(listFiles(out)).toContain('comptes-rendus/2024-05-20-wang-yi-sergei-aleinik/index.html');
  });

  test('each document is published byte for byte, with the fixity that the recipe of docs/data.md gives', () => {
    const out = built();
    for (const generated of together) {
      const file = join(dir, generated.readout);
      const stored = readFileSync(file);
      const folder = join(out, 'comptes-rendus', generated.id);
      expect(readFileSync(join(folder, 'source.md')).equals(stored), generated.id).toBe(true);
      const published = (
        JSON.parse(readFileSync(join(out, 'api', 'comptes-rendus', `${generated.id}.json`), 'utf8')) as {
          sha256: string;
        }
      ).sha256;
      const recipe = execFileSync('sh', ['-c', fixityCheckCommand(file)], { encoding: 'utf8' }).split(/\s/)[0];
      expect([recipe, sha256(splitReadout(stored.toString('utf8'))!.body)], generated.id).toEqual([
        published,
        published,
      ]);
    }
  });

  test('each document has one RIS record and one balanced BibTeX entry that keep its title', () => {
    const out = built();
    const failures: string[] = [];
    for (const generated of together) {
      const title = publishedTitle(dir, generated);
      const folder = join(out, 'comptes-rendus', generated.id);
      for (const [name, read] of [
        ['citation.bib', readBibtexEntry],
        ['citation.ris', readRisRecord],
      ] as const) {
        try {
          read(readFileSync(join(folder, name), 'utf8'), title);
        } catch (error) {
          failures.push(`${generated.id}/${name}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

type Node = DefaultTreeAdapterMap['node'];

/** The text of every `<script type="application/ld+json">` of a page, read by the HTML parser. */
function jsonLdBlocks(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node && node.tagName === 'script') {
      const type = node.attrs.find((a) => a.name === 'type')?.value;
      if (type === 'application/ld+json') {
        found.push(node.childNodes.map((c) => ('value' in c ? c.value : '')).join(''));
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node && node.content) visit(node.content);
  };
  visit(parseHtml(html));
  return found;
}
