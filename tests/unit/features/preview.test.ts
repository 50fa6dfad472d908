import { readdirSync, statSync, symlinkSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArchive } from '#archive/archive.ts';
import { previewContent, previewKey, previewSources, type PreviewContent } from '#features/preview/content.ts';
import { missingGlyphs } from '#features/preview/coverage.ts';
import { scriptName, scriptOf, visualOrder } from '#features/preview/scripts.ts';
import { previewPng } from '#features/preview/cache.ts';
import { drawPreview } from '#features/preview/draw.ts';
import { previewLines, wrapText } from '#features/preview/layout.ts';
import { encodeIndexedPng } from '#features/preview/png.ts';
import { root, tempDir } from '../../support/build.ts';

const fontsDir = join(root, 'src/assets/fonts');

/** Width and height from a PNG's header; throws when the bytes are not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The palette index of every pixel of an indexed PNG of filter type 0 (8 or 4 bits a pixel), row by row. */
function pixelsOf(png: Buffer): { width: number; height: number; at: (x: number, y: number) => number } {
  const { width, height } = pngSize(png);
  expect(png[25]).toBe(3); // indexed colour
  const depth = png[24]!;
  expect([4, 8]).toContain(depth);
  const stride = depth === 8 ? width : Math.ceil(width / 2);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT')
      idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const rows = inflateSync(Buffer.concat(idat));
  expect(rows.length).toBe((stride + 1) * height);
  for (let y = 0; y < height; y++) expect(rows[y * (stride + 1)]).toBe(0);
  const at = (x: number, y: number) => {
    const byte = rows[y * (stride + 1) + 1 + (depth === 8 ? x : x >> 1)]!;
    return depth === 8 ? byte : x % 2 === 0 ? byte >> 4 : byte & 0x0f;
  };
  return { width, height, at };
}

/** How many pixels of the box differ from the background (palette index 0). */
function inked(png: Buffer, box: { x: number; y: number; width: number; height: number }): number {
  const image = pixelsOf(png);
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) if (image.at(x, y) !== 0) count++;
  return count;
}

const person = (id: string, name: string, original?: [string, string]) => ({
  id,
  filePath: `content/people/${id}.yaml`,
  data: {
    name,
    country: 'CN' as const,
    aliases: [],
    ...(original && { nameOriginal: original[0], nameOriginalLang: original[1] }),
  },
});

/** A document with these participants, in an archive of fictional people. */
function archiveOf(participants: string[]) {
  return buildArchive({
    people: [
      person('wang-yi', 'Wang Yi', ['王毅', 'zh']),
      person('sergei-aleinik', 'Sergueï Aleïnik', ['Сергей Алейник', 'ru']),
      person('samir-al-faris', 'Samir al-Faris', ['سمير الفارس', 'ar']),
      ...['a', 'b', 'c', 'd'].map((id) => person(id, `Personne ${id}`)),
    ],
    places: [{ id: 'astana', data: { name: 'Astana', country: 'KZ', aliases: [] } }],
    topics: [{ id: 't', data: { label: 'T', kind: 'theme', description: 'x', aliases: [] } }],
    readouts: [
      {
        id: '2024-05-20-a',
        data: {
          title: 'Wang Yi rencontre Sergueï Aleïnik à Astana',
          date: '2024-05-20',
          format: 'in-person' as const,
          place: 'astana',
          participants: participants.map((p) => ({ person: p, role: 'ministre' })),
          mentions: [],
          topics: ['t'],
          language: 'fr',
        },
      },
    ],
  });
}

/** What the preview of a document with these participants shows. */
function contentOf(participants: string[]): PreviewContent {
  const archive = archiveOf(participants);
  return previewContent(archive.readouts[0]!, archive);
}

