/**
 * Countries: every code ISO has assigned is accepted and named in French by CLDR, with the
 * archive's own names where they differ; codes that Intl names but ISO has not assigned are not.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cldrCountryName, countryCodes, countryName, isCountryCode, readCountryNames } from '#content/countries.ts';
import { personSchema } from '#content/schema.ts';

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const everyPair = [...letters].flatMap((a) => [...letters].map((b) => a + b));
const intl = new Intl.DisplayNames('fr', { type: 'region', fallback: 'none' });

describe('country codes', () => {
  test('the 249 codes ISO 3166-1 has assigned are accepted, each with a French name', () => {
    expect(countryCodes).toHaveLength(249);
    const accepted = everyPair.filter(isCountryCode);
    expect(accepted).toEqual(countryCodes);
    for (const code of accepted) expect(cldrCountryName(code), code).toMatch(/\S/);
  });

  test('codes that Intl names without ISO having assigned them are refused', () => {
    const namedByIntl = everyPair.filter((code) => intl.of(code) !== undefined);
    const notCountries = namedByIntl.filter((code) => !isCountryCode(code));
    // Intl names them (the fallback 'none' alone would accept them): the European Union, the
    // United Nations, the United Kingdom's non-ISO code, the Soviet Union, Kosovo, « unknown region ».
    expect(notCountries).toEqual(expect.arrayContaining(['EU', 'UN', 'UK', 'SU', 'XK', 'ZZ', 'EZ', 'QO']));
    for (const code of ['EU', 'UK', 'XK', 'ZZ', 'gb', 'GBR', 'G', '', 42]) expect(isCountryCode(code), String(code)).toBe(false);
  });

  test('a person from any country is accepted, and its code must be one ISO assigned', () => {
    const person = (country: unknown) => personSchema.safeParse({ name: 'Personne fictive', country }).success;
    expect(['FR', 'GB', 'US', 'BR', 'ZA', 'TW', 'PS'].map(person)).toEqual([true, true, true, true, true, true, true]);
    expect(['UK', 'EU', 'fr', 'FRA', 12].map(person)).toEqual([false, false, false, false, false]);
  });
});

describe('country names', () => {
  test('CLDR names a country unless content/countries.yaml names it otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'countries-'));
    writeFileSync(join(dir, 'countries.yaml'), 'BY: Bélarus\nCI: "Côte-d’Ivoire"\n');
    const names = readCountryNames(dir);
    expect(countryName('BY', names)).toBe('Bélarus');
    expect(countryName('CI', names)).toBe('Côte-d’Ivoire');
    expect(countryName('FR', names)).toBe('France');
    expect(countryName('BY', new Map())).toBe(cldrCountryName('BY'));
    expect(cldrCountryName('BY')).not.toBe('Bélarus');
  });

  test('no file, no override; the archive’s own file names Belarus as the seed does', () => {
    expect(readCountryNames(mkdtempSync(join(tmpdir(), 'countries-')))).toEqual(new Map());
    expect(countryName('BY')).toBe('Bélarus');
  });

  test('a code without a name is an error, never an empty name', () => {
    expect(() => countryName('EU', new Map())).toThrow(/sans nom français/);
  });
});
