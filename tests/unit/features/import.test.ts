/**
 * `npm run import`: a readout copied from a web page becomes a draft. The fixtures of
 * `tests/fixtures/import/` are fictional pages: a copied text with its page's furniture, a call
 * copied with a share line, a saved HTML page. Each step is checked on them: the furniture goes
 * and the text stays byte for byte; the date, the form, the place, the participants with their
 * roles, the mentions and the topics are found; an unknown person or place is left for a record
 * to create; a text already archived is refused; and the draft, once its records exist and its
 * marked values are completed, passes the archive's validation.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { root } from '../../support/build.ts';
import { contentWith, fixtures } from '../../support/content-copy.ts';
import { checkContent } from '#features/guard/check.ts';
import { splitReadout } from '#content/read.ts';
import { sha256 } from '#archive/fixity.ts';
import { pageText, postedDay } from '#features/import/text.ts';
import { htmlText } from '#features/import/html.ts';
import { findDate, findFormat, findInText, slugify, type Records } from '#features/import/find.ts';
import { draftId, factualTitle } from '#features/import/draft.ts';
import { importReadout, type ImportOptions } from '#features/import/import-readout.ts';

const fixture = (name: string) => readFileSync(join(fixtures, 'import', name), 'utf8');
const errorsOf = (dir: string) =>
  checkContent(root, dir)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.file}: ${p.field}: ${p.message}`);

/** The records the fixtures name, as the archive's content holds them. */
const records: Records = {
  people: [
    { id: 'wang-yi', name: 'Wang Yi', aliases: ['Wang Yi'] },
    { id: 'sergei-aleinik', name: 'Sergueï Aleïnik', aliases: ['Sergueï Aleïnik'] },
    { id: 'alexandre-loukachenko', name: 'Alexandre Loukachenko', aliases: ['Alexandre Loukachenko'] },
    { id: 'xi-jinping', name: 'Xi Jinping', aliases: [] },
  ],
  places: [{ id: 'astana', name: 'Astana', aliases: ['Astana'] }],
  topics: [
    { id: 'ocs', name: 'OCS', aliases: ['Organisation de coopération de Shanghai', 'OCS'] },
    { id: 'brics', name: 'BRICS', aliases: ['BRICS'] },
    { id: 'onu', name: 'ONU', aliases: ['Nations Unies'] },
    { id: 'principe-d-une-seule-chine', name: 'Une seule Chine', aliases: ['principe d’une seule Chine'] },
  ],
};

describe('the text of a copied page', () => {
  const input = fixture('astana-copie.txt');
  const text = pageText(input);

  test('the furniture goes: breadcrumb, headline twice, date and time, action links', () => {
    expect(text.removed.map((r) => [r.line, r.why])).toEqual([
      [1, 'fil d’Ariane de la page'],
      [3, 'titre de la page'],
      [5, 'titre de la page'],
      [7, 'date et heure de mise en ligne'],
      [15, 'liens d’action de la page'],
    ]);
    expect(text.headline).toBe('Wang Yi rencontre Ilse Marchetti à Astana');
    expect(text.posted).toEqual({ date: '2024-07-02', line: '2024-07-02 19:40' });
  });

  test('the text stays: each paragraph is, byte for byte, a block of the input', () => {
    const blocks = input.split('\n\n');
    expect(text.paragraphs).toEqual(blocks.slice(4, 7));
    expect(text.paragraphs[0]).toMatch(/^Le 1er juillet 2024, heure locale, Wang Yi/);
  });

  test('a furniture line glued to the last paragraph goes, and the paragraph’s other lines stay', () => {
    const glued = pageText('Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik.\nPartager : Facebook | Twitter\n');
    expect(glued.paragraphs).toEqual(['Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik.']);
  });

  test('line breaks become line feeds, a byte-order mark goes, nothing else changes', () => {
    const crlf = '\uFEFFLe 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik.\r\nSuite\u00a0: « oui ».\r\n\r\nFin.  \r\n';
    expect(pageText(crlf).paragraphs).toEqual([
      'Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik.\nSuite\u00a0: « oui ».',
      'Fin.  ',
    ]);
  });

  test('a headline that gives the date is a headline, not the text', () => {
    const page = pageText(
      'Le 3 mars 2025, Wang Yi reçoit Sergueï Aleïnik\n\nLe 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik à Astana.\n',
    );
    expect(page.headline).toBe('Le 3 mars 2025, Wang Yi reçoit Sergueï Aleïnik');
    expect(page.paragraphs).toEqual(['Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik à Astana.']);
  });

  test('a short line after the text is kept, and reported for the archivist to judge', () => {
    const end = pageText('Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik.\n\n(Fin)\n');
    expect(end.paragraphs).toEqual(['Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik.', '(Fin)']);
    expect(end.trailing.map((t) => t.text)).toEqual(['(Fin)']);
  });

  test.each([
    ['2024-05-20 21:14', '2024-05-20'],
    ['20/05/2024', '2024-05-20'],
    ['Publié le 2024-5-2 à 9:05', '2024-05-02'],
    ['2024-02-30 10:00', undefined],
  ])('the day of « %s » is %s', (line, day) => {
    expect(postedDay(line)).toBe(day);
  });
});