describe('previewContent: what the image shows', () => {
  test('the title, the day in French, the place with its country, and names in their own script', () => {
    const content = contentOf(['wang-yi', 'sergei-aleinik']);
    expect(content.title).toBe('Wang Yi rencontre Sergueï Aleïnik à Astana');
    expect(content.when).toContain('20 mai 2024');
    expect(content.when).toContain('Astana (Kazakhstan)');
    expect(content.participants).toEqual([
      { name: 'Wang Yi', original: { text: '王毅', lang: 'zh' } },
      { name: 'Sergueï Aleïnik', original: { text: 'Сергей Алейник', lang: 'ru' } },
    ]);
    expect(content).not.toHaveProperty('more');
  });

  test('beyond three participants, the others are counted', () => {
    const content = contentOf(['wang-yi', 'sergei-aleinik', 'a', 'b', 'c', 'd']);
    expect(content.participants).toHaveLength(3);
    expect(content.more).toContain('3 autres');
  });
});

describe('previewKey: one image per content, fonts and layout', () => {
  const content = contentOf(['wang-yi']);
  test.each<[string, PreviewContent, string, boolean]>([
    ['the same content and fonts', { ...content }, 'fonts', true],
    ['another title', { ...content, title: 'Autre titre' }, 'fonts', false],
    ['another participant', { ...content, participants: [{ name: 'Xi Jinping' }] }, 'fonts', false],
    ['other fonts', content, 'other fonts', false],
  ])('%s give the same key: %s', (_what, other, fonts, same) => {
    expect(previewKey(other, fonts) === previewKey(content, 'fonts')).toBe(same);
  });
});

