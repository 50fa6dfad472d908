/**
 * Countries, by ISO 3166-1 alpha-2 code. Which codes exist comes from the `iso-3166` package
 * (the codes ISO has assigned, kept up to date by its maintainer); their French names come
 * from the runtime's CLDR data (`Intl.DisplayNames`), so that adding a person from a new
 * country never means editing code. `Intl` alone cannot tell a country: it also names
 * `EU`, `UN`, `UK`, `SU`, `XK` or `ZZ`, which are not assigned codes and are refused here.
 *
 * Where the archive writes a name otherwise than CLDR (`BY`: « Bélarus », CLDR « Biélorussie »),
 * `content/countries.yaml` says so, one `CODE: Nom` line per difference, and nothing else.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { iso31661 } from 'iso-3166';
import { contentDirOf } from './folder.ts';
import { readText } from './text-file.ts';
import { parseYaml } from './yaml.ts';

/** Every assigned ISO 3166-1 alpha-2 code, in alphabetical order. */
export const countryCodes: readonly string[] = iso31661.map((c) => c.alpha2).sort();
const assigned = new Set(countryCodes);

/** Whether `code` is an ISO 3166-1 alpha-2 code that ISO has assigned to a country or territory. */
export function isCountryCode(code: unknown): code is string {
  return typeof code === 'string' && assigned.has(code);
}

const cldr = new Intl.DisplayNames('fr', { type: 'region', fallback: 'none' });

/** The French name CLDR gives an assigned code, or `undefined` (the runtime lacks it). */
export function cldrCountryName(code: string): string | undefined {
  return isCountryCode(code) ? cldr.of(code) : undefined;
}

/** The file of the archive's own names, in the content folder. */
export const COUNTRY_NAMES_FILE = 'countries.yaml';

/** The names the archive writes otherwise than CLDR, by code, as `content/countries.yaml` holds them. */
export type CountryNames = ReadonlyMap<string, string>;

/**
 * Reads `countries.yaml` of `contentDir` leniently: what is not a `CODE: text` pair is left
 * out (the validator, `validate/countries.ts`, reports it before any build).
 */
export function readCountryNames(contentDir: string): CountryNames {
  const file = join(contentDir, COUNTRY_NAMES_FILE);
  if (!existsSync(file)) return new Map();
  const read = readText(file);
  if ('unreadable' in read) return new Map();
  const { data } = parseYaml(read.text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return new Map();
  return new Map(
    Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''),
  );
}

const byFolder = new Map<string, CountryNames>();

/** The archive's own names for this run's content folder (`CONTENT_DIR`), read once. */
export function countryNames(contentDir: string = contentDirOf()): CountryNames {
  let names = byFolder.get(contentDir);
  if (!names) byFolder.set(contentDir, (names = readCountryNames(contentDir)));
  return names;
}

/** The French name of a country: the archive's own (`content/countries.yaml`), else CLDR's. */
export function countryName(code: string, names: CountryNames = countryNames()): string {
  const name = names.get(code) ?? cldrCountryName(code);
  if (name === undefined) throw new Error(`Pays sans nom français : « ${code} » (ajoutez-le à content/${COUNTRY_NAMES_FILE})`);
  return name;
}
