import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '#data';
import { feedKey, rssOptions, topicFeed } from '#formats/feeds.ts';
import { absoluteUrls } from '#archive/urls.ts';

/** RSS feed that follows one topic. */
export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.topics.map((topic) => ({
    params: { id: topic.id },
    cacheKey: feedKey(topic.data.label, archive.readoutsOnTopic.get(topic.id) ?? [], archive),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const url = absoluteUrls(site!);
  return rss(rssOptions(topicFeed(await getArchive(), params.id!, url), url));
};
