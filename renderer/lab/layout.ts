/**
 * Where the network diagram puts things. Inputs (every feature, on or off) sit in the first
 * column, then each hidden layer, then the output layer. Links and biases are packed in
 * flat typed arrays so drawing and hit-testing never create an object per link.
 */
import { FEATURE_NAMES, type FeatureName } from '../../core/config';
import type { NetworkShape } from '../../core/engine';

export const THUMB = 36;
export const ROW_GAP = 10;
export const COLUMN_GAP = 110;
/** The narrowest gap: columns stay far enough apart for a layer's head to show its activation menu whole ("Draw your own"). */
export const MIN_COLUMN_GAP = 84;
/** The widest a layer's column head gets (its menu, − and + and the layer's name). */
export const HEAD_WIDTH = 124;
export const TOP = 8;
export const LEFT = 64;
/** Floats per link in `links`: x1, y1, x2, y2, parameter index. */
export const LINK_STRIDE = 5;
/** Floats per bias in `biases`: x, y (centre of the marker), parameter index. */
export const BIAS_STRIDE = 3;

export interface DiagramLayout {
  width: number;
  height: number;
  /** Left edge of each column: 0 = inputs, then hidden layers, then output. */
  columnX: number[];
  /** Top edge of each input feature's thumbnail, in FEATURE_NAMES order. */
  featureY: number[];
  /** Top edge of each neuron's thumbnail, per layer (hidden layers, then output). */
  neuronY: number[][];
  links: Float32Array;
  biases: Float32Array;
}

function columnTops(count: number, tallest: number): number[] {
  const span = tallest * (THUMB + ROW_GAP) - ROW_GAP;
  const own = count * (THUMB + ROW_GAP) - ROW_GAP;
  const start = TOP + (span - own) / 2;
  return Array.from({ length: count }, (_, i) => start + i * (THUMB + ROW_GAP));
}

/** The gap between columns that fits `columns` columns into `width` pixels, within sensible bounds. */
export function fittingGap(width: number, columns: number): number {
  if (columns < 2 || !(width > 0)) return COLUMN_GAP;
  const gap = (width - LEFT - 48 - columns * THUMB) / (columns - 1);
  return Math.max(MIN_COLUMN_GAP, Math.min(COLUMN_GAP, Math.floor(gap)));
}

export function diagramLayout(shape: NetworkShape, features: readonly FeatureName[], columnGap = COLUMN_GAP): DiagramLayout {
  const tallest = Math.max(FEATURE_NAMES.length, ...shape.layers.map((l) => l.size));
  const columnX = Array.from({ length: shape.layers.length + 1 }, (_, c) => LEFT + c * (THUMB + columnGap));
  const featureY = columnTops(FEATURE_NAMES.length, tallest);
  const neuronY = shape.layers.map((l) => columnTops(l.size, tallest));
  // The y of each enabled input, in the order the network sees them.
  const inputY = features.map((f) => featureY[FEATURE_NAMES.indexOf(f)]);

  let linkCount = 0;
  let fanIn = shape.inputs;
  for (const layer of shape.layers) {
    linkCount += layer.size * fanIn;
    fanIn = layer.size;
  }
  const links = new Float32Array(linkCount * LINK_STRIDE);
  const neuronCount = shape.layers.reduce((sum, l) => sum + l.size, 0);
  const biases = new Float32Array(neuronCount * BIAS_STRIDE);
  let k = 0;
  let b = 0;
  for (let l = 0; l < shape.layers.length; l++) {
    const fromX = columnX[l] + THUMB;
    const toX = columnX[l + 1];
    const fromY = l === 0 ? inputY : neuronY[l - 1];
    for (let to = 0; to < shape.layers[l].size; to++) {
      const y = neuronY[l][to] + THUMB / 2;
      for (let from = 0; from < fromY.length; from++) {
        links[k++] = fromX;
        links[k++] = fromY[from] + THUMB / 2;
        links[k++] = toX;
        links[k++] = y;
        links[k++] = shape.weightIndex(l, to, from);
      }
      biases[b++] = toX - 7;
      biases[b++] = neuronY[l][to] + THUMB - 4;
      biases[b++] = shape.biasIndex(l, to);
    }
  }
  const width = columnX[columnX.length - 1] + THUMB + 48;
  const height = TOP * 2 + tallest * (THUMB + ROW_GAP) - ROW_GAP;
  return { width, height, columnX, featureY, neuronY, links, biases };
}

