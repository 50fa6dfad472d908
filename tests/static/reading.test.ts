/**
 * What every page of the build says, read from its HTML (no browser needed):
 *
 * - French spacing holds in every template: no mark that French sets off by a space (« » : ; ? !)
 *   is glued to the word after it (« Adresse permanente :http… »), and no guillemet to the word
 *   inside it. The document's own text is left out: it is kept as published.
 * - No empty section: every section has something under its heading, and no heading counts zero
 *   (« Interlocuteurs (0) »).
 * - A list cut short says so: « 10 sur 16. » and a link to the whole list.
 * - Every page has the archive's own icon (no browser asks for a `/favicon.ico` that is not there).
 * - The people index is sorted by family name, as libraries sort: `sortName` where a record
 *   gives it, else the last word of the name first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { htmlFiles, text } from '../support/dist.ts';
import { records } from '../support/content.ts';

const dir = inject('distDir');
const files = htmlFiles(dir);
const pages = new Map(files.map((file) => [file, parse(readFileSync(join(dir, file), 'utf8'))]));
const main = (file: string) => pages.get(file)!.querySelector('main') ?? pages.get(file)!.querySelector('body')!;

test('the build has pages to read', () => {
  expect(files.length).toBeGreaterThan(10);
});

/** Elements inside a line of text: their words run on with those around them. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd label mark q s samp small span strong sub sup time u var'.split(' '),
);
/** What no reader sees as the interface's text: scripts, the archived text, hidden blocks. */
const skipped = (el: HTMLElement) =>
  ['script', 'style', 'noscript', 'template', 'svg'].includes(el.tagName?.toLowerCase() ?? '') ||
  el.classList?.contains('body') ||
  el.hasAttribute?.('hidden');

/** The text of each block of `root`, its inline elements run together as a reader sees them. */
function blocks(root: HTMLElement): string[] {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) out.push(line);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.textContent;
      return;
    }
    const el = node as HTMLElement;
    if (node.nodeType !== 1 || skipped(el)) return;
    const inline = INLINE.has(el.tagName?.toLowerCase() ?? '');
    if (!inline) flush();
    el.childNodes.forEach(walk);
    if (!inline) flush();
  };
  walk(root);
  flush();
  return out.map((text) => text.replace(/[ \t\n\r]+/g, ' '));
}

const SPACES = '\\s\\u00a0\\u202f';
/** A mark set off by a space before it, then a word right after it; « then a word; a word then ». */
const GLUED = [
  new RegExp(`[${SPACES}][:;?!»][\\p{L}\\p{N}«(]`, 'u'),
  new RegExp(`«[\\p{L}\\p{N}]`, 'u'),
  new RegExp(`[\\p{L}\\p{N}.…)]»`, 'u'),
];

describe('French spacing', () => {
  test.each(files)('%s: no mark glued to a word', (file) => {
    const glued = blocks(pages.get(file)!.querySelector('body')!).flatMap((text) =>
      GLUED.flatMap((re) => {
        const m = re.exec(text);
        return m ? [text.slice(Math.max(0, m.index - 30), m.index + 30)] : [];
      }),
    );
    expect(glued).toEqual([]);
  });

  test('the check finds a glued mark where there is one', () => {
    const html = parse(
      '<main><p>Adresse permanente\u00a0:<a href="x">http://x</a></p><p>«\u00a0bien\u00a0»</p></main>',
    );
    const found = blocks(html).filter((text) => GLUED.some((re) => re.test(text)));
    expect(found).toEqual(['Adresse permanente\u00a0:http://x']);
  });
});

describe('no empty section', () => {
  test.each(files)('%s: every section has something under its heading, and no heading counts zero', (file) => {
    const problems: string[] = [];
    for (const section of main(file).querySelectorAll('section')) {
      const heading = section.querySelector('h2, h3, h4');
      const rest = section.childNodes
        .filter((n) => n !== heading)
        .map((n) => n.textContent)
        .join('')
        .trim();
      if (rest === '' && !section.querySelector('svg, table, img')) {
        problems.push(`empty: ${heading?.textContent.trim() ?? section.toString().slice(0, 80)}`);
      }
    }
    for (const heading of main(file).querySelectorAll('h1, h2, h3')) {
      if (/\(0(\s|\))/.test(heading.textContent)) problems.push(`counts zero: ${heading.textContent.trim()}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('a list cut short says so', () => {
  /** Lists a record's page shows the first of, with the address of the whole list. */
  const cut = [
    {
      name: 'interlocutors',
      page: /^personnes\/[^/]+\/index\.html$/,
      section: 'interlocuteurs',
      all: 'interlocuteurs/',
    },
    { name: 'related topics', page: /^themes\/[^/]+\/index\.html$/, section: 'themes-associes', all: 'associes/' },
  ];
  test.each(cut)('$name: at most ten shown; past ten, « 10 sur N. » and a link to all N', ({ page, section, all }) => {
    let checked = 0;
    for (const file of files.filter((f) => page.test(f))) {
      const list = main(file).querySelector(`section[aria-labelledby="${section}"]`);
      if (!list) continue;
      checked++;
      const shown = list.querySelectorAll('ul.records > li').length;
      const total = Number(/\((\d+)\)/.exec(list.querySelector('h2')!.textContent)?.[1]);
      expect(shown, file).toBe(Math.min(total, 10));
      const link = list.querySelector(`a[href$="/${file.replace('index.html', '')}${all}"]`);
      if (total > shown) {
        expect(list.textContent, file).toContain(`${shown} sur ${total}.`);
        expect(link, file).not.toBeNull();
        expect(link!.textContent, file).toContain(`(${total})`);
      } else expect(link, file).toBeNull();
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('the people index', () => {
  test('lists people by family name, then given names', () => {
    const key = (data: Record<string, unknown>) => {
      if (typeof data['sortName'] === 'string') return data['sortName'];
      const words = String(data['name']).split(' ');
      return `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
    };
    const collator = new Intl.Collator('fr', { sensitivity: 'base' });
    const expected = records('people')
      .map((r) => ({ name: String(r.data['name']), key: key(r.data) }))
      .sort((a, b) => collator.compare(a.key, b.key))
      .map((p) => p.name);
    const listed = main('personnes/index.html')
      .querySelectorAll('ul.records > li > a')
      .map((a) => text(a));
    expect(listed).toEqual(expected);
    // The family name is set apart (small capitals), the whole name still read as one.
    expect(main('personnes/index.html').querySelectorAll('ul.records .family')).toHaveLength(expected.length);
  });
});

describe('the icon', () => {
  test('is served at /favicon.ico and linked, as SVG and ICO, by every page', () => {
    expect(existsSync(join(dir, 'favicon.ico'))).toBe(true);
    const ico = readFileSync(join(dir, 'favicon.ico'));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    for (const [file, html] of pages) {
      const icons = html.querySelectorAll('head link[rel="icon"]').map((l) => l.getAttribute('href'));
      expect(icons, file).toEqual(['/favicon.ico', '/favicon.svg']);
    }
    expect(readFileSync(join(dir, 'favicon.svg'), 'utf8')).toMatch(
      /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    );
  });
});