describe('drawing', () => {
  test('a 1200×630 PNG, every accent, Cyrillic and Chinese character having a glyph', () => {
    const { png, missing } = drawPreview(contentOf(['wang-yi', 'sergei-aleinik']), fontsDir);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(missing).toEqual([]);
  });

  test('the title is drawn where the layout puts it, and the rest of the card does not move when it is long', () => {
    const short = drawPreview({ ...contentOf(['wang-yi']), title: 'Court' }, fontsDir).png;
    const long = drawPreview({ ...contentOf(['wang-yi']), title: 'Un titre très long '.repeat(20) }, fontsDir).png;
    const titleBox = { x: 80, y: 110, width: 1048, height: 180 };
    const footer = { x: 0, y: 520, width: 1200, height: 110 };
    expect(inked(long, titleBox)).toBeGreaterThan(inked(short, titleBox) * 5);
    expect(inked(long, footer)).toBe(inked(short, footer));
    expect(inked(short, footer)).toBeGreaterThan(0);
    // The accent bar on the left edge, and nothing drawn in the right margin.
    expect(inked(short, { x: 0, y: 0, width: 16, height: 630 })).toBe(16 * 630);
    expect(inked(long, { x: 1130, y: 0, width: 70, height: 630 })).toBe(0);
  });

  test('a title breaks at spaces, on three lines at most, the last ending with « … » when it is cut', () => {
    const lines = wrapText('Entretien du ministre avec son homologue '.repeat(6).trim(), 'title', 1048, 3, fontsDir);
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)!.text.endsWith('…')).toBe(true);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(1048);
    expect(lines.map((l) => l.text.replace('…', '')).join(' ')).toMatch(/^Entretien du ministre avec/);
    const short = wrapText('Entretien à Astana', 'title', 1048, 3, fontsDir);
    expect(short).toEqual([{ text: 'Entretien à Astana', width: expect.any(Number) }]);
    // A non-breaking space holds its two words together.
    const width = wrapText('aaaa bbbb', 'title', 2000, 1, fontsDir)[0]!.width + 1;
    expect(wrapText('aaaa bbbb\u00a0cccc', 'title', width, 3, fontsDir).map((l) => l.text)).toEqual([
      'aaaa',
      'bbbb\u00a0cccc',
    ]);
  });

  const long = 'Entretien du ministre des Affaires étrangères avec son homologue '.repeat(4).trim();
  // prettier-ignore
  const cards: [string, PreviewContent][] = [
    ['two participants and a short title', contentOf(['wang-yi', 'sergei-aleinik'])],
    ['three participants and a long title', { ...contentOf(['wang-yi', 'sergei-aleinik', 'a']), title: long }],
    ['six participants and a long title', { ...contentOf(['wang-yi', 'sergei-aleinik', 'a', 'b', 'c', 'd']), title: long }],
    ['a title with line breaks and a word wider than a line', { ...contentOf(['wang-yi']), title: `Mémorandum\nsur la coopération ${'x'.repeat(80)} et la suite` }],
    ['a name so long that its original script has no room', { ...contentOf(['wang-yi']), participants: [{ name: 'Nom '.repeat(40).trim(), original: { text: '王毅', lang: 'zh' } }] }],
  ];
  test.each(cards)('%s: every line inside the margins, none over another or over the rule', (_what, content) => {
    const lines = previewLines(content, fontsDir);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line.left, line.text).toBeGreaterThanOrEqual(80);
      expect(line.right, line.text).toBeLessThanOrEqual(1128);
      expect(line.top, line.text).toBeGreaterThanOrEqual(56);
      expect(line.bottom, line.text).toBeLessThanOrEqual(630 - 48 + 1e-6);
      // The rule is 2 px high, 16 px above the site's name.
      const ruleTop = lines.at(0)!.top - 16 - 2;
      if (line !== lines[0]) expect(line.bottom <= ruleTop || line.top >= ruleTop + 2, line.text).toBe(true);
    }
    for (const [i, a] of lines.entries()) {
      for (const b of lines.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `« ${a.text} » et « ${b.text} »`).toBe(true);
      }
    }
  });

  test('the title is cut only where it does not fit, and its cut is marked', () => {
    const title = (content: PreviewContent) => previewLines(content, fontsDir).filter((l) => l.size === 52);
    const text = (content: PreviewContent) => title(content).map((l) => l.text);
    expect(text({ ...contentOf(['wang-yi']), title: 'Mémorandum\nsur\tla coopération' })).toEqual([
      'Mémorandum sur la coopération',
    ]);
    const wide = text({ ...contentOf(['wang-yi']), title: `Un mot ${'x'.repeat(80)} et la suite` });
    expect(wide).toEqual(['Un mot', expect.stringMatching(/^x+…$/), 'et la suite']);
    const many = text({ ...contentOf(['wang-yi', 'sergei-aleinik', 'a', 'b']), title: long });
    expect(many).toHaveLength(2);
    expect(many.at(-1)).toMatch(/…$/);
  });

  test('a character that no font has is reported, not silently dropped', () => {
    const content = {
      ...contentOf(['wang-yi']),
      participants: [{ name: '김정은', original: { text: '김정은', lang: 'ko' } }],
    };
    const { missing } = drawPreview(content, fontsDir);
    expect(missing.join('')).toContain('김정은');
  });

  test('the cache draws an image once, and again only when what it shows changes', () => {
    const cacheDir = join(tempDir('previews'), 'cache');
    const options = { fontsDir, cacheDir };
    const content = contentOf(['wang-yi']);
    const first = previewPng(content, options);
    const [file] = readdirSync(cacheDir);
    const written = statSync(join(cacheDir, file!)).mtimeMs;
    const again = previewPng({ ...content }, options);
    expect(again.equals(first)).toBe(true);
    expect(statSync(join(cacheDir, file!)).mtimeMs).toBe(written);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const changed = previewPng({ ...content, title: 'Un autre titre' }, options);
    expect(changed.equals(first)).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  test.each([
    ['4 bits, 9 colours', 9, 4],
    ['8 bits, 17 colours', 17, 8],
  ])('the PNG holds exactly the palette and the pixels it is given (%s)', (_what, colours, depth) => {
    // An odd width, rows cut at their last inked pixel, and every index at every parity of x.
    const width = 101;
    const height = 7;
    const pixels = Uint8Array.from({ length: width * height }, (_, i) => (i * 7 + (i % width)) % colours);
    const rowEnds = Int32Array.from({ length: height }, (_, y) => width - y * 13);
    for (let y = 0; y < height; y++) pixels.fill(0, y * width + rowEnds[y]!, (y + 1) * width);
    const palette = Array.from({ length: colours }, (_, i) => [i, 255 - i, i * 3] as const);
    const png = encodeIndexedPng(width, height, pixels, palette, rowEnds);
    expect(png[24]).toBe(depth);
    const plte = png.indexOf('PLTE', 8, 'latin1');
    expect([...png.subarray(plte + 4, plte + 4 + colours * 3)]).toEqual(palette.flat());
    const image = pixelsOf(png);
    const decoded = Uint8Array.from({ length: width * height }, (_, i) => image.at(i % width, Math.floor(i / width)));
    expect(decoded).toEqual(pixels);
  });
});