/** Squared distance from (px, py) to the segment (x1, y1)–(x2, y2). */
function segmentDistance2(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  let t = length2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / length2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = x1 + t * dx - px;
  const ey = y1 + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * What is under the pointer: a bias marker (checked first, it is small) or the nearest
 * link within `tolerance` pixels. Returns the parameter index, or -1.
 */
export function hitParameter(layout: DiagramLayout, x: number, y: number, tolerance = 4): number {
  const { biases, links } = layout;
  for (let i = 0; i < biases.length; i += BIAS_STRIDE) {
    if (Math.abs(biases[i] - x) <= 6 && Math.abs(biases[i + 1] - y) <= 6) return biases[i + 2];
  }
  let best = -1;
  let bestDistance = tolerance * tolerance;
  for (let i = 0; i < links.length; i += LINK_STRIDE) {
    const d = segmentDistance2(x, y, links[i], links[i + 1], links[i + 2], links[i + 3]);
    if (d <= bestDistance) {
      bestDistance = d;
      best = links[i + 4];
    }
  }
  return best;
}

/** Plain words for a parameter, e.g. "weight from x₁ to layer 1, neuron 2". */
export function describeParameter(shape: NetworkShape, featureLabels: readonly string[], index: number): string {
  const last = shape.layers.length - 1;
  const name = (l: number, n: number) =>
    l === last ? (shape.layers[l].size > 1 ? `output ${n + 1}` : 'the output') : `layer ${l + 1}, neuron ${n + 1}`;
  let fanIn = shape.inputs;
  for (let l = 0; l < shape.layers.length; l++) {
    const size = shape.layers[l].size;
    for (let to = 0; to < size; to++) {
      if (shape.biasIndex(l, to) === index) return `bias of ${name(l, to)}`;
      for (let from = 0; from < fanIn; from++) {
        if (shape.weightIndex(l, to, from) === index) {
          const source = l === 0 ? (featureLabels[from] ?? `input ${from + 1}`) : name(l - 1, from);
          return `weight from ${source} to ${name(l, to)}`;
        }
      }
    }
    fanIn = size;
  }
  return `parameter ${index}`;
}

/**
 * The parameters that belong to one neuron — its bias, then the weight of every link coming
 * into it — with plain words for each, in the order the diagram's editor offers them.
 */
export function neuronParameters(
  shape: NetworkShape,
  featureLabels: readonly string[],
  layer: number,
  neuron: number,
): { index: number; label: string }[] {
  const fanIn = layer === 0 ? shape.inputs : shape.layers[layer - 1].size;
  const indices = [shape.biasIndex(layer, neuron)];
  for (let from = 0; from < fanIn; from++) indices.push(shape.weightIndex(layer, neuron, from));
  return indices.map((index) => ({ index, label: describeParameter(shape, featureLabels, index) }));
}

/** The neuron a parameter (its bias or an incoming link's weight) belongs to, or null. */
export function parameterOwner(shape: NetworkShape, index: number): { layer: number; neuron: number } | null {
  let fanIn = shape.inputs;
  for (let l = 0; l < shape.layers.length; l++) {
    const size = shape.layers[l].size;
    for (let to = 0; to < size; to++) {
      if (shape.biasIndex(l, to) === index) return { layer: l, neuron: to };
      const first = shape.weightIndex(l, to, 0);
      if (index >= first && index < first + fanIn) return { layer: l, neuron: to };
    }
    fanIn = size;
  }
  return null;
}
