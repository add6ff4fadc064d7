/**
 * The network's layout. All parameters live in one Float64Array; layer l (0 = first hidden
 * layer, last = output layer) owns a block that holds its weights row by row — the weight
 * from neuron `from` of the layer below to neuron `to` sits at weightOffset + to·fanIn + from —
 * followed by its biases.
 */
import type { ActivationName, LabConfig, OutputActivationName } from '../config';
import { ACT, type ActCode } from './activations';
import { dataKind } from './data';
import { networkKnots, piecewise, type Piecewise } from './drawn';
import { isCurveDataset } from './curve-data';
import { isTableDataset, TABLE_INFO } from '../tabular/info';

export interface NetworkShape {
  inputs: number;
  /** Hidden layers first, the output layer last. */
  layers: { size: number; activation: ActivationName | OutputActivationName }[];
  paramCount: number;
  weightIndex(layer: number, to: number, from: number): number;
  biasIndex(layer: number, neuron: number): number;
}

/** The same layout as flat numbers, for the inner loops. */
export interface Topology {
  /** sizes[0] = inputs, then every layer's size. */
  sizes: number[];
  /** Activation code per layer (index 0 = first hidden layer). */
  codes: ActCode[];
  weightOffsets: number[];
  biasOffsets: number[];
  paramCount: number;
  /** Number of layers with parameters (hidden + output). */
  depth: number;
  /** The drawn activation of the layers whose code is ACT.drawn (null when no layer draws). */
  drawn: Piecewise | null;
}

/** Outputs: 1 for regression and two-class problems, one per class with softmax or 3 classes. */
export function outputCount(config: LabConfig): number {
  const { problem, classes } = dataKind(config.data);
  if (problem === 'regression') return 1;
  if (config.network.outputActivation === 'softmax' || classes > 2) return classes;
  return 1;
}

/** Inputs per example: the enabled features, a table set's own columns, or x alone for a curve set. */
export function inputCount(config: LabConfig): number {
  const dataset = config.data.dataset;
  if (isCurveDataset(dataset)) return 1;
  return isTableDataset(dataset) ? TABLE_INFO[dataset].columns : config.features.length;
}

export function topology(config: LabConfig): Topology {
  const sizes = [inputCount(config), ...config.network.hidden.map((h) => h.size), outputCount(config)];
  const codes: ActCode[] = [...config.network.hidden.map((h) => ACT[h.activation]), ACT[config.network.outputActivation]];
  const weightOffsets: number[] = [];
  const biasOffsets: number[] = [];
  let offset = 0;
  for (let l = 1; l < sizes.length; l++) {
    weightOffsets.push(offset);
    offset += sizes[l] * sizes[l - 1];
    biasOffsets.push(offset);
    offset += sizes[l];
  }
  const draws = config.network.hidden.some((h) => h.activation === 'drawn');
  const drawn = draws ? piecewise(networkKnots(config.network.drawn)) : null;
  return { sizes, codes, weightOffsets, biasOffsets, paramCount: offset, depth: sizes.length - 1, drawn };
}

export function networkShape(config: LabConfig): NetworkShape {
  const topo = topology(config);
  const activations: (ActivationName | OutputActivationName)[] = [
    ...config.network.hidden.map((h) => h.activation),
    config.network.outputActivation,
  ];
  return {
    inputs: topo.sizes[0],
    layers: activations.map((activation, l) => ({ size: topo.sizes[l + 1], activation })),
    paramCount: topo.paramCount,
    weightIndex: (layer, to, from) => topo.weightOffsets[layer] + to * topo.sizes[layer] + from,
    biasIndex: (layer, neuron) => topo.biasOffsets[layer] + neuron,
  };
}

/** Per-layer views into the flat parameter array (no copies). */
export function layerViews(topo: Topology, params: Float64Array): { weights: Float64Array; biases: Float64Array }[] {
  const views: { weights: Float64Array; biases: Float64Array }[] = [];
  for (let l = 0; l < topo.depth; l++) {
    const w = topo.weightOffsets[l];
    const b = topo.biasOffsets[l];
    views.push({ weights: params.subarray(w, b), biases: params.subarray(b, b + topo.sizes[l + 1]) });
  }
  return views;
}
