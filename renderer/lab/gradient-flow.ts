/**
 * The page-side maths of the gradient-flow and dead-neuron instruments: the sentences a
 * newcomer reads, the ratio of the first layer's gradient to the output layer's, the series
 * the chart draws and how each layer's line is told apart without colour (dash, marker, label).
 */
import type { InstrumentPoint } from '../engine/instruments';
import { decimateIndices } from '../ui/decimate';
import { formatCount } from './numbers';

/** Points drawn per line, however long the run. */
export const FLOW_POINTS = 200;
/** The smallest gradient the log axis shows (0 cannot be drawn on it). */
export const GRADIENT_FLOOR = 1e-12;
/** What the table's "Mean slope" column is, said under the table. */
export const MEAN_SLOPE_NOTE =
  "Mean slope: the activation's slope f′(z) averaged over the layer's neurons and the training examples — about what going back through the layer multiplies the gradient by. A sigmoid's is never above 0.25, so each sigmoid layer shrinks it; a ReLU's is the share of examples its neurons are on for.";

/** Full names of the layers of weights: "Layer 1" … then "Output". */
export function layerNames(hiddenLayers: number): string[] {
  return [...Array.from({ length: hiddenLayers }, (_, l) => `Layer ${l + 1}`), 'Output'];
}

/** Short names written at the end of each line: "L1" … then "Out". */
export function shortNames(hiddenLayers: number): string[] {
  return [...Array.from({ length: hiddenLayers }, (_, l) => `L${l + 1}`), 'Out'];
}

/** The first layer's gradient over the output layer's, or null when there is nothing to compare. */
export function gradientRatio(gradient: readonly number[]): number | null {
  if (gradient.length < 2) return null;
  const first = gradient[0];
  const last = gradient[gradient.length - 1];
  if (!Number.isFinite(first) || !Number.isFinite(last) || last <= 0 || first < 0) return null;
  return first / last;
}

/** A factor rounded to two significant digits, thousands grouped: 3412.7 → "3,400", 2.345 → "2.3". */
export function formatFactor(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  if (value >= 100) {
    const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
    return formatCount(Math.round(value / magnitude) * magnitude);
  }
  return String(Number(value.toPrecision(2)));
}

/**
 * A gradient ratio written one way wherever it appears, as a factor: "×0.56", "×0.0043",
 * "×2.1", "×3,400"; below 0.0001 in scientific notation, as the gradients themselves are
 * ("×3.4e-7"). Two significant digits.
 */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return ratio > 0 ? '×∞' : '—';
  if (ratio === 0) return '×0';
  if (ratio >= 1) return `×${formatFactor(ratio)}`;
  if (ratio >= 1e-4) return `×${Number(ratio.toPrecision(2))}`;
  return `×${ratio.toExponential(1)}`;
}

/** The same ratio as words a screen reader says well: "0.56 times", "3.4 times 10 to the minus 7". */
export function ratioWords(ratio: number): string {
  const text = formatRatio(ratio).slice(1);
  const sci = /^([\d.]+)e([+-])(\d+)$/.exec(text);
  if (sci) return `${sci[1]} times 10 to the ${sci[2] === '-' ? 'minus ' : ''}${sci[3]}`;
  return `${text} times`;
}

/** How a layer's gradient compares with the output layer's: "×0.00029", "×2.1", "×1", or "0" / "—". */
export function relativeText(value: number, last: number): string {
  if (!(last > 0) || !Number.isFinite(value) || value < 0) return '—';
  if (value === 0) return '0';
  return formatRatio(value / last);
}

/** relativeText for a screen reader: "0.00029 times the output layer's", or "0" / "none". */
export function relativeWords(value: number, last: number): string {
  const text = relativeText(value, last);
  if (text === '—') return 'none';
  if (text === '0') return '0';
  return `${ratioWords(value / last)} the output layer's`;
}

/** A layer's mean slope for the table, two significant digits: "0.21", "0.0031", "3.4e-5", "0". */
export function formatSlope(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  if (value >= 1e-4) return String(Number(value.toPrecision(2)));
  return value.toExponential(1);
}

