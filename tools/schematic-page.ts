/**
 * Schematic page: a stand-in for a printed page's image (版面图), made from bytes,
 * for the tests and the screenshot script. The sample archive has no scan of its
 * page, and no binary is committed, so what they need is drawn here: paper, and
 * for each article a block of grey "lines" under a darker headline bar, laid out
 * as a page is (the first article across the top, the others two to a row), with
 * the regions that page.json gives for those blocks.
 *
 * The PNG is written with Node's zlib (deflate, crc32): 8-bit RGB, no filter.
 */
import { crc32, deflateSync } from "node:zlib";

export interface SchematicPage {
  png: Buffer;
  width: number;
  height: number;
  /** page.json's `regions`, one rectangle per article, in the order given. */
  regions: { article: string; rect: [number, number, number, number] }[];
}

type Rgb = [number, number, number];
const PAPER: Rgb = [246, 241, 228];
const INK: Rgb = [60, 56, 52];
const GREY: Rgb = [168, 162, 150];

/** A page of `width` × `height` pixels with one block per article slug. */
export function schematicPage(slugs: string[], width = 600, height = 840): SchematicPage {
  const margin = Math.round(width / 20);
  const gap = Math.round(width / 40);
  const inner = width - 2 * margin;
  const rows: string[][] = slugs.length ? [[slugs[0]!]] : [];
  for (let i = 1; i < slugs.length; i += 2) rows.push(slugs.slice(i, i + 2));
  const rowHeight = rows.length ? Math.floor((height - 2 * margin - gap * (rows.length - 1)) / rows.length) : 0;
  const regions: SchematicPage["regions"] = [];
  rows.forEach((row, r) => {
    const w = Math.floor((inner - gap * (row.length - 1)) / row.length);
    row.forEach((article, c) => regions.push({ article, rect: [margin + c * (w + gap), margin + r * (rowHeight + gap), w, rowHeight] }));
  });

  const pixels = Buffer.alloc(width * height * 3);
  const paint = (x0: number, y0: number, w: number, h: number, colour: Rgb) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) pixels.set(colour, (y * width + x) * 3);
    }
  };
  paint(0, 0, width, height, PAPER);
  for (const { rect: [x, y, w, h] } of regions) {
    const line = Math.max(2, Math.round(h / 40));
    paint(x, y, Math.round(w * 0.8), line * 3, INK);
    for (let ly = y + line * 6; ly + line <= y + h; ly += line * 2) paint(x, ly, w, line, GREY);
  }
  return { png: encodePng(width, height, pixels), width, height, regions };
}

function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  // Each scanline starts with its filter byte (0: none).
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter set, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