describe('what the words say', () => {
  test.each([
    ['Le 20 mai 2024, Wang Yi a rencontré…', '2024-05-20'],
    ['Le 1er juillet 2024, heure locale, Wang Yi…', '2024-07-01'],
    ['Le lundi 3 août 2026 au matin (heure locale), …', '2026-08-03'],
    ['Le 9\u00a0décembre\u00a02025, …', '2025-12-09'],
    ['Wang Yi a rencontré le 20 mai 2024 son homologue.', '2024-05-20'],
  ])('the day of « %s » is %s', (opening, day) => {
    expect(findDate(opening)?.value).toBe(day);
  });

  test.each([['Le 20 mai, Wang Yi…'], ['Wang Yi a rencontré Sergueï Aleïnik.'], ['Le 31 février 2024']])(
    'no day in « %s », none made up',
    (opening) => {
      expect(findDate(opening)).toBeUndefined();
    },
  );

  test.each([
    ['Wang Yi s’est entretenu au téléphone avec Sergueï Aleïnik.', 'phone'],
    ['Wang Yi a eu un entretien téléphonique avec Sergueï Aleïnik.', 'phone'],
    ['Wang Yi s’est entretenu par visioconférence avec Sergueï Aleïnik.', 'video'],
    ['Wang Yi a rencontré Sergueï Aleïnik à Astana.', 'in-person'],
  ])('« %s » is a meeting %s', (opening, format) => {
    expect(findFormat(opening).value).toBe(format);
  });

  test('a copied text: place, participants with their roles, an unknown person, mentions, topics', () => {
    const found = findInText(pageText(fixture('astana-copie.txt')).paragraphs, records);
    expect(found.date?.value).toBe('2024-07-01');
    expect(found.format.value).toBe('in-person');
    expect(found.place).toMatchObject({ id: 'astana', create: false });
    expect(found.participants).toEqual([
      expect.objectContaining({ id: 'wang-yi', create: false, role: 'ministre des Affaires étrangères' }),
      expect.objectContaining({
        id: 'ilse-marchetti',
        name: 'Ilse Marchetti',
        create: true,
        role: 'secrétaire générale d’une commission régionale fictive',
      }),
    ]);
    expect(found.mentions.map((m) => m.id)).toEqual(['alexandre-loukachenko']);
    expect(found.topics.map((t) => t.id)).toEqual(['ocs', 'brics']);
  });

  test('a call: no place, a designation, no role made up, topics with either apostrophe', () => {
    const found = findInText(pageText(fixture('appel.txt')).paragraphs, records);
    expect(found.format).toEqual({ value: 'phone', words: 'au téléphone' });
    expect(found.place).toBeUndefined();
    expect(found.participants).toEqual([
      expect.objectContaining({ id: 'wang-yi', role: undefined }),
      expect.objectContaining({ id: 'sergei-aleinik', role: undefined, designation: 'son homologue biélorusse' }),
    ]);
    expect(found.topics.map((t) => t.id)).toEqual(['ocs', 'principe-d-une-seule-chine']);
  });

  test('a role before the name, and a place no record knows', () => {
    const opening =
      'Le 2 avril 2025, Wang Yi a reçu le ministre des Affaires étrangères d’un pays fictif Tomas Varga à Genève.';
    const found = findInText([opening], records);
    expect(found.participants.map((p) => [p.id, p.role])).toEqual([
      ['wang-yi', undefined],
      ['tomas-varga', 'ministre des Affaires étrangères d’un pays fictif'],
    ]);
    expect(found.place).toMatchObject({ id: 'geneve', name: 'Genève', create: true });
  });

  test('institutions, places and sentence starts are not taken for people', () => {
    const opening =
      'Le 2 avril 2025, Wang Yi, membre du Bureau politique du Comité central, a rencontré à Buenos Aires les représentants des Nations Unies et de la Banque Mondiale.';
    const found = findInText([opening], records);
    expect(found.participants.map((p) => p.id)).toEqual(['wang-yi']);
    expect(found.place).toMatchObject({ id: 'buenos-aires', create: true });
  });

  test('a name the records know by id but not by alias is their record, not a new one', () => {
    const found = findInText(['Le 2 avril 2025, Wang Yi a rencontré Xi Jinping à Astana.'], records);
    expect(found.participants.map((p) => [p.id, p.create])).toEqual([
      ['wang-yi', false],
      ['xi-jinping', false],
    ]);
  });

  test('ids and titles are made from what was found', () => {
    expect(slugify('Sergueï O’Brien-Lavrov')).toBe('serguei-o-brien-lavrov');
    const named = (id: string, name: string) => ({ id, name, words: name, create: false });
    const people = [named('wang-yi', 'Wang Yi'), named('sergei-aleinik', 'Sergueï Aleïnik')];
    expect(draftId('2024-05-20', people)).toBe('2024-05-20-wang-yi-sergei-aleinik');
    expect(draftId('2024-05-20', [])).toBe('2024-05-20-entretien');
    expect(factualTitle('in-person', people, named('astana', 'Astana'))).toBe(
      'Entretien entre Wang Yi et Sergueï Aleïnik à Astana',
    );
    expect(factualTitle('video', people, undefined)).toBe(
      'Entretien par visioconférence entre Wang Yi et Sergueï Aleïnik',
    );
  });
});

