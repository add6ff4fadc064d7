/** Initial weights, drawn from a seeded generator. */
import type { InitializerName, LabConfig } from '../config';
import { createRandom, deriveSeed, normal, STREAM, uniform, type Random } from './rng';
import { topology, type Topology } from './shape';

/** Half-width of the `large` initializer's range: ten times the Playground's. */
export const LARGE_WEIGHT = 5;
/** The one value every weight of the `equal` initializer starts at. */
export const EQUAL_WEIGHT = 0.5;

function weight(initializer: InitializerName, random: Random, limit: number, sd: number): number {
  switch (initializer) {
    case 'playground':
      return uniform(random, -0.5, 0.5);
    case 'glorot':
      return uniform(random, -limit, limit);
    case 'he':
      return normal(random) * sd;
    case 'large':
      return uniform(random, -LARGE_WEIGHT, LARGE_WEIGHT);
    case 'equal':
      return EQUAL_WEIGHT;
  }
}

/**
 * Fills `params` for a fresh network.
 * - playground: weights uniform in [−0.5, 0.5), biases 0.1 (TensorFlow Playground's choice);
 * - glorot: weights uniform in ±√(6 / (fanIn + fanOut)), biases 0;
 * - he: weights normal with standard deviation √(2 / fanIn), biases 0;
 * - large: weights uniform in [−LARGE_WEIGHT, LARGE_WEIGHT), biases 0 (sigmoid and tanh start saturated);
 * - equal: every weight EQUAL_WEIGHT and every bias 0, so the neurons of a layer start, and stay, alike.
 */
export function initializeParams(topo: Topology, initializer: InitializerName, random: Random, params: Float64Array): Float64Array {
  for (let l = 0; l < topo.depth; l++) {
    const fanIn = topo.sizes[l];
    const fanOut = topo.sizes[l + 1];
    const w0 = topo.weightOffsets[l];
    const b0 = topo.biasOffsets[l];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const sd = Math.sqrt(2 / Math.max(1, fanIn));
    for (let k = w0; k < b0; k++) {
      params[k] = weight(initializer, random, limit, sd);
    }
    for (let k = b0; k < b0 + fanOut; k++) params[k] = initializer === 'playground' ? 0.1 : 0;
  }
  return params;
}

/** 1 where the parameter is a weight (regularization applies), 0 for biases. */
export function weightMask(topo: Topology): Uint8Array {
  const mask = new Uint8Array(topo.paramCount);
  for (let l = 0; l < topo.depth; l++) mask.fill(1, topo.weightOffsets[l], topo.biasOffsets[l]);
  return mask;
}

/**
 * The weights a network of `config` starts from: exactly what the engine draws from the seed
 * before any training (the same stream `initializeModel` uses), for showing an untrained project.
 */
export function initialParams(config: LabConfig): Float64Array {
  const topo = topology(config);
  const random = createRandom(deriveSeed(config.seed, STREAM.init));
  return initializeParams(topo, config.training.initializer, random, new Float64Array(topo.paramCount));
}
