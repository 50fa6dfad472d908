/**
 * The schemas' issues as the archive's problems: zod's own messages are replaced where they
 * would puzzle an author (an unknown key lists the keys allowed, a missing field says so),
 * and the fields that hold a calendar day are read from the schemas themselves. This is the
 * one module that reads zod's internals (`_zod.def`): a change of zod's shape is fixed here.
 */
import type { z } from 'astro/zod';
import { calendarDate, collections, type CollectionName } from '../schema.ts';
import { fieldPath, type Report } from '../problem.ts';

type SchemaNode = { _zod: { def: Record<string, unknown> } };

/**
 * The fields of a schema that hold a calendar day (`calendarDate`), as paths with `[]` for
 * list items: `date`, `source.retrieved`. Read from the schema, so a new date field is known.
 */
export function dateFields(schema: z.ZodType): (field: string) => boolean {
  const found = new Set<string>();
  const visit = (node: SchemaNode, path: string): void => {
    if (node === (calendarDate as unknown)) {
      found.add(path);
      return;
    }
    const def = node._zod.def;
    if (def['innerType']) return visit(def['innerType'] as SchemaNode, path);
    if (def['type'] === 'array') return visit(def['element'] as SchemaNode, `${path}[]`);
    if (def['type'] === 'union') return (def['options'] as SchemaNode[]).forEach((o) => visit(o, path));
    if (def['type'] === 'object') {
      for (const [key, value] of Object.entries(def['shape'] as Record<string, SchemaNode>)) {
        visit(value, path ? `${path}.${key}` : key);
      }
    }
  };
  visit(schema as unknown as SchemaNode, '');
  return (field) => found.has(field.replace(/\[\d+\]/g, '[]'));
}


/** The date fields of each collection, by collection. */
export const DATE_FIELDS = Object.fromEntries(
  Object.entries(collections).map(([name, { schema }]) => [name, dateFields(schema)]),
) as Record<CollectionName, (field: string) => boolean>;

/** The keys a strict object accepts at `path` of `schema`, for the message about an unknown key. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: SchemaNode = schema as never;
  const unwrap = () => {
    for (;;) {
      const def = node._zod.def;
      if (def['innerType']) node = def['innerType'] as typeof node;
      else if (def['type'] === 'union') {
        const options = def['options'] as (typeof node)[];
        node = options.find((o) => o._zod.def['type'] === 'object') ?? options[0]!;
        if (node._zod.def['type'] !== 'object') return;
      } else return;
    }
  };
  for (const key of path) {
    unwrap();
    const def = node._zod.def;
    if (typeof key === 'number' && def['type'] === 'array') node = def['element'] as typeof node;
    else if (def['type'] === 'object') node = (def['shape'] as Record<string, typeof node>)[String(key)] ?? node;
  }
  unwrap();
  const shape = node._zod.def['shape'] as Record<string, unknown> | undefined;
  return shape ? Object.keys(shape) : [];
}

const TYPE_NAMES: Record<string, string> = {
  object: 'des champs « clé: valeur »',
  array: 'une liste',
  string: 'du texte',
  number: 'un nombre',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Schema issues as problems: one per issue, in French, an unknown key listing the accepted ones. */
export function schemaProblems(schema: z.ZodType, data: unknown, report: Report): boolean {
  const result = schema.safeParse(data ?? {});
  if (result.success) return true;
  const visit = (issue: z.core.$ZodIssue, prefix: PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    const field = fieldPath(path) || '(racine)';
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path).join(', ');
      for (const key of issue.keys) {
        report(fieldPath([...path, key]), `clé inconnue : le schéma n’a pas ce champ (champs permis : ${allowed})`);
      }
      return;
    }
    if (issue.code === 'invalid_union') {
      // Keep the branch that matches the kind of value written (an id, or an object).
      const branches = issue.errors.filter((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (branches.length === 1) return branches[0]!.forEach((i) => visit(i, path));
      if (issue.message === 'Invalid input') {
        return report(field, 'attendu : un identifiant (texte), ou des champs « clé: valeur »');
      }
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
      message = `attendu : ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    }
    if (valueAt(data, path) === undefined) message = `champ obligatoire absent (${message})`;
    report(field, message);
  };
  for (const issue of result.error.issues) visit(issue, []);
  return false;
}
