/**
 * The part of citation-js this project uses: the tests read the reference files back with it
 * (`tests/support/references.ts`), as a reference manager would. The packages ship no types.
 */
declare module '@citation-js/core' {
  export class Cite {
    /** The text of a reference file (CSL-JSON, BibTeX, RIS) to read. */
    constructor(data: string);
    /** The items read, as CSL-JSON. */
    data: object[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
