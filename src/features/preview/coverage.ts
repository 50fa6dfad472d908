/**
 * Whether the fonts of the previews draw every character that `content/` puts in them. A
 * character that no font has would be left out of the image, silently; instead, every build
 * says, for each file and field that writes one, which script lacks a font, which characters,
 * in how many images, and how to add the font (`scripts/subset-fonts.py`, which finds among
 * Debian's Noto fonts one for each script `content/` writes). Checked each build, cached
 * images included, until the fonts are there.
 */
import { fontsIn, uncovered } from './fonts.ts';
import type { PreviewSource } from './content.ts';
import { scriptName, scriptOf } from './scripts.ts';

/** What to do when a script has no font: the command that regenerates the fonts, and where it is explained. */
export const FONT_FIX =
  'pour dessiner ces caractères, installez les polices Noto et fontTools ' +
  '(apt-get install fonts-noto-core fonts-noto-cjk fonttools python3-brotli), ' +
  'lancez /usr/bin/python3 scripts/subset-fonts.py, qui ajoute à src/assets/fonts/ une police pour chaque écriture ' +
  'de content/, et versionnez ces polices (docs/data.md, « Fonts »)';

/**
 * One line per file and field of `content/` with characters no font of `fontsDir` has, for the
 * images of `previews` (each image's route, and the texts it shows from `content/`).
 */
export function missingGlyphs(
  previews: Iterable<{ route: string; sources: PreviewSource[] }>,
  fontsDir: string,
): string[] {
  const fonts = fontsIn(fontsDir);
  const found = new Map<string, { file: string; field: string; chars: Set<string>; routes: string[] }>();
  for (const { route, sources } of previews) {
    for (const { text, file, field } of sources) {
      const chars = uncovered(fonts, text);
      if (chars.length === 0) continue;
      const key = `${file}\u0000${field}`;
      let entry = found.get(key);
      if (!entry) found.set(key, (entry = { file, field, chars: new Set(), routes: [] }));
      for (const char of chars) entry.chars.add(char);
      if (entry.routes.at(-1) !== route) entry.routes.push(route);
    }
  }
  return [...found.values()].map(({ file, field, chars, routes }) => {
    const scripts = [...new Set([...chars].map(scriptOf))].map(scriptName);
    const images = routes.length === 1 ? `l’aperçu ${routes[0]}` : `${routes.length} aperçus, dont ${routes[0]}`;
    const writing = scripts.length === 1 ? `l’écriture ${scripts[0]}` : `les écritures ${scripts.join(', ')}`;
    return (
      `${file}, champ ${field} : aucune police des aperçus ne dessine ${writing} ` +
      `(« ${[...chars].join(' ')} »), absente de ${images} ; ${FONT_FIX}.`
    );
  });
}