describe('a saved page', () => {
  const { text, headline } = htmlText(fixture('geneve.html'));

  test('gives its main text, its headline and its date, without menus, scripts or footers', () => {
    expect(headline).toBe('Sergueï Aleïnik reçoit Tomas Varga à Genève');
    expect(text).not.toMatch(/leurre|ce n’est pas le texte|Ministère fictif|Actualités|font:/);
    const page = pageText(text, headline);
    expect(page.posted?.date).toBe('2025-02-14');
    expect(page.paragraphs).toEqual([
      'Le 14 février 2025, Sergueï Aleïnik a reçu Tomas Varga, vice-ministre des Affaires étrangères d’un pays fictif, à Genève.',
      'Les deux responsables ont évoqué les travaux des Nations\u00a0Unies et la préparation d’une conférence régionale.\nIls sont convenus de poursuivre leurs consultations.',
      'Tomas Varga a souligné «\u00a0l’importance d’un dialogue régulier\u00a0».',
    ]);
  });
});

describe('a saved page without paragraphs', () => {
  test('its lines between two <br> are its paragraphs', () => {
    const html =
      '<html><body><div id="menu"><p>Accueil</p></div><div class="texte">Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik à Astana.<br><br>Ils ont évoqué l’OCS.<br>\n<br>Fin de l’entretien.</div></body></html>';
    expect(pageText(htmlText(html).text).paragraphs).toEqual([
      'Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik à Astana.',
      'Ils ont évoqué l’OCS.',
      'Fin de l’entretien.',
    ]);
  });
});

