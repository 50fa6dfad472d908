import { fr } from './fr.ts';

export type MessageKey = keyof typeof fr;

/** The French string for `key`, with each `{name}` replaced by `params.name`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fr[key].replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`t('${key}') : valeur manquante pour {${name}}`);
    return String(value);
  });
}

type Countable = MessageKey extends infer K ? (K extends `count.${infer Name}.one` ? Name : never) : never;

/** A message written in two plural forms, `<key>.one` and `<key>.other`, by its key. */
export type Plural = MessageKey extends infer K ? (K extends `${infer Key}.one` ? Key : never) : never;

const plural = new Intl.PluralRules('fr');

/** « 1 document », « 2 documents »: French plural rules (0 and 1 take the singular). */
export function tCount(name: Countable, count: number): string {
  const form = plural.select(count) === 'one' ? 'one' : 'other';
  return t(`count.${name}.${form}` as MessageKey, { count });
}
