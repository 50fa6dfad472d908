/**
 * The accounts of one meeting, checked together: the documents that name one `meeting` report
 * the same talks, so their days overlap; and two of them from one publisher in one language
 * are most likely the same text twice, or a new version of it, which the archivist should
 * look at (a warning: both may be right).
 */
import { isCalendarDate, spanOf, spansOverlap, type DaySpan } from '../dates.ts';
import { isId } from '../ids.ts';
import type { Problem } from '../problem.ts';
import type { ContentFile } from '../read.ts';

interface Account {
  path: string;
  span: DaySpan;
  publisher: string | undefined;
  language: string | undefined;
}

const recordAt = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const textAt = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const dayAt = (value: unknown): string | undefined =>
  typeof value === 'string' && isCalendarDate(value) ? value : undefined;

/** The account a document gives of its meeting, when it names one and its days are readable. */
function accountOf(file: ContentFile, data: unknown): { meeting: string; account: Account } | undefined {
  const doc = recordAt(data);
  const meeting = textAt(doc['meeting']);
  const date = dayAt(doc['date']);
  if (meeting === undefined || !isId(meeting) || date === undefined) return undefined;
  const end = dayAt(doc['dateEnd']);
  const source = recordAt(doc['source']);
  return {
    meeting,
    account: {
      path: file.path,
      span: spanOf({ date, dateEnd: end !== undefined && end > date ? end : undefined }),
      publisher: textAt(source['publisher'])?.trim(),
      language: textAt(doc['language']),
    },
  };
}

const days = (span: DaySpan) => (span.start === span.end ? span.start : `${span.start} – ${span.end}`);

/** The problems of the accounts of each meeting, given each document and its front matter (dates as text). */
export function meetingProblems(readouts: readonly { file: ContentFile; data: unknown }[]): Problem[] {
  const meetings = new Map<string, Account[]>();
  for (const { file, data } of readouts) {
    const found = accountOf(file, data);
    if (found === undefined) continue;
    const accounts = meetings.get(found.meeting);
    if (accounts) accounts.push(found.account);
    else meetings.set(found.meeting, [found.account]);
  }
  const problems: Problem[] = [];
  for (const [meeting, accounts] of meetings) {
    accounts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    accounts.forEach((account, i) => {
      for (const other of accounts.slice(0, i)) {
        if (!spansOverlap(account.span, other.span)) {
          problems.push({
            severity: 'error',
            file: account.path,
            field: 'meeting',
            message: `la rencontre « ${meeting} » est aussi celle de ${other.path} (${days(other.span)}), qui n’a aucun jour en commun avec ce compte rendu (${days(account.span)}) : deux comptes rendus d’une même rencontre en partagent au moins un ; corrigez la date, ou l’identifiant de la rencontre`,
          });
        } else if (
          account.publisher !== undefined &&
          account.publisher === other.publisher &&
          account.language === other.language
        ) {
          problems.push({
            severity: 'warning',
            file: account.path,
            field: 'meeting',
            message: `même rencontre, même éditeur (${account.publisher}) et même langue (${account.language}) que ${other.path} : un doublon, ou une nouvelle version du texte ? Gardez les deux seulement s’ils diffèrent`,
          });
        }
      }
    });
  }
  return problems;
}
