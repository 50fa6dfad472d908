/**
 * What a part's metadata file (`pagefind.<hash>.pf_meta`) says of its pages: how many, and how
 * many words Pagefind counted in all of them. Pagefind ranks a page by its length against the
 * average length of the pages of its index (`average_page_length`, `pagefind_web/src/metadata.rs`);
 * merged parts are ranked against the average of all of them, which needs each part's total.
 *
 * The file is gzip, then `pagefind_dcd`, then CBOR: a fixed array whose first items are the
 * generator's version and the pages, each `[hash, word count, …]` (see `decode_metadata` in
 * `metadata.rs`). Only those first items are read.
 */
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** A reader of the few CBOR items the file starts with (unsigned integers, text, arrays). */
class Cbor {
  private at = 0;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  private head(expected?: number): number | undefined {
    const first = this.bytes[this.at++];
    if (first === undefined) throw new Error('fin de fichier inattendue');
    const major = first >> 5;
    const info = first & 0x1f;
    if (expected !== undefined && major !== expected) throw new Error(`type CBOR ${major} au lieu de ${expected}`);
    if (info < 24) return info;
    if (info === 31) return undefined;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new Error(`longueur CBOR inconnue (${info})`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + this.bytes[this.at++]!;
    return value;
  }

  /** An array's length (`undefined` for an array of indefinite length, which Pagefind's fixed arrays are). */
  array(): number | undefined {
    return this.head(4);
  }

  uint(): number {
    return this.head(0)!;
  }

  /** Skips one item: a number, a string, or an array or map of definite length and what it holds. */
  skip(): void {
    const major = this.bytes[this.at]! >> 5;
    const length = this.head() ?? 0;
    if (major === 2 || major === 3) this.at += length;
    else if (major === 4) for (let i = 0; i < length; i++) this.skip();
    else if (major === 5) for (let i = 0; i < 2 * length; i++) this.skip();
  }

  text(): string {
    const length = this.head(3)!;
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
}

/** The number of pages and of words in a part, read from its metadata file's bytes. */
export function readPageStats(file: Uint8Array): { pages: number; words: number } {
  const bytes = gunzipSync(file);
  if (new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) {
    throw new Error('métadonnées de Pagefind sans leur signature');
  }
  const cbor = new Cbor(bytes.subarray(SIGNATURE.length));
  cbor.array();
  cbor.text();
  const pages = cbor.array();
  if (pages === undefined) throw new Error('liste des pages de longueur indéfinie');
  let words = 0;
  for (let i = 0; i < pages; i++) {
    // `[hash, word count, …]`: what follows the count is skipped.
    const fields = cbor.array() ?? 2;
    cbor.text();
    words += cbor.uint();
    for (let f = 2; f < fields; f++) cbor.skip();
  }
  return { pages, words };
}
