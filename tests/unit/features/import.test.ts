/**
 * `npm run import`: a readout copied from a web page becomes a draft. The fixtures of
 * `tests/fixtures/import/` are fictional pages, in French and in English, one per rule: a copied
 * text with its page's furniture, a call copied with a share line, a saved HTML page, an English
 * ministry's phone call naming a person of the archive under another spelling, a spokesperson's
 * statement on a call « today » with people no record knows, a call of unstated medium, a role
 * before a name after a comma, « aujourd’hui » under a date line, a text full of characters
 * Markdown would read as markup, a page with entities and terminal escapes, an Italian text.
 * Each step is checked on them: the language is detected; the furniture goes and the text stays,
 * shown by the site's own renderer character for character; the date, the form, the place, the
 * participants with their roles, the mentions and the topics are found, and no person is
 * invented; a text already archived is refused; and the draft, once its records exist and its
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
import { findDate, findFormat, findInText, firstSentence, slugify, type Records } from '#features/import/find.ts';
import { draftBody, draftId, factualTitle } from '#features/import/draft.ts';
import { importReadout, type ImportOptions } from '#features/import/import-readout.ts';
import { detectLanguage } from '#features/import/language.ts';
import { en } from '#features/import/languages/en.ts';
import { fr } from '#features/import/languages/fr.ts';
import { NameIndex, nameKey, namesIn } from '#features/import/names.ts';
import { printable, withoutControls } from '#features/import/verbatim.ts';
import { furnitureOf } from '#content/furniture.ts';
import { readoutRenderer } from '#features/markdown/render.ts';

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
    { id: 'antony-blinken', name: 'Antony Blinken', aliases: ['Antony Blinken'] },
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
    // The person no record knows is never in the file's name.
    expect(result.file).toMatch(/content\/readouts\/2024\/2024-07-01-wang-yi\.md$/);
    const written = readFileSync(join(dir, 'readouts', '2024', '2024-07-01-wang-yi.md'), 'utf8');
    const { body } = splitReadout(written)!;
    expect(body).toBe(`\n${fixture('astana-copie.txt').split('\n\n').slice(4, 7).join('\n\n')}\n`);
    // The archive's own title, never the page's headline.
    expect(written).toContain('title: "Entretien entre Wang Yi et Ilse Marchetti à Astana"');
    expect(written).toContain('language: fr');
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
        /2024-07-01-wang-yi\.md: participants\[1\]\.person: « ilse-marchetti » n’existe pas.*créez content\/people\/ilse-marchetti\.yaml/,
      ),
    ]);
  });

  test('once the records it names exist and its marked values are completed, the draft is valid', () => {
    const dir = contentWith();
    const result = run(dir, 'geneve.html', { publisher: 'Ministère fictif' });
    expect(result.written).toBe(true);
    if (!result.written) return;
    const draftFile = join(dir, 'readouts', '2025', '2025-02-14-sergei-aleinik.md');
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
    expect(again.written ? '' : again.error).toMatch(/déjà dans l’archive : 2024-07-01-wang-yi /);
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

describe('the language, detected and never assumed', () => {
  test.each([
    ['astana-copie.txt', 'fr'],
    ['appel.txt', 'fr'],
    ['fr-role-avant.txt', 'fr'],
    ['en-appel-graphie.txt', 'en'],
    ['en-declaration.txt', 'en'],
    ['en-appel-sans-moyen.txt', 'en'],
    ['it-inconnue.txt', 'it'],
  ])('%s is in %s', (name, tag) => {
    expect(detectLanguage(pageText(fixture(name)).paragraphs.join('\n\n')).tag).toBe(tag);
  });

  test.each([
    ['Le 3 mars 2025, Wang Yi a reçu Sergueï Aleïnik.', 'fr', /tournures/],
    ['Wang Yi a rencontré Sergueï Aleïnik à Astana.', 'fr', /franc/],
    ['On May 20, 2024, Foreign Minister Ilse Marchetti met with Sergei Aleinik in Geneva.', 'en', /franc/],
  ])('a text too short for franc alone: « %s » is %s, and the report says how', (text, tag, how) => {
    const language = detectLanguage(text);
    expect(language.tag).toBe(tag);
    expect(language.how).toMatch(how);
  });

  test('an Italian text is Italian: no table of the importer, and no language assumed', () => {
    const language = detectLanguage(fixture('it-inconnue.txt'));
    expect(language).toMatchObject({ tag: 'it', name: 'italien', patterns: undefined });
  });

  test('a text of no language is not given one', () => {
    expect(detectLanguage('Wang Yi, Sergueï Aleïnik.').tag).toBeUndefined();
  });
});

describe('days, in French and in English', () => {
  test.each([
    ['Le 20 mai 2024, Wang Yi…', fr, '2024-05-20', undefined],
    ['Les 11 et 12 mars 2025, les deux ministres…', fr, '2025-03-11', '2025-03-12'],
    ['Du 11 au 13 mars 2025, …', fr, '2025-03-11', '2025-03-13'],
    ['On May 20, 2024, Foreign Minister…', en, '2024-05-20', undefined],
    ['On Monday, May 20, 2024, …', en, '2024-05-20', undefined],
    ['On 20 May 2024, the ministers…', en, '2024-05-20', undefined],
    ['20 May 2024 — the ministers…', en, '2024-05-20', undefined],
    ['On the 1st of July, 2024, …', en, '2024-07-01', undefined],
    ['On March 11 and 12, 2025, Foreign Minister…', en, '2025-03-11', '2025-03-12'],
    ['On 11-12 March 2025, …', en, '2025-03-11', '2025-03-12'],
  ])('« %s » gives %s', (opening, patterns, day, end) => {
    expect(findDate(opening, patterns)).toMatchObject({ value: day, end });
  });

  test.each([
    ['On May 31, 2024…', fr],
    ['On February 30, 2024, …', en],
    ['Le 20 mai, Wang Yi…', fr],
    ['In May 2024 the ministers met.', en],
  ])('no day in « %s »: none is made up', (opening, patterns) => {
    expect(findDate(opening, patterns)).toBeUndefined();
  });

  test.each([
    ['Secretary Halvard spoke today with Ilse Marchetti.', '2024-05-21', '2024-05-21'],
    ['Le ministre s’est entretenu aujourd’hui avec Wang Yi.', '2024-05-21', '2024-05-21'],
    ['Foreign Minister Marchetti spoke yesterday with Wang Yi.', '2024-05-21', '2024-05-20'],
    ['Le ministre s’est entretenu hier avec Wang Yi.', '2024-03-01', '2024-02-29'],
  ])('« %s » published on %s is a meeting on %s', (opening, published, day) => {
    expect(findInText([opening], records, { published }).date?.value).toBe(day);
  });

  test('« today » without a day of publication is left unresolved, never guessed', () => {
    const found = findInText(['Secretary Halvard spoke today with Foreign Minister Ilse Marchetti.'], records);
    expect(found.date).toBeUndefined();
    expect(found.unresolved).toBe('today');
  });

  test('a date line above the text is the day of publication, and « aujourd’hui » is that day', () => {
    const page = pageText(fixture('fr-aujourdhui.txt'));
    expect(page.posted).toEqual({ date: '2024-05-21', line: '21 mai 2024' });
    expect(page.removed.map((r) => r.why)).toEqual(['titre de la page', 'date de la page']);
  });
});

describe('forms, in French and in English', () => {
  test.each([
    ['Wang Yi s’est entretenu au téléphone avec Sergueï Aleïnik.', fr, 'phone'],
    ['Wang Yi a eu un entretien téléphonique avec Sergueï Aleïnik.', fr, 'phone'],
    ['Wang Yi s’est entretenu par visioconférence avec Sergueï Aleïnik.', fr, 'video'],
    ['Wang Yi s’est entretenu lors d’un appel avec Sergueï Aleïnik.', fr, 'call'],
    ['Wang Yi a rencontré Sergueï Aleïnik à Astana.', fr, 'in-person'],
    ['Foreign Minister Marchetti held a phone call with Wang Yi.', en, 'phone'],
    ['The two ministers had a telephone conversation.', en, 'phone'],
    ['Foreign Minister Marchetti spoke by phone with Wang Yi.', en, 'phone'],
    ['Foreign Minister Marchetti held a video call with Wang Yi.', en, 'video'],
    ['The ministers met by videoconference.', en, 'video'],
    ['The ministers held a virtual meeting.', en, 'video'],
    ['Secretary Halvard spoke today with Foreign Minister Ilse Marchetti.', en, 'call'],
    ['Foreign Minister Marchetti held a call with Wang Yi.', en, 'call'],
    ['Foreign Minister Marchetti held talks with Wang Yi in Geneva.', en, 'in-person'],
    ['Foreign Minister Marchetti met with Wang Yi in Geneva.', en, 'in-person'],
  ])('« %s » is %s', (opening, patterns, format) => {
    expect(findFormat(opening, patterns).value).toBe(format);
  });

  test('words that state no form leave it unsaid, and no place makes it up', () => {
    expect(findFormat('Le 20 mai 2024, Wang Yi s’est entretenu avec Sergueï Aleïnik.', fr).value).toBeUndefined();
    expect(findFormat('On May 20, 2024, the ministers discussed regional security.', en).value).toBeUndefined();
  });

  test('the first sentence says the form: a meeting agreed for later is not this one', () => {
    const opening = 'Wang Yi held a phone call with Ilse Marchetti. They agreed to meet in Geneva soon.';
    expect(findFormat(opening, en).value).toBe('phone');
    expect(firstSentence('Secretary Antony J. Blinken spoke today with H.E. Ilse Marchetti. Then…')).toBe(
      'Secretary Antony J. Blinken spoke today with H.E. Ilse Marchetti.',
    );
  });
});

describe('people, never invented', () => {
  test.each([
    ['On May 20, 2024, the Central Committee discussed the Middle East.', en],
    ['The Secretary of State met the Foreign Minister.', en],
    ['Belarusian Foreign Minister met the United States delegation in Buenos Aires.', en],
    ['H.E. the Ambassador of the Kingdom of Fictionland, Mr. President, Her Excellency.', en],
    ['Le 20 mai 2024, le Comité central du Parti et le Moyen Orient.', fr],
    [
      'Le ministre des Affaires étrangères a reçu Mme la Présidente à Buenos Aires, puis la délégation de Costa Rica.',
      fr,
    ],
  ])('no person in « %s »', (text, patterns) => {
    expect(namesIn(text, patterns)).toEqual([]);
  });

  test.each([
    [
      'Secretary of State Antony J. Blinken spoke today with Belarusian Foreign Minister Sergei Aleinik.',
      en,
      ['Antony J. Blinken', 'Sergei Aleinik'],
    ],
    ['H.E. Mr. Tomas Varga, Minister of Foreign Affairs, met Ilse Marchetti.', en, ['Tomas Varga', 'Ilse Marchetti']],
    ['Foreign Minister of the Republic of Fictionland Ilse Marchetti held talks.', en, ['Ilse Marchetti']],
    [
      'Wang Yi a reçu le ministre des Affaires étrangères du Bélarus, Sergueï Aleïnik, et M. Tomas Varga.',
      fr,
      ['Wang Yi', 'Sergueï Aleïnik', 'Tomas Varga'],
    ],
  ])('names in « %s », titles left out', (text, patterns, names) => {
    expect(namesIn(text, patterns).map((n) => n.words)).toEqual(names);
  });

  test('a single word after a title is a surname, and nothing else is', () => {
    expect(namesIn('Secretary Blinken spoke with Foreign Minister Aleinik and with Geneva.', en)).toEqual([
      expect.objectContaining({ words: 'Blinken', surname: true, title: 'Secretary' }),
      expect.objectContaining({ words: 'Aleinik', surname: true, title: 'Minister' }),
    ]);
  });

  test.each([
    ['Sergei Aleinik', 'sergei-aleinik'],
    ['Sergei Alejnik', 'sergei-aleinik'],
    ['Sergey Aleynik', 'sergei-aleinik'],
    ['Serguei Aleinik', 'sergei-aleinik'],
    ['Aleïnik Sergueï', 'sergei-aleinik'],
    ['Antony J. Blinken', 'antony-blinken'],
    ['Alexander Lukashenko', 'alexandre-loukachenko'],
    ['Aleksandr Loukachenko', 'alexandre-loukachenko'],
    ['Ilse Marchetti', undefined],
  ])('« %s » is the record %s under another spelling', (name, id) => {
    const match = new NameIndex(records.people).match(name);
    expect(match.kind === 'record' ? match.record.id : undefined).toBe(id);
  });

  test('a name a few letters from a record’s is a question, never a record', () => {
    const index = new NameIndex(records.people);
    expect(index.match('Sergei Aleinikov')).toMatchObject({ kind: 'near', record: { id: 'sergei-aleinik' } });
    expect(index.match('Alexander Lukashenka')).toMatchObject({
      kind: 'near',
      record: { id: 'alexandre-loukachenko' },
    });
    expect(index.match('Ilse Marchetti')).toEqual({ kind: 'none' });
    expect(nameKey('Sergueï Aleïnik')).toBe(nameKey('Sergei Alejnik'));
  });

  test('an English call: a record under another spelling, a role before the name, an unknown person to check', () => {
    const found = findInText(pageText(fixture('en-appel-graphie.txt')).paragraphs, records);
    expect(found.date).toMatchObject({ value: '2024-05-20', words: 'On 20 May 2024' });
    expect(found.format).toMatchObject({ value: 'phone', words: 'phone call' });
    expect(found.place).toBeUndefined();
    expect(found.participants).toEqual([
      expect.objectContaining({
        id: 'ilse-marchetti',
        kind: 'new',
        create: true,
        role: 'Foreign Minister of the Republic of Fictionland',
      }),
      expect.objectContaining({
        id: 'sergei-aleinik',
        kind: 'record',
        match: 'spelling',
        words: 'Sergei Alejnik',
        role: 'Belarusian Foreign Minister',
      }),
    ]);
  });

  test('a statement: the spokesperson is no participant, « today » is the day of the date line, names later are listed', () => {
    const page = pageText(fixture('en-declaration.txt'));
    expect(page.paragraphs[0]).toBe('The below is attributable to Spokesperson Jonas Ferreira:');
    const found = findInText(page.paragraphs, records, { published: page.posted?.date, headline: page.headline });
    expect(found.date).toMatchObject({ value: '2024-05-21', words: 'today' });
    expect(found.format.value).toBe('call');
    expect(found.spokespeople).toEqual(['Jonas Ferreira']);
    expect(found.participants.map((p) => [p.id, p.kind, p.role])).toEqual([
      ['martin-halvard', 'new', 'Secretary of State'],
      ['ilse-marchetti', 'new', 'Fictionland Foreign Minister'],
    ]);
    expect(found.participants[0]!.name).toBe('Martin Halvard');
    expect(found.unlisted.map((u) => u.words)).toEqual(['Oskar Lindqvist']);
    expect(found.mentions).toEqual([]);
  });

  test('« le ministre des Affaires étrangères du Bélarus, Sergueï Aleïnik »: the role before the name, after a comma', () => {
    const found = findInText(pageText(fixture('fr-role-avant.txt')).paragraphs, records);
    expect(found.format).toMatchObject({ value: 'video', words: 'par visioconférence' });
    expect(found.participants.map((p) => [p.id, p.role])).toEqual([
      ['wang-yi', undefined],
      ['sergei-aleinik', 'ministre des Affaires étrangères du Bélarus'],
    ]);
  });

  test('a surname alone is its record when one record has it, and is never proposed as a new one', () => {
    const found = findInText(['Secretary Blinken spoke today with Foreign Minister Varga.'], records, {
      published: '2024-05-21',
    });
    expect(found.participants.map((p) => [p.id, p.kind, p.match])).toEqual([
      ['antony-blinken', 'record', 'surname'],
      ['', 'incomplete', undefined],
    ]);
  });
});

describe('the draft’s title and file name', () => {
  const named = (id: string, name: string, kind: 'record' | 'new' | 'near' | 'incomplete') => ({
    id,
    name,
    words: name,
    create: kind === 'new',
    kind,
  });

  test('the title is the archive’s, from the form, the participants and the place', () => {
    const people = [named('wang-yi', 'Wang Yi', 'record'), named('ilse-marchetti', 'Ilse Marchetti', 'new')];
    expect(factualTitle('phone', people, undefined)).toBe('Entretien téléphonique entre Wang Yi et Ilse Marchetti');
    expect(factualTitle('call', people, undefined)).toBe('Appel entre Wang Yi et Ilse Marchetti');
    expect(factualTitle(undefined, people.slice(0, 1), undefined)).toBe('Entretien de Wang Yi');
  });

  test('the file name is made of the day and the records’ ids only', () => {
    const people = [
      named('ilse-marchetti', 'Ilse Marchetti', 'new'),
      named('sergei-aleinik', 'Sergei Aleinikov', 'near'),
      named('', 'Blinken', 'incomplete'),
      named('wang-yi', 'Wang Yi', 'record'),
    ];
    expect(draftId('2024-05-20', people)).toBe('2024-05-20-wang-yi');
    expect(draftId('2024-05-20', people.slice(0, 3))).toBe('2024-05-20-entretien');
  });
});

describe('furniture of other sites', () => {
  test.each([
    ['Haut de page', 'actions'],
    ['Partager', 'share'],
    ['Share this page', 'share'],
    ['Print', 'actions'],
    ['Print | Share', 'actions'],
    ['Suggest To A Friend', 'actions'],
    ['Source: Ministry of Foreign Affairs of Fictionland', 'source'],
    ['Source : ministère fictif des Affaires étrangères', 'source'],
    ['Office of the Spokesperson', 'office'],
    ['OFFICE OF THE SPOKESPERSON', 'office'],
    ['Dernière modification : 22/05/2024', 'modified'],
    ['Mis à jour le 21 mai 2024', 'modified'],
    ['Last updated: May 22, 2024', 'modified'],
    ['Last updated May 22, 2024 at 10:15', 'modified'],
    ['Updated guidance was issued in 2024.', undefined],
    ['Print the statement in full, the minister said.', undefined],
    ['Retour', undefined],
  ])('« %s » is %s', (line, kind) => {
    expect(furnitureOf(line)).toBe(kind);
  });

  test('the last modification is read as source.modified, the source line as who published', () => {
    const page = pageText(fixture('en-appel-graphie.txt'));
    expect(page.modified).toEqual({ date: '2024-05-22', line: 'Last updated: 22 May 2024' });
    expect(page.credit?.name).toBe('Ministry of Foreign Affairs of the Republic of Fictionland');
    expect(page.posted?.date).toBe('2024-05-21');
    expect(page.paragraphs).toHaveLength(2);
    expect(pageText(fixture('fr-role-avant.txt')).modified?.date).toBe('2025-06-13');
  });
});

describe('the text, verbatim as the reader sees it', () => {
  /** The text a reader sees in the rendered HTML: tags out, entities decoded, `<br>` a line break, blocks apart. */
  const visible = (html: string) =>
    html
      .replace(/<br\s*\/?>\n?/g, '\n')
      .replace(/<\/p>\s*/g, '\n\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|amp);/gi, (_, name: string) =>
        name.startsWith('#x') || name.startsWith('#X')
          ? String.fromCodePoint(parseInt(name.slice(2), 16))
          : name.startsWith('#')
            ? String.fromCodePoint(Number(name.slice(1)))
            : ({ lt: '<', gt: '>', quot: '"', amp: '&' } as Record<string, string>)[name.toLowerCase()]!,
      )
      .trim();
  const rendered = async (paragraphs: string[]) =>
    (await readoutRenderer({ base: '/', aliases: [] }))(draftBody(paragraphs));

  test.each([
    ['a text whose lines Markdown would read as a list, a heading, a quote, a rule', 'fr-balisage.txt', false],
    ['a saved page with entities and markup in its text', 'en-entites.html', true],
    ['a copied English page', 'en-appel-graphie.txt', false],
  ])('%s: the site’s renderer shows every character of the source, and its line breaks', async (_what, name, html) => {
    const input = withoutControls(fixture(name)).text;
    const page = html ? pageText(htmlText(input).text, htmlText(input).headline) : pageText(input);
    const out = await rendered(page.paragraphs);
    // No markup but paragraphs, line breaks, the paragraphs' own anchors and the links of web addresses.
    const markup = out
      .replace(/<a href="#p\d+" class="paragraph-link"[^>]*><\/a>/g, '')
      .replace(/<a href="https?:[^"]*"[^>]*>/g, '');
    expect(markup).not.toMatch(/<(?:ul|ol|li|h\d|blockquote|hr|em|strong|code|del|a|script|b|img|table)[\s>]/);
    expect(visible(out)).toBe(page.paragraphs.map((p) => p.replace(/^[ \t]+/, '')).join('\n\n'));
  });

  test.each([
    ['* une ligne', '\\* une ligne'],
    ['# pas un titre', '\\# pas un titre'],
    ['un *mot*, un _autre_', 'un \\*mot\\*, un \\_autre\\_'],
    ['[crochets](lien) <b> & &amp;', '\\[crochets\\](lien) \\<b> & \\&amp;'],
    ['2024. Une année', '2024\\. Une année'],
    ['> citée', '\\> citée'],
    ['un \\ antislash', 'un \\\\ antislash'],
    ['a\nb', 'a\\\nb'],
    [
      'sans_soulignés, https://example.org/a_b*c~d et www.example.org/_x_.',
      'sans_soulignés, https://example.org/a_b*c~d et www.example.org/_x_.',
    ],
  ])('« %s » is stored as « %s »', (text, markdown) => {
    expect(draftBody([text])).toBe(`\n${markdown}\n`);
  });

  test('an HTML page’s entities become their characters, escaped: &lt;script&gt; is text, not markup', () => {
    const { text } = htmlText(fixture('en-entites.html'));
    expect(text).toContain('the <script> of a joint statement & the "next steps", *without* delay —');
    expect(draftBody([text.trim().split('\n\n').at(-1)!])).toContain('the \\<script> of a joint statement & the');
  });

  test('control characters leave the text and the report, shown by their code points', () => {
    expect(withoutControls('a\u001b[31mb\u0007\r\nc')).toEqual({ text: 'a[31mb\nc', removed: ['U+001B', 'U+0007'] });
    expect(printable('titre \u001b[2J \u202e fin\nsuite')).toBe('titre ‹U+001B›[2J ‹U+202E› fin\nsuite');
  });
});

