/**
 * The part of citation-js this project uses. The packages ship no types; these cover the calls
 * made in `src/formats/citation.ts` and nothing more.
 */
declare module '@citation-js/core' {
  export class Cite {
    /** CSL-JSON items, or the text of a reference file (BibTeX, RIS) to read. */
    constructor(data: string | object | object[]);
    /** The items read, as CSL-JSON. */
    data: object[];
    /** `data` gives CSL-JSON; `bibtex` and `ris` come from their plugins. */
    format(format: 'data' | 'bibtex', options?: { format?: 'text' }): string;
    format(format: 'ris', options: { format: 'object'; spec?: 'mixed' | 'new' | 'old' }): Record<string, unknown>[];
  }
  export const plugins: {
    config: { get(plugin: '@bibtex'): { format: { useIdAsLabel: boolean; checkLabel: boolean; asciiOnly: boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
