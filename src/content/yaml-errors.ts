/**
 * The YAML parser's errors as an author needs them: in French, saying how to fix the line, and
 * placed by the line of the file (`yaml.ts` adds the lines above a document's frontmatter).
 * The parser's own words (English, with a column) are left out: the line is enough to look,
 * and the message says what to look for.
 */
import type { YAMLError } from 'yaml';

/** How to write a value that YAML would otherwise misread. */
const QUOTE_IT =
  'une valeur qui contient « : » ou « # », ou qui commence par « [ », « { », « * », « & », « ! », « | », « > » ou « @ », s’écrit entre guillemets';

const duplicateKey = (key: string | undefined) =>
  `clé${key ? ` « ${key} »` : ''} écrite deux fois dans le même bloc : n’en gardez qu’une`;

/** The message for a key written twice in one mapping (`yaml.ts` finds them). */
export function duplicateKeyMessage(key: string): string {
  return `YAML illisible : ${duplicateKey(key)}`;
}

/** The explanation of one parser error, without its line. */
function explain(error: YAMLError, source: string): string {
  const line = error.linePos ? (source.split(/\r?\n/)[error.linePos[0].line - 1] ?? '') : '';
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(line)?.[1];
      return duplicateKey(key);
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) {
        return 'guillemet non fermé (ouvert à cette ligne ou plus haut) : terminez la valeur par le guillemet qui l’ouvre';
      }
      if (/indicator/i.test(error.message)) {
        return 'élément de liste sans tiret, ou mal aligné : commencez chaque élément par « - », aligné sur les autres';
      }
      return 'crochet « [ » ou accolade « { » non fermé (ouvert à cette ligne ou plus haut) : fermez-le par « ] » ou « } »';
    case 'BAD_INDENT':
    case 'TAB_AS_INDENT':
      return /\]|\}/.test(error.message)
        ? 'crochet « [ » ou accolade « { » non fermé (ouvert à cette ligne ou plus haut) : fermez-le par « ] » ou « } »'
        : 'indentation incorrecte : alignez la ligne sur les clés de même niveau, avec des espaces (jamais de tabulation)';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
    case 'BAD_SCALAR_START':
    case 'BLOCK_IN_FLOW':
      return `ligne incomprise : attendu « clé: valeur », la clé alignée sur celles de même niveau ; ${QUOTE_IT}`;
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return 'balise YAML inconnue (« !… ») : retirez-la, une valeur s’écrit en texte';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
      return `ancre ou alias YAML (« & », « * ») : écrivez la valeur en entier ; ${QUOTE_IT}`;
    case 'BAD_DQ_ESCAPE':
      return 'échappement inconnu entre guillemets doubles (« \\ » suivi d’une lettre) : doublez la barre oblique inverse, ou écrivez la valeur entre guillemets simples';
    case 'MULTIPLE_DOCS':
      return 'une ligne « --- » ouvre un second document YAML : il n’en faut qu’un';
    default:
      return `syntaxe incorrecte (${error.code}) : vérifiez cette ligne ; ${QUOTE_IT}`;
  }
}

/** A parser error in French, with the line of the file it is on (`firstLine`: the file's line of the text's first line). */
export function frenchYamlError(error: YAMLError, source: string, firstLine = 1): { message: string; line?: number } {
  const message = `YAML illisible : ${explain(error, source)}`;
  const at = error.linePos?.[0].line;
  if (at === undefined) return { message };
  // What is left open at the end of the text (a list, a quote) is reported past its last line.
  const lines = source.split(/\r?\n/);
  let last = lines.length;
  while (last > 1 && lines[last - 1]!.trim() === '') last--;
  return { message, line: Math.min(at, last) + firstLine - 1 };
}

/** The field a YAML error is reported at: its line of the file, when known. */
export function yamlErrorField(line: number | undefined): string {
  return line === undefined ? '(YAML)' : `ligne ${line}`;
}
