/**
 * Writes an indexed-colour PNG (colour type 3): one byte per pixel, or half a byte when the
 * palette has 16 colours or fewer, instead of four, which is what makes a preview cheap to
 * compress. The format is the four chunks of the PNG specification (IHDR, PLTE, IDAT, IEND);
 * the compression is Node's zlib at its default level, 6 (level 9 saves a tenth for four times
 * the time).
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * `pixels` holds one palette index per pixel, row by row; `palette` one `[r, g, b]` per index
 * (at most 256). `rowEnds`, when given, says where each row's last non-zero index is passed:
 * the rest of the row is index 0 and is not read (an image mostly of background packs faster).
 */
export function encodeIndexedPng(
  width: number,
  height: number,
  pixels: Uint8Array,
  palette: readonly (readonly [number, number, number])[],
  rowEnds?: Int32Array,
): Buffer {
  if (pixels.length !== width * height) throw new Error(`PNG : ${pixels.length} pixels pour ${width}×${height}`);
  if (palette.length === 0 || palette.length > 256) throw new Error(`PNG : palette de ${palette.length} couleurs`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  const depth = palette.length <= 16 ? 4 : 8;
  header[8] = depth; // bits per index
  header[9] = 3; // indexed colour
  // Each row starts with its filter type: 0, none (the usual choice for indexed images). At 4
  // bits, two pixels share a byte, the first in the high half.
  const stride = depth === 8 ? width : Math.ceil(width / 2);
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const end = Math.min(width, rowEnds?.[y] ?? width);
    const row = pixels.subarray(y * width, y * width + end);
    const at = y * (stride + 1) + 1;
    if (depth === 8) rows.set(row, at);
    else for (let x = 0; x < end; x += 2) rows[at + x / 2] = (row[x]! << 4) | (row[x + 1] ?? 0);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
