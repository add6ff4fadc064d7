/**
 * Seeded randomness. Every random number in the engine comes from a generator made here and
 * passed in, so the same seed always gives the same data, weights and batch order.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * A small, fast 32-bit generator (the "mulberry32" construction): a Weyl sequence whose
 * state is scrambled by two multiply-xorshift rounds.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** Streams of one seed, so data and weights do not share (and disturb) each other's numbers. */
export const STREAM = { data: 1, split: 2, init: 3 } as const;

/** Mixes a seed and a stream number into an independent 32-bit seed. */
export function deriveSeed(seed: number, stream: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(stream, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform in [low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/** Standard normal by the Box–Muller transform (one of the pair is used). */
export function normal(random: Random): number {
  const u = 1 - random(); // (0, 1]: keeps the logarithm finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}