describe('scripts: every script the previews meet is drawn, or the build says which and what to do', () => {
  /** The archive's fonts, and the fixture's Arabic font as `scripts/subset-fonts.py` would add it. */
  const withArabic = tempDir('preview-fonts');
  for (const name of readdirSync(fontsDir)) symlinkSync(join(fontsDir, name), join(withArabic, name));
  const fixture = join(root, 'tests/fixtures/preview-fonts/noto-sans-arabic-regular.woff2');
  symlinkSync(fixture, join(withArabic, 'noto-sans-arabic-regular.woff2'));
  const archive = archiveOf(['wang-yi', 'samir-al-faris']);
  const readout = archive.readouts[0]!;
  const previews = [{ route: 'comptes-rendus/2024-05-20-a/apercu.png', sources: previewSources(readout, archive) }];

  test('the texts of an image are traced to their files and fields', () => {
    expect(previews[0]!.sources).toContainEqual({
      text: 'سمير الفارس',
      file: 'content/people/samir-al-faris.yaml',
      field: 'nameOriginal',
    });
    expect(previews[0]!.sources.map((s) => s.field)).toEqual([
      'title',
      'name',
      'name',
      'nameOriginal',
      'name',
      'nameOriginal',
    ]);
  });

  test('a script no font draws is named, with its file, its field, its characters and the fix', () => {
    const [line, ...others] = missingGlyphs(previews, fontsDir);
    expect(others).toEqual([]);
    expect(line).toContain('content/people/samir-al-faris.yaml, champ nameOriginal');
    expect(line).toContain('arabe (Arab)');
    expect(line).toContain('« س م ي ر ا ل ف »');
    expect(line).toContain('comptes-rendus/2024-05-20-a/apercu.png');
    expect(line).toContain('scripts/subset-fonts.py');
    expect(drawPreview(contentOf(['samir-al-faris']), fontsDir).missing).not.toEqual([]);
  });

  test('the fix works: with the font the script adds, nothing is missing, and the name is drawn', () => {
    expect(missingGlyphs(previews, withArabic)).toEqual([]);
    const content = contentOf(['samir-al-faris']);
    const drawn = drawPreview(content, withArabic);
    expect(drawn.missing).toEqual([]);
    const line = previewLines(content, withArabic).find((l) => l.text === 'سمير الفارس')!;
    const box = {
      x: Math.floor(line.left),
      y: Math.floor(line.top),
      width: Math.ceil(line.right - line.left),
      height: Math.ceil(line.bottom - line.top),
    };
    expect(inked(drawn.png, box)).toBeGreaterThan(200);
    expect(inked(drawPreview(content, fontsDir).png, box)).toBe(0);
  });

  test.each<[string, string, string]>([
    ['a', 'Latn', 'latin (Latn)'],
    ['س', 'Arab', 'arabe (Arab)'],
    ['ש', 'Hebr', 'hébreu (Hebr)'],
    ['ა', 'Geor', 'géorgien (Geor)'],
    ['क', 'Deva', 'dévanagari (Deva)'],
    ['김', 'Hang', 'hangûl (Hang)'],
    ['·', 'Zyyy', 'signes communs (Zyyy)'],
  ])('« %s » is written in %s: %s', (char, code, name) => {
    expect(scriptOf(char)).toBe(code);
    expect(scriptName(code)).toBe(name);
  });

  test.each<[string, string, string]>([
    ['a line left to right stays so', 'Wang Yi rencontre', 'Wang Yi rencontre'],
    ['an Arabic name runs from the right', 'سمير الفارس', 'الفارس سمير'],
    ['Arabic words in a French line are turned round, the line is not', 'et שלום עולם 2024', 'et עולם שלום 2024'],
    ['French words in an Arabic line keep their order', 'سمير Wang Yi الفارس', 'الفارس Wang Yi سمير'],
  ])('%s', (_what, text, drawn) => {
    expect(visualOrder(text.split(' '), (w) => w).join(' ')).toBe(drawn);
  });
});
