import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../../data.ts';
import { archiveFeed, rssOptions } from '../../lib/feeds.ts';
import { absoluteUrls } from '../../lib/urls.ts';

/** RSS feed of every document. */
export const GET: APIRoute = async ({ site }) => {
  const url = absoluteUrls(site!);
  return rss(rssOptions(archiveFeed(await getArchive(), url), url));
};