describe('importReadout, in English and in a language it has no table for', () => {
  const run = (dir: string, name: string, extra: Partial<ImportOptions> = {}) =>
    importReadout(root, dir, { input: fixture(name), html: name.endsWith('.html'), retrieved: '2025-03-10', ...extra });
  const read = (dir: string, year: string, id: string) => readFileSync(join(dir, 'readouts', year, `${id}.md`), 'utf8');

  test('an English ministry’s phone call: language, day, form, the counterpart under another spelling, the source', () => {
    const dir = contentWith();
    const result = run(dir, 'en-appel-graphie.txt');
    expect(result.written, result.written ? '' : result.error).toBe(true);
    const written = read(dir, '2024', '2024-05-20-sergei-aleinik');
    for (const line of [
      'title: "Entretien téléphonique entre Ilse Marchetti et Sergueï Aleïnik"',
      'date: 2024-05-20',
      'format: phone',
      'language: en',
      '  - person: sergei-aleinik',
      '    role: "Belarusian Foreign Minister"',
      '  publisher: "Ministry of Foreign Affairs of the Republic of Fictionland" # lu sur la page : « Source: Ministry of Foreign Affairs of the Republic of Fictionland »',
      '  published: 2024-05-21 # lu sur la page : « 21 May 2024 »',
      '  modified: 2024-05-22 # lu sur la page : « Last updated: 22 May 2024 »',
    ]) {
      expect(written).toContain(line);
    }
    expect(written).not.toMatch(/^place:/m);
    expect(splitReadout(written)!.body).toBe(
      '\nOn 20 May 2024, Foreign Minister of the Republic of Fictionland Ilse Marchetti held a phone call with Belarusian Foreign Minister Sergei Alejnik.\n\nThe ministers reviewed the preparations for the next ministerial meeting and the situation in the region.\\\nBoth sides agreed to keep in close contact.\n',
    );
    expect(result.report).toEqual(
      expect.arrayContaining([
        'Langue : anglais (en), reconnue par franc (eng).',
        expect.stringMatching(
          /^Participant : sergei-aleinik \(« Sergei Alejnik »\), fiche trouvée sous une autre graphie .*ajoutez l’alias « Sergei Alejnik »/,
        ),
        expect.stringMatching(
          /^Participant : ilse-marchetti \(« Ilse Marchetti »\), à vérifier : aucune fiche, fiche à créer/,
        ),
        expect.stringMatching(/1 saut\(s\) de ligne simple\(s\) gardé\(s\) comme sauts de ligne/),
      ]),
    );
  });

  test('a spokesperson’s statement: « today » from the date line, people to check, none in the file name', () => {
    const dir = contentWith();
    const result = run(dir, 'en-declaration.txt', { publisher: 'Fictional Department of State' });
    expect(result.written, result.written ? '' : result.error).toBe(true);
    const written = read(dir, '2024', '2024-05-21-entretien');
    expect(written).toContain('title: "Appel entre Martin Halvard et Ilse Marchetti"');
    expect(written).toContain('format: call');
    expect(written).toContain('  - person: martin-halvard # fiche à créer : content/people/martin-halvard.yaml');
    expect(written).not.toMatch(
      /ferreira|lindqvist|spokesperson|secretary/i.source ? /person: .*(?:ferreira|lindqvist)/ : /x/,
    );
    const body = splitReadout(written)!.body;
    expect(
      body.startsWith(
        '\nThe below is attributable to Spokesperson Jonas Ferreira:\n\nSecretary of State Martin J. Halvard spoke today',
      ),
    ).toBe(true);
    expect(body).not.toMatch(/READOUT|OFFICE OF|MAY 21|Suggest|Share|Print|Halvard’s Call/);
    expect(result.report).toEqual(
      expect.arrayContaining([
        'Porte-parole qui publie le texte, pas un participant : « Jonas Ferreira ».',
        'Date : 2024-05-21 (« today » : le jour de publication, 2024-05-21).',
        'Nommés dans le texte, sans fiche, non repris (à vérifier) : « Oskar Lindqvist ».',
      ]),
    );
  });

  test('« today » without a day of publication: refused, asking for --published', () => {
    const text =
      'Secretary Halvard spoke today with Foreign Minister Ilse Marchetti about the coming ministerial meeting.\n';
    const result = importReadout(root, contentWith(), { input: text, html: false });
    expect(result.written ? '' : result.error).toMatch(/le texte dit « today » .*--published AAAA-MM-JJ/);
  });

  test('a near name is asked about, never written as a record nor a record to create', () => {
    const dir = contentWith();
    const text =
      'On 3 June 2025, Foreign Minister Ilse Marchetti held a video call with Foreign Minister Sergei Aleinikov of the Republic of Fictionland.\n';
    const result = importReadout(root, dir, { input: text, html: false });
    expect(result.written).toBe(true);
    const written = read(dir, '2025', '2025-06-03-entretien');
    expect(written).toContain(
      '  - person: "À COMPLÉTER : vouliez-vous dire `sergei-aleinik` ? le texte dit « Sergei Aleinikov »',
    );
    expect(result.report.join('\n')).toContain('vouliez-vous dire `sergei-aleinik` ?');
    expect(result.report.join('\n')).not.toMatch(/content\/people\/sergei-aleinikov/);
  });

  test('an Italian text: its language said, every field only its words would give left marked', () => {
    const dir = contentWith();
    const refused = run(dir, 'it-inconnue.txt');
    expect(refused.written ? '' : refused.error).toMatch(/italien.*--date/);
    const result = run(dir, 'it-inconnue.txt', { date: '2025-10-07' });
    expect(result.written).toBe(true);
    const written = read(dir, '2025', '2025-10-07-wang-yi-sergei-aleinik');
    expect(written).toContain('language: it');
    expect(written).toMatch(/^format: "À COMPLÉTER : /m);
    expect(written).toMatch(/^ {4}role: "À COMPLÉTER : /m);
    expect(result.report[0]).toMatch(
      /^Langue : italien \(it\), reconnue par franc \(ita\)\. L’importateur ne connaît que les tournures/,
    );
  });

  test('--language overrides the detection, and is checked', () => {
    expect(run(contentWith(), 'appel.txt', { language: 'english' }).written).toBe(false);
    const dir = contentWith();
    const result = run(dir, 'appel.txt', { language: 'fr' });
    expect(result.report[0]).toBe('Langue : français (fr), donnée par --language.');
  });
});
