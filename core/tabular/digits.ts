/**
 * The bundled digit images. File layout (little-endian): the four bytes "DGT1", the number
 * of images n as a 32-bit unsigned integer, n label bytes (0–9), then n × 784 pixel bytes
 * (row by row, 0 = background, 255 = full ink). scripts/build-digits.mjs writes it.
 */
import type { Table } from './table';
import { DIGIT_PIXELS } from './info';

export const DIGITS_MAGIC = 'DGT1';
export const DIGITS_HEADER_BYTES = 8;

export interface DigitSet {
  count: number;
  labels: Uint8Array;
  /** count × 784 bytes. */
  pixels: Uint8Array;
}

/** Size in bytes of a file holding `count` images. */
export function digitsFileBytes(count: number): number {
  return DIGITS_HEADER_BYTES + count * (1 + DIGIT_PIXELS);
}

/** Image count announced by a file's first eight bytes, or null if they are not a digits header. */
export function readDigitsHeader(bytes: Uint8Array): number | null {
  if (bytes.length < DIGITS_HEADER_BYTES) return null;
  for (let i = 0; i < 4; i++) if (bytes[i] !== DIGITS_MAGIC.charCodeAt(i)) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, DIGITS_HEADER_BYTES).getUint32(4, true);
}

/** Reads a whole file; throws a plain sentence when it is not one. */
export function decodeDigits(bytes: Uint8Array): DigitSet {
  const count = readDigitsHeader(bytes);
  if (count === null) throw new Error('This is not a digits file: its first bytes are wrong.');
  if (bytes.length !== digitsFileBytes(count))
    throw new Error(`The digits file is cut short or too long: ${bytes.length} bytes for ${count} images.`);
  const labels = bytes.subarray(DIGITS_HEADER_BYTES, DIGITS_HEADER_BYTES + count);
  for (let i = 0; i < count; i++) if (labels[i] > 9) throw new Error(`Image ${i} has the label ${labels[i]}; digits go from 0 to 9.`);
  return { count, labels, pixels: bytes.subarray(DIGITS_HEADER_BYTES + count) };
}

/** Writes a file (the inverse of decodeDigits). */
export function encodeDigits(set: DigitSet): Uint8Array {
  const out = new Uint8Array(digitsFileBytes(set.count));
  for (let i = 0; i < 4; i++) out[i] = DIGITS_MAGIC.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, set.count, true);
  out.set(set.labels.subarray(0, set.count), DIGITS_HEADER_BYTES);
  out.set(set.pixels.subarray(0, set.count * DIGIT_PIXELS), DIGITS_HEADER_BYTES + set.count);
  return out;
}

/** The images as an engine table: inputs are the pixels scaled to [0, 1]. */
export function digitsTable(set: DigitSet): Table {
  return { name: 'digits', rows: set.count, columns: DIGIT_PIXELS, classes: 10, values: set.pixels, scale: 1 / 255, labels: set.labels };
}
