/**
 * Writes `public/favicon.ico` from `public/favicon.svg`: the same drawing at 16, 32 and 48 px,
 * as PNG images in an ICO file, for browsers and tools that ask for `/favicon.ico` or do not read
 * SVG icons. Run it after changing the SVG: `node scripts/favicon.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const publicDir = join(import.meta.dirname, '..', 'public');
const svg = readFileSync(join(publicDir, 'favicon.svg'), 'utf8');
const sizes = [16, 32, 48];
const images = sizes.map((size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());

// ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the images.
const head = Buffer.alloc(6);
head.writeUInt16LE(1, 2); // type: icon
head.writeUInt16LE(sizes.length, 4);
let offset = head.length + 16 * sizes.length;
const entries = images.map((png, i) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(sizes[i]!, 0); // width
  entry.writeUInt8(sizes[i]!, 1); // height
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += png.length;
  return entry;
});
writeFileSync(join(publicDir, 'favicon.ico'), Buffer.concat([head, ...entries, ...images]));