/** A gradient for the table: "0.042", "3.4e-7". */
export function formatGradient(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  if (value >= 0.01 && value < 1000) return String(Number(value.toPrecision(2)));
  return value.toExponential(1);
}

/**
 * Why a gradient of exactly 0 can come with no hidden layer all dead. A layer's weights get
 * nothing from an example when its inputs are all 0 there or nothing comes back from above,
 * and a ReLU passes nothing back where it is off. Neurons that are each on for some examples
 * (so not dead) can still never be on together with the layers they need: on spiral with
 * 4,2,2,2,2,2 ReLU the last hidden layer ends up on only where the layer below outputs all
 * zeros, so no hidden weight gets any gradient while the dead count shows almost none.
 */
const ON_BY_TURNS =
  'Dead neurons do not explain it: every hidden layer still has neurons that are on for some examples. But on every training example some layer between the first and the output is switched off or passes on only zeros, so the signal stops there: the layers are on by turns, never together.';

/**
 * The first hidden layer (0-based) whose neurons are all dead, -1 when there is none, or null
 * when the dead counts are not known for this network.
 */
function firstDeadLayer(deadCount: readonly number[] | undefined, sizes: readonly number[] | undefined): number | null {
  if (!deadCount || !sizes || sizes.length === 0 || deadCount.length !== sizes.length) return null;
  return sizes.findIndex((size, l) => size > 0 && deadCount[l] >= size);
}

/**
 * The sentence under the panel's heading: how much of the gradient reaches the first layer.
 * With the dead counts (`deadCount` per hidden layer of `sizes`) a gradient of 0 is put down
 * to a layer whose neurons are all dead, or to layers that are on by turns (ON_BY_TURNS).
 * On screen the ratio is the table's factor ("×2.9e-5"); `spoken` gives it in words for a
 * screen reader ("2.9 times 10 to the minus 5").
 */
export function flowReadout(gradient: readonly number[], deadCount?: readonly number[], sizes?: readonly number[], spoken = false): string {
  if (gradient.length === 0) return 'Train for an epoch to see how much gradient reaches each layer.';
  if (gradient.length === 1) return 'No hidden layers: there is only one layer of weights, so nothing to compare.';
  const deadLayer = firstDeadLayer(deadCount, sizes);
  if (gradient.every((g) => g === 0)) {
    if (deadLayer === -1) return `No layer gets any gradient, so the network has stopped learning. ${ON_BY_TURNS}`;
    return 'No layer gets any gradient: every path back from the output runs through a dead neuron, so the network has stopped learning.';
  }
  const ratio = gradientRatio(gradient);
  if (ratio === null) return "The output layer's weights get no gradient this epoch, so there is nothing to compare with.";
  if (ratio === 0) {
    if (deadLayer === null) return "The first layer's gradient is 0: no learning signal reaches it.";
    if (deadLayer >= 0)
      return `The first layer's gradient is 0: every neuron of layer ${deadLayer + 1} is dead, so no learning signal gets past it.`;
    return `The first layer's gradient is 0: no learning signal reaches it. ${ON_BY_TURNS}`;
  }
  const base = spoken
    ? `The first layer's gradient is ${ratioWords(ratio)} the output layer's`
    : `The first layer's gradient is the output layer's ${formatRatio(ratio)}`;
  if (ratio < 0.01) return `${base}: it vanishes on the way back, so the first layer barely learns.`;
  if (ratio > 100) return `${base}: it grows on the way back, so the first layer's steps are huge.`;
  return `${base}: the gradient reaches the first layer.`;
}

/** "layer 1: 3 of 8 · layer 2: 0 of 8", or null when the network has no hidden layer (or no count yet). */
export function deadSummary(deadCount: readonly number[] | undefined, sizes: readonly number[]): string | null {
  if (!deadCount || sizes.length === 0 || deadCount.length !== sizes.length) return null;
  return sizes.map((size, l) => `layer ${l + 1}: ${deadCount[l]} of ${size}`).join(' · ');
}

export interface XY {
  x: number;
  y: number;
}

/**
 * One line per layer of weights from the history, each thinned to at most `limit` points
 * (the same points for every layer). A log axis cannot show 0: a gradient of exactly 0 is a
 * gap in its line (the table and the sentence say 0), tiny ones are floored at GRADIENT_FLOOR.
 */
