// Draws the PWA icons (a white shield with a 2×2 grid on the brand blue) as PNG files with
// no image library: run `node scripts/make-icons.mjs` after changing the design.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const BLUE = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** Colour of the point (x, y) in a unit square, the shield scaled by `scale` around the centre. */
function colour(x, y, scale) {
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  // Shield: a rectangle top part, then a curve narrowing to a point at the bottom.
  const inTop = u >= 0.19 && u <= 0.81 && v >= 0.2 && v <= 0.5;
  const halfWidth = v > 0.5 && v <= 0.88 ? 0.31 * Math.sqrt(1 - ((v - 0.5) / 0.38) ** 2) : 0;
  const inBottom = v > 0.5 && Math.abs(u - 0.5) <= halfWidth;
  if (!(inTop || inBottom)) return BLUE;
  // Grid: 2×2 cells drawn as blue lines inside the shield.
  const line = 0.045;
  const gx = [0.34, 0.5, 0.66];
  const gy = [0.34, 0.5, 0.66];
  const onV = gx.some((g) => Math.abs(u - g) < line / 2) && v >= gy[0] - line / 2 && v <= gy[2] + line / 2;
  const onH = gy.some((g) => Math.abs(v - g) < line / 2) && u >= gx[0] - line / 2 && u <= gx[2] + line / 2;
  return onV || onH ? BLUE : WHITE;
}

function png(size, scale) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const [r, g, b] = colour((x + 0.5) / size, (y + 0.5) / size, scale);
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), png(192, 1));
writeFileSync(new URL('icon-512.png', out), png(512, 1));
writeFileSync(new URL('apple-touch-icon.png', out), png(180, 1));
// Maskable icons must keep their content inside the central 80 % safe zone.
writeFileSync(new URL('icon-maskable-512.png', out), png(512, 0.75));
