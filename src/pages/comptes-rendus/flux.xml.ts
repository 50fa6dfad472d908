import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '#data';
import { archiveFeed, rssOptions } from '#formats/feeds.ts';
import { absoluteUrls } from '#archive/urls.ts';

/** RSS feed of every document. */
export const GET: APIRoute = async ({ site }) => {
  const url = absoluteUrls(site!);
  return rss(rssOptions(archiveFeed(await getArchive(), url), url));
};
