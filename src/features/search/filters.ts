/**
 * The filters of the search index: their names, which are both the index's filter names
 * (`data-pagefind-filter`, `SearchRecord.astro`) and what the search page shows, and the first
 * choice of each list on the page, in the order shown; and the messages of the page's script.
 */
import { t, type MessageKey, type Plural } from '#i18n/index.ts';
import type { SearchMessages } from './client/page.ts';

export const filterNames = {
  person: t('search.filter.person'),
  topic: t('search.filter.topic'),
  place: t('search.filter.place'),
  year: t('search.filter.year'),
  format: t('search.filter.format'),
  language: t('search.filter.language'),
};

export const searchFilters: { name: string; any: string }[] = [
  { name: filterNames.person, any: t('search.filter.person.any') },
  { name: filterNames.topic, any: t('search.filter.topic.any') },
  { name: filterNames.place, any: t('search.filter.place.any') },
  { name: filterNames.year, any: t('search.filter.year.any') },
  { name: filterNames.format, any: t('search.filter.format.any') },
  { name: filterNames.language, any: t('search.filter.language.any') },
];

/** The script fills in `{count}` and `{term}` itself. */
const slots = { count: '{count}', term: '{term}' };
/** A message in its two plural forms, left for the script to choose (`Intl.PluralRules`). */
const forms = (key: Plural) => ({
  one: t(`${key}.one` as MessageKey, slots),
  other: t(`${key}.other` as MessageKey, slots),
});

/** Every word the search page's script shows, from the dictionary (its `data-messages`). */
export function searchMessages(): SearchMessages {
  return {
    count: forms('search.count'),
    countFiltered: forms('search.countFiltered'),
    none: t('search.none', slots),
    noneFiltered: t('search.noneFiltered', slots),
    more: t('search.more', slots),
    failed: t('search.failed'),
    filters: searchFilters.map(({ name, any }) => ({ name, any })),
    personFilter: filterNames.person,
    personDocuments: forms('search.personDocuments'),
    peopleFound: forms('search.people.found'),
  };
}
