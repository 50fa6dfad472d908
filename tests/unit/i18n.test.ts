/**
 * The interface's strings keep French typography whatever the width of the screen: in the
 * dictionary, the space before » : ; ? ! and after « is a no-break space (U+00A0, or the
 * narrow U+202F), so that no line starts or ends with the mark alone.
 */
import { describe, expect, test } from 'vitest';
import { fr } from '#i18n/fr.ts';
import { typesetHtml } from '#features/markdown/rehype-french-typography.ts';

/** A breakable space before a closing mark, or after an opening one. */
const BREAKABLE = /[ \t\n][»›:;?!]|[«‹][ \t\n]/;

describe('the dictionary', () => {
  const entries = Object.entries(fr);

  test('holds strings to check', () => {
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.filter(([, text]) => /[«»:;?!]/.test(text)).length).toBeGreaterThan(10);
  });

  test.each(entries)('%s sets no breakable space against a French mark', (_key, text) => {
    expect(text).not.toMatch(BREAKABLE);
  });
});

describe('typesetHtml: a record’s text in the interface', () => {
  const rows: [text: string, html: string, why: string][] = [
    ['Astana', 'Astana', 'a text without marks is only escaped'],
    [
      'Initiative « la Ceinture et la Route »',
      'Initiative <span class="nowrap">« la</span> Ceinture et la <span class="nowrap">Route »</span>',
      'guillemets stay with their words',
    ],
    ['Chine : relations', '<span class="nowrap">Chine :</span> relations', 'a colon stays with the word before it'],
    ['a < b & « c »', 'a &lt; b &amp; <span class="nowrap">« c »</span>', 'HTML is escaped'],
    ['<script>', '&lt;script&gt;', 'no element can be injected'],
  ];
  test.each(rows)('%j → %j (%s)', (text, html) => {
    expect(typesetHtml(text)).toBe(html);
  });

  test.each(rows)('%j keeps every character', (text) => {
    const html = typesetHtml(text);
    const decoded = html
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(decoded).toBe(text);
  });
});
