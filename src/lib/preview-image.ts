/**
 * The preview image of a document (what a link shows when shared): its title, date, place
 * and participants, in the names' own scripts as well. This module only describes the image:
 * what it shows (`PreviewContent`), how it is laid out (`previewTree`, for satori) and the
 * key it is cached under (`previewKey`). `src/preview/render.ts` draws and caches it.
 */
import { createHash } from 'node:crypto';
import { countries } from '../i18n/countries.ts';
import { t, tCount } from '../i18n/index.ts';
import { need, type Archive, type Readout } from './archive.ts';
import { formatDate } from './dates.ts';

/** The size social sites expect for a large preview. */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** The cache's folder, under Astro's cache folder (`cacheDir`). */
export const PREVIEW_CACHE_SUBDIR = 'readout-archive/previews';

/** Bump when the layout below changes: every image is then drawn again. */
export const PREVIEW_TEMPLATE_VERSION = 1;

/** How many participants the image names; the others are counted. */
const MAX_PARTICIPANTS = 4;

export interface PreviewName {
  name: string;
  /** The name in its own script, with its language, when the record gives it. */
  original?: { text: string; lang: string };
}

/** Everything the image shows, as text: the cache key is made from it. */
export interface PreviewContent {
  kicker: string;
  title: string;
  /** Date and place, as one line. */
  when: string;
  participants: PreviewName[];
  /** « + 2 autres personnes », when some participants are left out. */
  more?: string;
  siteName: string;
}

/** What the preview of `readout` shows. */
export function previewContent(readout: Readout, archive: Archive): PreviewContent {
  const { data } = readout;
  const place = need(archive.place, data.place, 'Lieu');
  const names: PreviewName[] = data.participants.map((p) => {
    const person = need(archive.person, p.person, 'Personne').data;
    return {
      name: person.name,
      ...(person.nameOriginal !== undefined &&
        person.nameOriginalLang !== undefined && {
          original: { text: person.nameOriginal, lang: person.nameOriginalLang },
        }),
    };
  });
  const left = names.length - MAX_PARTICIPANTS;
  return {
    kicker: t('preview.kicker'),
    title: data.title,
    when: t('preview.when', {
      date: formatDate(data.date),
      place: place.data.name,
      country: countries[place.data.country],
    }),
    participants: names.slice(0, MAX_PARTICIPANTS),
    ...(left > 0 && { more: tCount('morePeople', left) }),
    siteName: t('site.name'),
  };
}

/** The cache key: a hash of what the image shows, the fonts it is drawn with and the layout version. */
export function previewKey(content: PreviewContent, fontsDigest: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ template: PREVIEW_TEMPLATE_VERSION, fonts: fontsDigest, content }))
    .digest('hex');
}

/** A satori element: the shape of a React element, without React. */
export interface PreviewNode {
  type: string;
  props: {
    style: Record<string, string | number>;
    lang?: string;
    children: Children;
  };
}
type Children = string | PreviewNode | (string | PreviewNode)[];

const colors = { bg: '#fdfcf9', text: '#1c1b19', muted: '#57534a', accent: '#8a2c1c', border: '#d6d1c4' };
export const SANS = 'Noto Sans';
export const SERIF = 'Noto Serif';

function el(type: string, style: Record<string, string | number>, children: Children): PreviewNode {
  return { type, props: { style, children } };
}

function participant(p: PreviewName): PreviewNode {
  const parts: PreviewNode[] = [el('span', { color: colors.text }, p.name)];
  if (p.original) {
    parts.push({
      type: 'span',
      props: { lang: p.original.lang, style: { color: colors.muted, marginLeft: 18 }, children: p.original.text },
    });
  }
  return el('div', { display: 'flex', alignItems: 'baseline' }, parts);
}

/** The layout, for satori: a card in the archive's colours and type. */
export function previewTree(c: PreviewContent): PreviewNode {
  const people = c.participants.map(participant);
  if (c.more) people.push(el('div', { display: 'flex', color: colors.muted }, c.more));
  return el(
    'div',
    {
      display: 'flex',
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      backgroundColor: colors.bg,
      borderLeft: `16px solid ${colors.accent}`,
      fontFamily: SANS,
      color: colors.text,
    },
    [
      el(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          width: '100%',
          padding: '56px 72px 48px 64px',
        },
        [
          el('div', { display: 'flex', flexDirection: 'column' }, [
            el(
              'div',
              { display: 'flex', fontSize: 24, letterSpacing: 2, textTransform: 'uppercase', color: colors.accent },
              c.kicker,
            ),
            el(
              'div',
              { fontFamily: SERIF, fontWeight: 700, fontSize: 52, lineHeight: 1.18, marginTop: 20, lineClamp: 3 },
              c.title,
            ),
            el('div', { display: 'flex', fontSize: 30, color: colors.muted, marginTop: 24 }, c.when),
          ]),
          el('div', { display: 'flex', flexDirection: 'column', fontSize: 30, gap: 6 }, people),
          el(
            'div',
            {
              display: 'flex',
              fontSize: 22,
              color: colors.muted,
              borderTop: `2px solid ${colors.border}`,
              paddingTop: 16,
            },
            c.siteName,
          ),
        ],
      ),
    ],
  );
}
