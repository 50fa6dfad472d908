/**
 * The preview image of a document (what a link shows when shared): its title, date, place
 * and participants, in the names' own scripts as well. This module only describes the image:
 * what it shows (`PreviewContent`), the card's colours and margins (`previewLayout`) and the
 * key it is cached under (`previewKey`). The other modules of this folder draw it (`draw.ts`) and cache it (`cache.ts`).
 */
import { createHash } from 'node:crypto';
import { countryName } from '#content/countries.ts';
import { t, tCount } from '#i18n/index.ts';
import { recordsOf, type Archive, type Readout } from '#archive/archive.ts';
import { formatSpan } from '#i18n/dates.ts';
import { formatLabel } from '#archive/formats.ts';

/** The size social sites expect for a large preview. */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** The cache's folder, under Astro's cache folder (`cacheDir`). */
export const PREVIEW_CACHE_SUBDIR = 'readout-archive/previews';

/** How many participants the image names; the others are counted. With more rows, the title would have one line. */
const MAX_PARTICIPANTS = 3;

export interface PreviewName {
  name: string;
  /** The name in its own script, with its language, when the record gives it. */
  original?: { text: string; lang: string };
}

/** Everything the image shows, as text: the cache key is made from it. */
export interface PreviewContent {
  kicker: string;
  title: string;
  /** Date and place (or, for a call, its form), as one line. */
  when: string;
  participants: PreviewName[];
  /** « + 2 autres personnes », when some participants are left out. */
  more?: string;
  siteName: string;
}

/** The participants an image names, in the document's order. */
const shown = (readout: Readout, archive: Archive) =>
  recordsOf(readout, archive)
    .participants.slice(0, MAX_PARTICIPANTS)
    .map(({ person }) => person);

/** What the preview of `readout` shows. */
export function previewContent(readout: Readout, archive: Archive): PreviewContent {
  const { data } = readout;
  const { place, participants } = recordsOf(readout, archive);
  const left = participants.length - MAX_PARTICIPANTS;
  return {
    kicker: t('preview.kicker'),
    title: data.title,
    when: place
      ? t('preview.when', {
          date: formatSpan(data.date, data.dateEnd),
          place: place.data.name,
          country: countryName(place.data.country),
        })
      : t('preview.whenCall', { date: formatSpan(data.date, data.dateEnd), format: formatLabel(data.format) }),
    participants: shown(readout, archive).map(({ data: person }): PreviewName => ({
      name: person.name,
      ...(person.nameOriginal !== undefined &&
        person.nameOriginalLang !== undefined && {
          original: { text: person.nameOriginal, lang: person.nameOriginalLang },
        }),
    })),
    ...(left > 0 && { more: tCount('morePeople', left) }),
    siteName: t('site.name'),
  };
}

/** A text of the image that an author wrote: the file and the field it comes from. */
export interface PreviewSource {
  text: string;
  file: string;
  field: string;
}

/**
 * The texts of `readout`'s image that come from `content/` (its title, its place's name, its
 * participants' names), with their files and fields, so that a character no font draws can be
 * traced to where it is written. The rest of the image is the interface's French.
 */
export function previewSources(readout: Readout, archive: Archive): PreviewSource[] {
  const file = (entry: { id: string; filePath?: string | undefined }) => entry.filePath ?? entry.id;
  const { place } = recordsOf(readout, archive);
  return [
    { text: readout.data.title, file: file(readout), field: 'title' },
    ...(place ? [{ text: place.data.name, file: file(place), field: 'name' }] : []),
    ...shown(readout, archive).flatMap((person) => [
      { text: person.data.name, file: file(person), field: 'name' },
      ...(person.data.nameOriginal === undefined
        ? []
        : [{ text: person.data.nameOriginal, file: file(person), field: 'nameOriginal' }]),
    ]),
  ];
}

/**
 * The cache key: a hash of what the image shows and of how it is drawn (`drawing`: a digest of
 * the fonts and of the code that lays out and draws the card, see `fonts.ts`).
 */
export function previewKey(content: PreviewContent, drawing: string): string {
  return createHash('sha256').update(JSON.stringify({ drawing, content })).digest('hex');
}

/** The card: the archive's colours, its margins and the accent bar on its left edge, in pixels. */
export const previewLayout = {
  colors: { bg: '#fdfcf9', text: '#1c1b19', muted: '#57534a', accent: '#8a2c1c', border: '#d6d1c4' },
  padding: { top: 56, right: 72, bottom: 48, left: 64 },
  border: 16,
} as const;
