/**
 * Languages, by BCP 47 tag (`fr`, `en`, `zh-Hant`). A tag is accepted when it is written in
 * its canonical form and the runtime's CLDR data names it in French (`Intl.DisplayNames`), so
 * that archiving a text in a new language never means editing code, and every page, reference
 * and search index says the same language. The project pins its Node (and so its CLDR data).
 */

const names = new Intl.DisplayNames('fr', { type: 'language', fallback: 'none' });

/** The canonical form of a tag (`EN` → `en`), or `undefined` when it is not a well-formed BCP 47 tag. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The French name CLDR gives a language tag (`en` → « anglais »), or `undefined` when it has none. */
export function languageName(tag: string): string | undefined {
  const canonical = canonicalLanguage(tag);
  if (canonical === undefined || canonical !== tag) return undefined;
  return names.of(tag);
}

/** The French name of a tag the content accepted; throws, naming it, on one it would refuse. */
export function languageLabel(tag: string): string {
  const name = languageName(tag);
  if (name === undefined) throw new Error(`Langue sans nom français : « ${tag} »`);
  return name;
}

/** The primary language subtag: `zh-Hant` → `zh`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/**
 * Why `tag` is refused, in French, or `undefined` when it is accepted: not a tag, not in its
 * canonical form, or a language CLDR does not name.
 */
export function languageProblem(tag: string): string | undefined {
  const canonical = canonicalLanguage(tag);
  if (canonical === undefined) {
    return `« ${tag} » n’est pas une étiquette de langue BCP 47 : attendu par exemple « fr », « en », « ru » ou « zh-Hant »`;
  }
  if (canonical !== tag) return `attendu : « ${canonical} », la forme normale de l’étiquette « ${tag} »`;
  if (names.of(tag) === undefined) {
    return `langue inconnue : « ${tag} » n’a pas de nom dans les données CLDR ; attendu par exemple « fr », « en », « ru » ou « zh »`;
  }
  return undefined;
}
