import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '#data';
import { feedKey, personFeed, readoutsConcerning, rssOptions } from '#formats/feeds.ts';
import { absoluteUrls } from '#archive/urls.ts';

/** RSS feed that follows one person: the newest documents they take part in or that mention them. */
export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.people.map((person) => ({
    params: { id: person.id },
    cacheKey: feedKey(person.data.name, readoutsConcerning(archive, person.id), archive),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const url = absoluteUrls(site!);
  return rss(rssOptions(personFeed(await getArchive(), params.id!, url), url));
};
