/**
 * The static JSON API: what each file under `/api/` holds, built from the archive. Every file
 * names its JSON Schema (`public/api/schemas/`) in `$schema`. Shapes are fixed: every key is
 * always present, `null` when the archive has nothing to say; keys come in the order written
 * here and lists in the archive's order, so two builds of the same content give the same bytes.
 */
import { citable, formatCitation } from './citation.ts';
import { meetingOf, need, recordsOf, type Archive, type Readout } from '#archive/archive.ts';
import type { MeetingView } from '#archive/meeting-page.ts';
import { routes, type Absolute, type ApiSchemaName } from '#archive/urls.ts';
import { formatLabel } from '#archive/formats.ts';

/** The text of an API file: indented by two spaces, ending with a line feed. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const schema = (name: ApiSchemaName, url: Absolute) => url(routes.apiSchema(name));

/** `/api/comptes-rendus.json`: every document, newest first, with the ids of what it links to. */
export function readoutsIndex(archive: Archive, fixity: Map<string, string>, url: Absolute) {
  return {
    $schema: schema('comptes-rendus', url),
    count: archive.readouts.length,
    readouts: archive.readouts.map((r) => ({
      id: r.id,
      url: url(routes.readout(r.id)),
      data: url(routes.apiReadout(r.id)),
      title: r.data.title,
      date: r.data.date,
      dateEnd: r.data.dateEnd ?? null,
      language: r.data.language,
      format: r.data.format,
      meeting: r.data.meeting ?? null,
      place: r.data.place ?? null,
      participants: r.data.participants.map((p) => p.person),
      mentions: r.data.mentions.map((m) => m.person),
      topics: [...r.data.topics],
      sha256: need(fixity, r.id, 'Empreinte du document'),
    })),
  };
}

export interface ReadoutText {
  /** The Markdown body as stored, the text that `sha256` is computed from. */
  markdown: string;
  sha256: string;
}

/** `/api/comptes-rendus/<id>.json`: one document in full, its text included. */
export function readoutRecord(readout: Readout, archive: Archive, text: ReadoutText, url: Absolute) {
  const { id, data } = readout;
  const { place, participants, mentions, topics } = recordsOf(readout, archive);
  const meeting = meetingOf(readout, archive);
  const permalink = url(routes.readout(id));
  return {
    $schema: schema('compte-rendu', url),
    id,
    url: permalink,
    title: data.title,
    date: data.date,
    dateEnd: data.dateEnd ?? null,
    language: data.language,
    event: data.event ?? null,
    format: { id: data.format, label: formatLabel(data.format), url: url(routes.readoutsInFormat(data.format)) },
    meeting: meeting
      ? {
          id: meeting.id,
          url: url(routes.meeting(meeting.id)),
          data: url(routes.apiMeeting(meeting.id)),
          accounts: meeting.accounts.map((r) => r.id),
        }
      : null,
    place: place
      ? { id: place.id, name: place.data.name, country: place.data.country, url: url(routes.place(place.id)) }
      : null,
    participants: participants.map((p) => ({
      id: p.person.id,
      name: p.person.data.name,
      role: p.role,
      designation: p.designation ?? null,
      url: url(routes.person(p.person.id)),
    })),
    mentions: mentions.map((m) => ({
      id: m.person.id,
      name: m.person.data.name,
      designation: m.designation ?? null,
      note: m.note ?? null,
      url: url(routes.person(m.person.id)),
    })),
    topics: topics.map((topic) => ({
      id: topic.id,
      label: topic.data.label,
      kind: topic.data.kind,
      url: url(routes.topic(topic.id)),
    })),
    source: data.source
      ? {
          publisher: data.source.publisher,
          url: data.source.url ?? null,
          published: data.source.published ?? null,
          modified: data.source.modified ?? null,
          retrieved: data.source.retrieved ?? null,
          via: data.source.via ? { name: data.source.via.name, url: data.source.via.url ?? null } : null,
        }
      : null,
    citation: formatCitation(citable(readout, archive, permalink)),
    sha256: text.sha256,
    text: text.markdown,
    files: {
      source: url(routes.readoutSource(id)),
      csl: url(routes.readoutCitation(id, 'json')),
      bibtex: url(routes.readoutCitation(id, 'bib')),
      ris: url(routes.readoutCitation(id, 'ris')),
    },
  };
}

