import type { APIRoute, GetStaticPaths } from 'astro';
import { getMeetingViews } from '#data';
import { jsonResponse, meetingRecord } from '#formats/api.ts';
import type { MeetingView } from '#archive/meeting-page.ts';
import { absoluteUrls } from '#archive/urls.ts';
import { pageKey } from '#archive/page-keys.ts';

export const getStaticPaths = (async () =>
  [...(await getMeetingViews()).values()].map((view) => ({
    params: { id: view.id },
    props: { view },
    cacheKey: pageKey(view),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ view: MeetingView }> = ({ props, site }) =>
  jsonResponse(meetingRecord(props.view, absoluteUrls(site!)));