export function gradientLines(history: readonly InstrumentPoint[], limit = FLOW_POINTS): XY[][] {
  if (history.length === 0) return [];
  const layers = history[history.length - 1].gradient.length;
  const logOf = (v: number) => Math.log10(Math.max(GRADIENT_FLOOR, v));
  const keep = decimateIndices(
    history.map((p) => ({ x: p.epoch, y: Number.isFinite(p.gradient[0]) && p.gradient[0] > 0 ? logOf(p.gradient[0]) : Number.NaN })),
    limit,
  );
  const lines: XY[][] = Array.from({ length: layers }, () => []);
  for (const i of keep) {
    const point = history[i];
    // A point from a network of another depth (it should not happen: the run clears on configure) is skipped.
    if (point.gradient.length !== layers) continue;
    for (let l = 0; l < layers; l++) {
      const v = point.gradient[l];
      lines[l].push({ x: point.epoch, y: Number.isFinite(v) && v > 0 ? Math.max(GRADIENT_FLOOR, v) : Number.NaN });
    }
  }
  return lines;
}

/** What tells a layer's line apart besides its colour. */
export interface LineStyle {
  /** Canvas dash pattern. */
  dash: number[];
  /** A Chart.js point style. */
  marker: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot' | 'cross' | 'star' | 'rectRounded' | 'line';
}

const DASHES: number[][] = [[], [7, 4], [2, 3], [10, 3, 2, 3], [4, 4]];
const MARKERS: LineStyle['marker'][] = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'cross', 'star', 'rectRounded', 'line'];

/** Layer `l`'s dash and marker; the output layer (the last) is always the solid line. */
export function lineStyle(l: number, layers: number): LineStyle {
  const fromEnd = layers - 1 - l;
  return { dash: DASHES[fromEnd % DASHES.length], marker: MARKERS[l % MARKERS.length] };
}

/** Whether point `index` of `count` on line `l` gets its marker: a few per line, staggered between lines, and the last. */
export function hasMarker(index: number, count: number, l: number): boolean {
  if (index === count - 1) return true;
  const every = Math.max(1, Math.ceil(count / 6));
  return (index + l * Math.max(1, Math.floor(every / 3))) % every === 0;
}

/**
 * Label positions at the end of the lines, moved apart vertically so none overlaps:
 * `ys` in pixels (any order), result in the same order.
 */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y: Number.isFinite(y) ? y : bottom, i })).sort((a, b) => a.y - b.y);
  const out = new Array<number>(ys.length);
  let previous = Number.NEGATIVE_INFINITY;
  for (const item of order) {
    const y = Math.max(item.y, previous + gap, top);
    out[item.i] = y;
    previous = y;
  }
  // Pushed past the bottom: shift the stack back up (as far as the top allows).
  const overflow = previous - bottom;
  if (overflow > 0) {
    let limit = bottom;
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k].i;
      out[i] = Math.max(top, Math.min(out[i], limit));
      limit = out[i] - gap;
    }
  }
  return out;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A log axis's tick: powers of ten as "10⁻⁵" (1 and 10 plainly), every other tick unlabelled. */
export function powerOfTenLabel(value: number): string {
  if (!(value > 0)) return '';
  const exponent = Math.log10(value);
  const whole = Math.round(exponent);
  if (Math.abs(exponent - whole) > 1e-9) return '';
  if (whole === 0) return '1';
  if (whole === 1) return '10';
  return `10${[...String(whole)].map((c) => SUPERSCRIPT[c]).join('')}`;
}

/**
 * The gradient axis's ends, widened out to whole powers of ten: the axis labels only powers of
 * ten, so a range inside one decade (0.002 to 0.09) would show a single label and no scale.
 * Non-positive or missing ends (an empty chart) are left as they are.
 */
export function decadeBounds(min: number, max: number): { min: number; max: number } {
  const low = min > 0 && Number.isFinite(min) ? 10 ** Math.floor(Math.log10(min) + 1e-9) : min;
  const high = max > 0 && Number.isFinite(max) ? 10 ** Math.ceil(Math.log10(max) - 1e-9) : max;
  return { min: low, max: high };
}
