import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArchive } from '../../src/lib/archive.ts';
import { previewContent, previewKey, type PreviewContent } from '../../src/lib/preview-image.ts';
import { drawPreview, previewPng } from '../../src/preview/render.ts';
import { root, tempDir } from '../support/build.ts';

const fontsDir = join(root, 'src/assets/fonts');

/** Width and height from a PNG's header; throws when the bytes are not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const person = (id: string, name: string, original?: [string, string]) => ({
  id,
  data: {
    name,
    country: 'CN' as const,
    aliases: [],
    ...(original && { nameOriginal: original[0], nameOriginalLang: original[1] }),
  },
});

/** What the preview of a document with these participants shows. */
function contentOf(participants: string[]): PreviewContent {
  const archive = buildArchive({
    people: [
      person('wang-yi', 'Wang Yi', ['王毅', 'zh']),
      person('sergei-aleinik', 'Sergueï Aleïnik', ['Сергей Алейник', 'ru']),
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
          place: 'astana',
          participants: participants.map((p) => ({ person: p, role: 'ministre' })),
          mentions: [],
          topics: ['t'],
          language: 'fr',
        },
      },
    ],
  });
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

  test('beyond four participants, the others are counted', () => {
    const content = contentOf(['wang-yi', 'sergei-aleinik', 'a', 'b', 'c', 'd']);
    expect(content.participants).toHaveLength(4);
    expect(content.more).toContain('2 autres');
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
  test('a 1200×630 PNG, every accent, Cyrillic and Chinese character having a glyph', async () => {
    const { png, missing } = await drawPreview(contentOf(['wang-yi', 'sergei-aleinik']), fontsDir);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(missing).toEqual([]);
  });

  test('a character that no font has is reported, not silently dropped', async () => {
    const content = {
      ...contentOf(['wang-yi']),
      participants: [{ name: '김정은', original: { text: '김정은', lang: 'ko' } }],
    };
    const { missing } = await drawPreview(content, fontsDir);
    expect(missing.join('')).toContain('김정은');
  });

  test('the cache draws an image once, and again only when what it shows changes', async () => {
    const cacheDir = join(tempDir('previews'), 'cache');
    const options = { fontsDir, cacheDir, label: 'test' };
    const content = contentOf(['wang-yi']);
    const first = await previewPng(content, options);
    const [file] = readdirSync(cacheDir);
    const written = statSync(join(cacheDir, file!)).mtimeMs;
    const again = await previewPng({ ...content }, options);
    expect(again.equals(first)).toBe(true);
    expect(statSync(join(cacheDir, file!)).mtimeMs).toBe(written);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const changed = await previewPng({ ...content, title: 'Un autre titre' }, options);
    expect(changed.equals(first)).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });
});
