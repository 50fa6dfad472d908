/** Countries the archive names, by ISO 3166-1 alpha-2 code, with their French names. */
export const countries = {
  BY: 'Bélarus',
  CN: 'Chine',
  KZ: 'Kazakhstan',
} as const;

export type CountryCode = keyof typeof countries;
export const countryCodes = Object.keys(countries) as [CountryCode, ...CountryCode[]];
