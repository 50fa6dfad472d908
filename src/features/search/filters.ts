/**
 * The filters of the search index: their names, which are both the index's filter names
 * (`data-pagefind-filter`, `SearchRecord.astro`) and what the search page shows, and the first
 * choice of each list on the page, in the order shown.
 */
import { t } from '#i18n/index.ts';

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
