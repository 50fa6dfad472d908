/**
 * The accounts of one meeting (`meeting` in their front matter), from the built site: the
 * meeting's page sets every account side by side and says what each names; each account links
 * the others; lists, the JSON API and the text's language say the same. Expectations come from
 * the content files: an archive without meetings has its list of meetings, empty, and nothing else.
 */
import { describe, expect, inject, test } from 'vitest';
import { meetingsOf, mentionIds, readouts, type TestReadout } from '../support/content.ts';
import type { HTMLElement } from 'node-html-parser';
import { page, text } from '../support/dist.ts';

const dist = () => inject('distDir');
const docs = readouts();
const meetings = [...meetingsOf(docs)];

test('the list of meetings links every meeting the documents name, and no other', () => {
  const listed = page(dist(), '/rencontres/')
    .querySelectorAll('main h2 a')
    .map((a) => a.getAttribute('href'));
  expect(listed.toSorted()).toEqual(meetings.map(([id]) => `/rencontres/${id}/`).toSorted());
});

test('an archive that names no meeting says so on the list', () => {
  const main = text(page(dist(), '/rencontres/').querySelector('main')!);
  expect(main.includes('aucun entretien')).toBe(meetings.length === 0);
});

/** How an account names a person: taking part, only mentioned, or not at all (the cell's first words). */
const presence = (doc: TestReadout, person: string) =>
  doc.data.participants.some((p) => p.person === person)
    ? 'prend part'
    : mentionIds(doc).includes(person)
      ? 'mention seulement'
      : 'non';

describe.each(meetings)('the meeting %s', (id, accounts) => {
  const html = () => page(dist(), `/rencontres/${id}/`);
  /** The comparison's table of one kind of record, by its caption's id. */
  const tableOf = (kind: string) => html().querySelector(`#table-${kind}`)!.parentNode as HTMLElement;
  const ordered = accounts.toSorted((a, b) => a.data.date.localeCompare(b.data.date) || (a.id < b.id ? -1 : 1));

  test('its page links every account, the earliest first', () => {
    const links = html()
      .querySelectorAll('section[aria-labelledby="comptes-rendus"] h3 a')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(ordered.map((d) => `/comptes-rendus/${d.id}/`));
  });

  test('each account’s page links the other accounts and the meeting', () => {
    for (const doc of accounts) {
      const section = page(dist(), `/comptes-rendus/${doc.id}/`).querySelector(
        'section[aria-labelledby="autres-comptes-rendus"]',
      );
      if (accounts.length === 1) {
        expect(section, doc.id).toBeNull();
        continue;
      }
      const links = section!.querySelectorAll('a').map((a) => a.getAttribute('href'));
      for (const other of accounts.filter((d) => d !== doc))
        expect(links, doc.id).toContain(`/comptes-rendus/${other.id}/`);
      expect(links, doc.id).toContain(`/rencontres/${id}/`);
      expect(links, doc.id).not.toContain(`/comptes-rendus/${doc.id}/`);
    }
  });

  test.runIf(accounts.length > 1)('its table of people says how each account names each person', () => {
    const rows = tableOf('personnes').querySelectorAll('tbody tr');
    const people = new Set(ordered.flatMap((d) => [...d.data.participants.map((p) => p.person), ...mentionIds(d)]));
    expect(rows.map((r) => r.querySelector('th a')!.getAttribute('href')).toSorted()).toEqual(
      [...people].map((p) => `/personnes/${p}/`).toSorted(),
    );
    for (const row of rows) {
      const person = row.querySelector('th a')!.getAttribute('href')!.split('/')[2]!;
      const cells = row.querySelectorAll('td').map((td) => text(td));
      expect(
        cells.slice(0, ordered.length).map((c) => c.replace(/ \(.*$/, '')),
        person,
      ).toEqual(ordered.map((d) => presence(d, person)));
      // A difference is marked exactly where the accounts disagree.
      const agree = new Set(ordered.map((d) => presence(d, person))).size === 1;
      expect(cells.at(-1) === '—', person).toBe(agree);
    }
  });

  test.runIf(accounts.length > 1)('its table of topics says which account names each topic', () => {
    const rows = tableOf('themes').querySelectorAll('tbody tr');
    for (const row of rows) {
      const topic = row.querySelector('th a')!.getAttribute('href')!.split('/')[2]!;
      const cells = row.querySelectorAll('td').map((td) => text(td));
      expect(cells.slice(0, ordered.length), topic).toEqual(
        ordered.map((d) => (d.data.topics.includes(topic) ? 'oui' : 'non')),
      );
    }
  });
});

describe.each(docs.map((d) => [d.id, d] as const))('%s', (id, doc) => {
  test('its text and the roles quoted from it carry its language; the page stays French', () => {
    const html = page(dist(), `/comptes-rendus/${id}/`);
    expect(html.querySelector('html')!.getAttribute('lang')).toBe('fr');
    expect(html.querySelector('div.body')!.getAttribute('lang')).toBe(doc.data.language);
    // Each role is shown in an element marked with the document's language.
    const marked = html.querySelectorAll(`main [lang="${doc.data.language}"]`).map((el) => text(el));
    for (const { role } of doc.data.participants) expect(marked, role).toContain(role);
  });
});
