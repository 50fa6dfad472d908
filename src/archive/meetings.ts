/**
 * Meetings: the talks a document reports. Each side publishes its own account, and what one
 * reports and the other leaves out is what researchers compare, so the archive keeps every
 * account as its own document, with its own date, participants, roles and topics as its text
 * states them, and links the accounts of one meeting by the id they share (`meeting`). A
 * document without that id is the one account the archive holds of its meeting.
 *
 * Lists and counts go by meeting: the accounts of one meeting sit together in every list, under
 * the meeting's first day (`listedOn`), and two people or two topics named together by several
 * accounts of one meeting share one meeting, not several (`unitOf`).
 */
import { spanOf, type DaySpan } from '#content/dates.ts';
import type { ReadoutData } from '#content/schema.ts';

/** What the grouping needs of a document. */
interface Account {
  id: string;
  data: Pick<ReadoutData, 'date' | 'dateEnd' | 'meeting'>;
}

/** A meeting the archive holds several accounts of (or one, named ahead of the others). */
export interface Meeting<R extends Account = Account> {
  /** The id the accounts share (`meeting` in their front matter), its page's address. */
  id: string;
  /** Its accounts, the earliest first (by their first day, then by id). */
  accounts: R[];
  /** From the first day any account gives to the last. */
  span: DaySpan;
}

/** The meetings of `readouts`, in no particular order, each with its accounts. */
export function groupMeetings<R extends Account>(readouts: readonly R[]): Map<string, Meeting<R>> {
  const meetings = new Map<string, Meeting<R>>();
  for (const readout of readouts) {
    const id = readout.data.meeting;
    if (id === undefined) continue;
    const span = spanOf(readout.data);
    const meeting = meetings.get(id);
    if (!meeting) meetings.set(id, { id, accounts: [readout], span });
    else {
      meeting.accounts.push(readout);
      if (span.start < meeting.span.start) meeting.span.start = span.start;
      if (span.end > meeting.span.end) meeting.span.end = span.end;
    }
  }
  for (const meeting of meetings.values()) meeting.accounts.sort(byFirstDay);
  return meetings;
}

const byFirstDay = (a: Account, b: Account) =>
  a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The unit a document counts for when meetings are counted: its meeting, or the document itself
 * when it is the one account of its meeting. The two kinds of id never meet (`m:`, `d:`).
 */
export function unitOf(readout: Account): string {
  return readout.data.meeting === undefined ? `d:${readout.id}` : `m:${readout.data.meeting}`;
}
