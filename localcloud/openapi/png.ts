import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * A small PNG encoder (8-bit greyscale) and a QR-looking picture derived from a seed, so that
 * wxacode.* answers with a real image that differs per scene and renders in the H5 app.
 */
export function encodeGreyscalePng(width: number, height: number, pixels: Uint8Array): Buffer {
  if (pixels.length !== width * height) throw new Error('pixel buffer does not match the image size');
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter type "None" for every scanline
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const MODULES = 25;
const QUIET_ZONE = 2;

/** A square picture of `size` pixels: three finder squares and a seed-derived module pattern. */
export function qrLikePng(seed: string, size: number): Buffer {
  const cells = MODULES + 2 * QUIET_ZONE;
  const scale = Math.max(1, Math.floor(size / cells));
  const side = cells * scale;
  const dark = moduleMatrix(seed);
  const pixels = new Uint8Array(side * side).fill(255);
  for (let my = 0; my < MODULES; my++) {
    for (let mx = 0; mx < MODULES; mx++) {
      if (!dark[my * MODULES + mx]) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = ((my + QUIET_ZONE) * scale + dy) * side;
        pixels.fill(0, row + (mx + QUIET_ZONE) * scale, row + (mx + QUIET_ZONE + 1) * scale);
      }
    }
  }
  return encodeGreyscalePng(side, side, pixels);
}

function moduleMatrix(seed: string): boolean[] {
  const bits: boolean[] = [];
  for (let round = 0; bits.length < MODULES * MODULES; round++) {
    const digest = createHash('sha256').update(`${round}:${seed}`).digest();
    for (const byte of digest) for (let b = 0; b < 8; b++) bits.push(((byte >> b) & 1) === 1);
  }
  const matrix = bits.slice(0, MODULES * MODULES);
  for (const [ox, oy] of [[0, 0], [MODULES - 7, 0], [0, MODULES - 7]] as const) {
    for (let y = -1; y <= 7; y++) {
      for (let x = -1; x <= 7; x++) {
        const px = ox + x;
        const py = oy + y;
        if (px < 0 || py < 0 || px >= MODULES || py >= MODULES) continue;
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3)); // 0..4 from the finder's centre
        matrix[py * MODULES + px] = ring <= 1 || ring === 3;
      }
    }
  }
  return matrix;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