describe('importReadout', () => {
  const run = (dir: string, name: string, extra: Partial<ImportOptions> = {}) =>
    importReadout(root, dir, { input: fixture(name), html: name.endsWith('.html'), retrieved: '2025-03-10', ...extra });
  const readouts = (dir: string) =>
    readdirSync(join(dir, 'readouts'), { recursive: true }).filter((f) => String(f).endsWith('.md'));

  test('writes the draft in its year’s folder, from the text alone', () => {
    const dir = contentWith();
    const result = run(dir, 'astana-copie.txt', {
      publisher: 'Ministère fictif',
      url: 'https://www.example.org/a.html',
    });
    expect(result.written, result.written ? '' : result.error).toBe(true);
    if (!result.written) return;
    expect(result.file).toMatch(/content\/readouts\/2024\/2024-07-01-wang-yi-ilse-marchetti\.md$/);
    const written = readFileSync(join(dir, 'readouts', '2024', '2024-07-01-wang-yi-ilse-marchetti.md'), 'utf8');
    const { body } = splitReadout(written)!;
    expect(body).toBe(`\n${fixture('astana-copie.txt').split('\n\n').slice(4, 7).join('\n\n')}\n`);
    expect(written).toContain('title: "Wang Yi rencontre Ilse Marchetti à Astana"');
    expect(written).toMatch(/^ {2}published: 2024-07-02 # lu sur la page/m);
    expect(written).toContain('  url: "https://www.example.org/a.html"');
    expect(written).toContain('  retrieved: 2025-03-10');
    expect(written).toContain('  - person: ilse-marchetti # fiche à créer : content/people/ilse-marchetti.yaml');
    expect(result.report).toEqual(
      expect.arrayContaining(['  content/people/ilse-marchetti.yaml :', '    name: "Ilse Marchetti"']),
    );
  });

  test('the unknown person is refused by the validator, naming the field and the record to create', () => {
    const dir = contentWith();
    expect(run(dir, 'astana-copie.txt', { publisher: 'Ministère fictif' }).written).toBe(true);
    expect(errorsOf(dir)).toEqual([
      expect.stringMatching(
        /2024-07-01-wang-yi-ilse-marchetti\.md: participants\[1\]\.person: « ilse-marchetti » n’existe pas.*créez content\/people\/ilse-marchetti\.yaml/,
      ),
    ]);
  });

  test('once the records it names exist and its marked values are completed, the draft is valid', () => {
    const dir = contentWith();
    const result = run(dir, 'geneve.html', { publisher: 'Ministère fictif' });
    expect(result.written).toBe(true);
    if (!result.written) return;
    const draftFile = join(dir, 'readouts', '2025', '2025-02-14-sergei-aleinik-tomas-varga.md');
    expect(errorsOf(dir).map((e) => e.replace(/^.*\.(?:md|yaml): /, ''))).toEqual([
      expect.stringMatching(/^participants\[0\]\.role: valeur laissée à compléter par « npm run import »/),
      expect.stringMatching(/^place: « geneve » n’existe pas/),
      expect.stringMatching(/^participants\[1\]\.person: « tomas-varga » n’existe pas/),
    ]);
    // The records, as the report gives them, with their country.
    for (const [file, country] of [
      ['places/geneve.yaml', 'CH'],
      ['people/tomas-varga.yaml', 'HU'],
    ] as const) {
      const start = result.report.indexOf(`  content/${file} :`);
      expect(start, file).toBeGreaterThan(0);
      const lines = [];
      for (let i = start + 1; result.report[i]?.startsWith('    '); i++) lines.push(result.report[i]!.slice(4));
      writeFileSync(join(dir, file), `${lines.join('\n')}\n`.replace('country: ""', `country: ${country}`));
    }
    writeFileSync(
      draftFile,
      readFileSync(draftFile, 'utf8').replace(/"À COMPLÉTER : [^"]*"/, '"ministre des Affaires étrangères du Bélarus"'),
    );
    expect(errorsOf(dir)).toEqual([]);
  });

  test('a call gets no place, and its roles are left to complete', () => {
    const dir = contentWith();
    const result = run(dir, 'appel.txt');
    expect(result.written).toBe(true);
    const written = readFileSync(join(dir, 'readouts', '2025', '2025-03-03-wang-yi-sergei-aleinik.md'), 'utf8');
    expect(written).toContain('format: phone');
    expect(written).not.toMatch(/^place:/m);
    expect(written).not.toMatch(/^source:/m);
    expect(written).toContain('title: "Entretien téléphonique entre Wang Yi et Sergueï Aleïnik"');
    expect(written).toContain('    designation: "son homologue biélorusse"');
    expect(errorsOf(dir).map((e) => e.replace(/^.*\.md: /, ''))).toEqual([
      expect.stringMatching(/^participants\[0\]\.role: valeur laissée à compléter/),
      expect.stringMatching(/^participants\[1\]\.role: valeur laissée à compléter.*« son homologue biélorusse »/),
    ]);
  });

  test('the archive’s own document, copied with its page’s furniture, is refused, naming it; nothing is written', () => {
    const dir = contentWith();
    const seed = readFileSync(join(dir, 'readouts', '2024', '2024-05-20-wang-yi-sergei-aleinik.md'), 'utf8');
    const { body } = splitReadout(seed)!;
    const copied = [
      'Page d’accueil > Actualités > Activités du ministre',
      'Wang Yi rencontre Sergueï Aleïnik',
      '2024-05-20 21:14',
      body.trim(),
      '[ Envoyer ce lien à un ami ] [ Imprimer ]',
    ].join('\n\n');
    const before = readouts(dir);
    const result = importReadout(root, dir, { input: copied, html: false });
    expect(result.written).toBe(false);
    if (result.written) return;
    expect(result.error).toMatch(/déjà dans l’archive : 2024-05-20-wang-yi-sergei-aleinik .*empreinte SHA-256/);
    expect(result.error).toContain(sha256(body).slice(0, 12));
    expect(readouts(dir)).toEqual(before);
  });

  test('a text imported twice is refused the second time', () => {
    const dir = contentWith();
    expect(run(dir, 'astana-copie.txt').written).toBe(true);
    const again = run(dir, 'astana-copie.txt', { id: 'autre-identifiant' });
    expect(again.written).toBe(false);
    expect(again.written ? '' : again.error).toMatch(/déjà dans l’archive : 2024-07-01-wang-yi-ilse-marchetti/);
    expect(existsSync(join(dir, 'readouts', '2024', '2024-07-01-autre-identifiant.md'))).toBe(false);
  });

  test('an id already taken is refused; --id chooses another', () => {
    const dir = contentWith();
    const text = 'Le 20 mai 2024, Wang Yi a rencontré Sergueï Aleïnik à Astana pour un second entretien.\n';
    const taken = importReadout(root, dir, { input: text, html: false });
    expect(taken.written ? '' : taken.error).toMatch(/« 2024-05-20-wang-yi-sergei-aleinik » est déjà pris/);
    const chosen = importReadout(root, dir, { input: text, html: false, id: 'second-entretien' });
    expect(chosen.written && chosen.file).toMatch(/2024-05-20-second-entretien\.md$/);
  });

  test('without a day in the text, it asks for --date, and takes it', () => {
    const dir = contentWith();
    const text = 'Wang Yi a rencontré Sergueï Aleïnik à Astana.\n';
    const refused = importReadout(root, dir, { input: text, html: false });
    expect(refused.written ? '' : refused.error).toMatch(/--date AAAA-MM-JJ/);
    expect(importReadout(root, dir, { input: text, html: false, date: '2025-01-05' }).written).toBe(true);
  });

  test.each([
    [{ published: '2024-02-30' }, /--published « 2024-02-30 »/],
    [{ url: 'javascript:alert(1)' }, /--url/],
    [{ id: 'Avec Majuscules' }, /--id/],
  ])('refuses a bad option %o', (extra, message) => {
    const result = run(contentWith(), 'appel.txt', extra);
    expect(result.written ? '' : result.error).toMatch(message);
  });
});
