/**
 * The people a document names, read in one place: its participants, then the people it
 * mentions (a mention written as a bare id or with its fields), each with the field that names
 * them. The validator reads the raw front matter with it (`validate/references.ts`), the
 * archive model the parsed entries (`src/archive/archive.ts`), so both see the same people in
 * the same order.
 */

/** A person a document names, and how. */
export interface NamedPerson {
  /** The id of the person's record. */
  person: string;
  /** The field that names them: `participants[0].person`, `mentions[1]`. */
  field: string;
  /** Whether they take part (a participant) or are only mentioned. */
  participant: boolean;
  /** The role the text gives a participant. */
  role?: string | undefined;
  /** The words the text uses for them. */
  designation?: string | undefined;
  /** The archive's note on how it identified a person the text does not name. */
  note?: string | undefined;
}

const listAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const recordAt = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const textAt = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The people `data` names, participants first, in the document's order. Items without a
 * person id written as text are left out: the schema reports them.
 */
export function peopleNamed(data: unknown): NamedPerson[] {
  const doc = recordAt(data);
  const named: NamedPerson[] = [];
  listAt(doc['participants']).forEach((item, i) => {
    const p = recordAt(item);
    const person = textAt(p['person']);
    if (person === undefined) return;
    named.push({
      person,
      field: `participants[${i}].person`,
      participant: true,
      role: textAt(p['role']),
      designation: textAt(p['designation']),
    });
  });
  listAt(doc['mentions']).forEach((item, i) => {
    if (typeof item === 'string') {
      named.push({ person: item, field: `mentions[${i}]`, participant: false });
      return;
    }
    const m = recordAt(item);
    const person = textAt(m['person']);
    if (person === undefined) return;
    named.push({
      person,
      field: `mentions[${i}].person`,
      participant: false,
      designation: textAt(m['designation']),
      note: textAt(m['note']),
    });
  });
  return named;
}