/** `/api/personnes.json`: every person, with the documents they take part in or are mentioned by. */
export function peopleIndex(archive: Archive, url: Absolute) {
  return {
    $schema: schema('personnes', url),
    count: archive.people.length,
    people: archive.people.map(({ id, data }) => ({
      id,
      url: url(routes.person(id)),
      feed: url(routes.personFeed(id)),
      name: data.name,
      nameOriginal: data.nameOriginal ?? null,
      nameOriginalLang: data.nameOriginalLang ?? null,
      country: data.country,
      description: data.description ?? null,
      aliases: [...data.aliases],
      participations: (archive.participationsOf.get(id) ?? []).map((p) => ({ readout: p.readout.id, role: p.role })),
      mentions: (archive.mentionsOf.get(id) ?? []).map((m) => m.readout.id),
    })),
  };
}

/** `/api/themes.json`: every topic, with its documents. */
export function topicsIndex(archive: Archive, url: Absolute) {
  return {
    $schema: schema('themes', url),
    count: archive.topics.length,
    topics: archive.topics.map(({ id, data }) => ({
      id,
      url: url(routes.topic(id)),
      feed: url(routes.topicFeed(id)),
      label: data.label,
      kind: data.kind,
      description: data.description,
      aliases: [...data.aliases],
      readouts: (archive.readoutsOnTopic.get(id) ?? []).map((r) => r.id),
    })),
  };
}

/** `/api/lieux.json`: every place, with the documents of meetings held there. */
export function placesIndex(archive: Archive, url: Absolute) {
  return {
    $schema: schema('lieux', url),
    count: archive.places.length,
    places: archive.places.map(({ id, data }) => ({
      id,
      url: url(routes.place(id)),
      name: data.name,
      nameOriginal: data.nameOriginal ?? null,
      nameOriginalLang: data.nameOriginalLang ?? null,
      country: data.country,
      aliases: [...data.aliases],
      readouts: (archive.readoutsAtPlace.get(id) ?? []).map((r) => r.id),
    })),
  };
}

/** `/api/rencontres.json`: every meeting the archive names, newest first, with its accounts. */
export function meetingsIndex(archive: Archive, url: Absolute) {
  return {
    $schema: schema('rencontres', url),
    count: archive.meetings.length,
    meetings: archive.meetings.map((m) => ({
      id: m.id,
      url: url(routes.meeting(m.id)),
      data: url(routes.apiMeeting(m.id)),
      start: m.span.start,
      end: m.span.end,
      accounts: m.accounts.map((r) => ({
        id: r.id,
        language: r.data.language,
        publisher: r.data.source?.publisher ?? null,
      })),
    })),
  };
}

/** `/api/rencontres/<id>.json`: a meeting's accounts side by side, and what each names. */
export function meetingRecord(view: MeetingView, url: Absolute) {
  const rows = (list: MeetingView['people']) =>
    list.map((row) => ({
      id: row.id,
      name: row.name,
      in: row.cells.map((c) => (c.status === 'absent' ? null : c.status)),
      difference: row.difference ?? null,
    }));
  return {
    $schema: schema('rencontre', url),
    id: view.id,
    url: url(routes.meeting(view.id)),
    title: view.title,
    start: view.start,
    end: view.end,
    place: view.place?.id ?? null,
    accounts: view.accounts.map((a, i) => ({
      id: a.id,
      url: url(routes.readout(a.id)),
      data: url(routes.apiReadout(a.id)),
      name: view.accountNames[i]!,
      title: a.title,
      date: a.date,
      dateEnd: a.dateEnd ?? null,
      publisher: a.publisher ?? null,
      language: a.language,
      published: a.published ?? null,
      words: a.words,
    })),
    people: rows(view.people),
    topics: rows(view.topics),
    places: rows(view.places),
  };
}

/** An API file as an endpoint's response. */
export function jsonResponse(value: unknown): Response {
  return new Response(toJson(value), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
