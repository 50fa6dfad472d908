/**
 * People in the order an index puts them, as libraries do: by family name, then given names.
 * A record may say how to sort it (`sortName`, family name first: « Wang, Yi », « Le Drian,
 * Jean-Yves »); otherwise the family name is the last word of the name as French texts write it
 * (« Sergueï Aleïnik » is sorted as « Aleïnik, Sergueï »), which holds for most European names
 * and is wrong for Chinese ones, where the family name comes first (Wang Yi, Xi Jinping).
 */
import type { PersonData } from '#content/schema.ts';

type Named = Pick<PersonData, 'name' | 'sortName'>;

/** « Aleïnik, Sergueï »: the person's name as an index sorts it. */
export function sortName({ name, sortName }: Named): string {
  if (sortName !== undefined) return sortName;
  const words = name.trim().split(/\s+/);
  return words.length < 2 ? name : `${words.at(-1)}, ${words.slice(0, -1).join(' ')}`;
}

/** The family name: what comes before the comma of the sort name (the whole sort name if it has none). */
export function familyName(person: Named): string {
  return sortName(person).split(',')[0]!.trim();
}

/**
 * The name cut around its family name, so that a page can set it apart (small capitals, as
 * French indexes do): `['Sergueï ', 'Aleïnik', '']`, `['', 'Wang', ' Yi']`; the whole name as
 * `before` when the family name is not found in it.
 */
export function nameParts(person: Named): [before: string, family: string, after: string] {
  const family = familyName(person);
  const at = person.name.lastIndexOf(family);
  if (family === '' || at < 0) return [person.name, '', ''];
  return [person.name.slice(0, at), family, person.name.slice(at + family.length)];
}
