/**
 * The figures the One example views show, read straight from the engine's trace and step
 * (core/engine/trace.ts): each neuron's z, a and δ, each link's gradient, the links that moved
 * most, and one neuron's formula written out with the live numbers. Nothing here recomputes
 * what the engine computed; the formula's intermediate products are the only arithmetic, and
 * its results are the engine's own numbers.
 */
import type { LabConfig } from '../../core/config';
import { ACTIVATIONS, FEATURE_INFO, activationFor, inputFeatures, isCurveDataset, OUTPUT_ACTIVATIONS } from '../../core/engine';
import type { Activation } from '../../core/engine';
import type { NetworkShape } from '../../core/engine';
import { largestChanges, type ExampleStep, type ExampleTrace } from '../../core/engine/trace';
import { isTableDataset } from '../../core/tabular/info';
import type { PickedNeuron } from '../engine/example.svelte';

/** How many of the parameters the update moved most are listed and marked. */
export const MOVED_MARKED = 5;

/** A number for the tables: 3 decimals, or 3 significant digits when tiny or huge, with a real minus sign. */
export function num(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const text = abs < 10 ** -digits || abs >= 1e5 ? value.toExponential(2) : value.toFixed(digits);
  return text.replace(/-/g, '−');
}

/** A short number for the diagram's labels: two significant digits, an exponent only when tiny. */
export function short(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const text = abs >= 100 ? value.toFixed(0) : abs < 1e-4 ? value.toExponential(0) : String(Number(value.toPrecision(2)));
  return text.replace(/-/g, '−');
}

/** A number inside a formula: negative ones in brackets, as when written by hand. */
function term(value: number): string {
  const text = num(value);
  return value < 0 ? `(${text})` : text;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
function sub(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUB[Number(d)])
    .join('');
}

/** The neuron whose formula is shown: the picked one while it exists, else the first neuron of the network. */
export function resolvePick(picked: PickedNeuron | null, shape: NetworkShape): PickedNeuron {
  if (
    picked &&
    picked.layer >= 0 &&
    picked.layer < shape.layers.length &&
    picked.neuron >= 0 &&
    picked.neuron < shape.layers[picked.layer].size
  ) {
    return picked;
  }
  return { layer: 0, neuron: 0 };
}

/** What each input of the network is called: the enabled features, x for a curve, or columns of a table. */
export function inputLabels(config: LabConfig, count: number): string[] {
  if (isCurveDataset(config.data.dataset)) return ['x'];
  if (isTableDataset(config.data.dataset)) return Array.from({ length: count }, (_, i) => `input ${i + 1}`);
  return inputFeatures(config).map((f) => FEATURE_INFO[f].label);
}

/** "layer 1, neuron 2", or "the output" / "output 2" for the last layer. */
export function neuronName(shape: NetworkShape, layer: number, neuron: number): string {
  const last = shape.layers.length - 1;
  if (layer < last) return `layer ${layer + 1}, neuron ${neuron + 1}`;
  return shape.layers[last].size > 1 ? `output ${neuron + 1}` : 'the output';
}

/** The activation of layer `layer` (the output layer last), the drawn one with the network's own knots. */
export function layerActivation(config: LabConfig, layer: number): Activation {
  const hidden = config.network.hidden;
  if (layer < hidden.length) return activationFor(hidden[layer].activation, config.network.drawn);
  return OUTPUT_ACTIVATIONS[config.network.outputActivation] ?? ACTIVATIONS.identity;
}

export interface NeuronFigure {
  layer: number;
  neuron: number;
  name: string;
  /** The engine's weighted sum, activation and δ = ∂L/∂z for this example. */
  z: number;
  a: number;
  delta: number;
}

/** Every neuron of the network, hidden layers first, with the trace's z, a and δ. */
export function neuronFigures(shape: NetworkShape, trace: ExampleTrace): NeuronFigure[] {
  const rows: NeuronFigure[] = [];
  for (let l = 0; l < shape.layers.length; l++) {
    for (let j = 0; j < shape.layers[l].size; j++) {
      rows.push({ layer: l, neuron: j, name: neuronName(shape, l, j), z: trace.z[l][j], a: trace.a[l][j], delta: trace.delta[l][j] });
    }
  }
  return rows;
}

export interface LinkFigure {
  /** The parameter's index in the engine's layout. */
  index: number;
  /** "weight from x₁ to layer 1, neuron 2", or "bias of the output". */
  name: string;
  /** Its value when the example was traced. */
  value: number;
  /** ∂L/∂θ for this example: δ of the neuron it feeds times what it carries (1 for a bias). */
  gradient: number;
}

/** Every weight and bias with its gradient, in the engine's layout order. */
export function linkFigures(shape: NetworkShape, labels: readonly string[], trace: ExampleTrace): LinkFigure[] {
  const rows: LinkFigure[] = [];
  let fanIn = shape.inputs;
  for (let l = 0; l < shape.layers.length; l++) {
    for (let to = 0; to < shape.layers[l].size; to++) {
      const target = neuronName(shape, l, to);
      for (let from = 0; from < fanIn; from++) {
        const index = shape.weightIndex(l, to, from);
        const source = l === 0 ? (labels[from] ?? `input ${from + 1}`) : neuronName(shape, l - 1, from);
        rows.push({ index, name: `weight from ${source} to ${target}`, value: trace.params[index], gradient: trace.gradient[index] });
      }
      const bias = shape.biasIndex(l, to);
      rows.push({ index: bias, name: `bias of ${target}`, value: trace.params[bias], gradient: trace.gradient[bias] });
    }
    fanIn = shape.layers[l].size;
  }
  return rows;
}

/** The links with the largest gradients (by size), largest first. */
export function steepest(links: readonly LinkFigure[], count: number): LinkFigure[] {
  return links
    .slice()
    .sort((p, q) => Math.abs(q.gradient) - Math.abs(p.gradient) || p.index - q.index)
    .slice(0, count);
}

export interface ChangeFigure {
  index: number;
  name: string;
  before: number;
  after: number;
  /** The gradient the update used for this parameter (from the trace of the same example). */
  gradient: number;
}

/** The `count` parameters the update moved most, with old → new (core's largestChanges). */
export function changeFigures(links: readonly LinkFigure[], step: ExampleStep, count: number): ChangeFigure[] {
  const byIndex = new Map(links.map((link) => [link.index, link]));
  return largestChanges(step.before, step.after, count).map((index) => ({
    index,
    name: byIndex.get(index)?.name ?? `parameter ${index}`,
    before: step.before[index],
    after: step.after[index],
    gradient: byIndex.get(index)?.gradient ?? Number.NaN,
  }));
}

/** How the output is read against its target, in words. */
export function targetText(trace: ExampleTrace): string {
  const values = Array.from(trace.target, (t) => num(t));
  if (trace.target.length > 1) {
    const k = trace.target.indexOf(1);
    return `(${values.join(', ')}): class ${k + 1}`;
  }
  return values[0];
}

/** One line of a written-out formula: what it says in symbols, then with the numbers. */
export interface FormulaLine {
  /** What the line computes, in words (for screen readers and newcomers). */
  label: string;
  symbols: string;
  numbers: string;
}

/** At most this many terms of a sum are written out; the rest are counted. */
export const MAX_TERMS = 6;

interface Incoming {
  index: number;
  weight: number;
  input: number;
  symbol: string;
}

function incoming(shape: NetworkShape, labels: readonly string[], trace: ExampleTrace, layer: number, neuron: number): Incoming[] {
  const fanIn = layer === 0 ? shape.inputs : shape.layers[layer - 1].size;
  const below = layer === 0 ? trace.inputs : trace.a[layer - 1];
  return Array.from({ length: fanIn }, (_, i) => {
    const index = shape.weightIndex(layer, neuron, i);
    return {
      index,
      weight: trace.params[index],
      input: below[i],
      symbol: layer === 0 ? (labels[i] ?? `x${sub(i + 1)}`) : `a${sub(i + 1)}`,
    };
  });
}

/** The terms worth writing: all of them when few, else the largest, and how many were left out. */
function shownTerms(terms: Incoming[]): { shown: Incoming[]; hidden: number } {
  if (terms.length <= MAX_TERMS) return { shown: terms, hidden: 0 };
  const shown = terms
    .slice()
    .sort((p, q) => Math.abs(q.weight * q.input) - Math.abs(p.weight * p.input))
    .slice(0, MAX_TERMS);
  return { shown, hidden: terms.length - MAX_TERMS };
}

function more(hidden: number): string {
  return hidden > 0 ? ` + … (${hidden} smaller terms)` : '';
}

/** z = w₁·x₁ + … + b and a = f(z) for one neuron, with the trace's numbers. */
export function forwardFormula(
  config: LabConfig,
  shape: NetworkShape,
  labels: readonly string[],
  trace: ExampleTrace,
  layer: number,
  neuron: number,
): FormulaLine[] {
  const terms = incoming(shape, labels, trace, layer, neuron);
  const { shown, hidden } = shownTerms(terms);
  const bias = trace.params[shape.biasIndex(layer, neuron)];
  const z = trace.z[layer][neuron];
  const a = trace.a[layer][neuron];
  const f = layerActivation(config, layer);
  const below = layer === 0 ? 'its inputs' : `the activations aᵢ of layer ${layer}`;
  const symbols = `z = ${shown.map((t, i) => `w${sub(i + 1)}·${t.symbol}`).join(' + ')}${more(hidden)} + b`;
  const numbers = `= ${shown.map((t) => `${term(t.weight)}·${term(t.input)}`).join(' + ')}${more(hidden)} + ${term(bias)} = ${num(z)}`;
  const lines: FormulaLine[] = [{ label: `Weighted sum of ${below}, plus the bias`, symbols, numbers }];
  const softmax = config.network.outputActivation === 'softmax' && layer === shape.layers.length - 1;
  lines.push({
    label: 'Activation',
    symbols: softmax ? 'a = softmax(z)ⱼ = e^zⱼ / Σₖ e^zₖ' : `a = ${f.label}(z)`,
    numbers: softmax ? `= ${num(a)}` : `= ${f.label}(${num(z)}) = ${num(a)}`,
  });
  return lines;
}

/** The output's δ, as the loss and output activation give it (core/engine/loss.ts, outputDelta). */
function outputDeltaLine(config: LabConfig, trace: ExampleTrace, neuron: number): FormulaLine {
  const last = trace.z.length - 1;
  const a = trace.a[last][neuron];
  const z = trace.z[last][neuron];
  const y = trace.target[neuron];
  const delta = trace.delta[last][neuron];
  const loss = config.training.loss;
  const output = config.network.outputActivation;
  const label = 'Error of the output: how the loss changes as z grows';
  if (loss === 'binaryCrossEntropy' && output === 'tanh') {
    return { label, symbols: 'δ = a + 1 − 2y (cross-entropy on p = (a + 1)/2)', numbers: `= ${num(a)} + 1 − 2·${term(y)} = ${num(delta)}` };
  }
  if (loss !== 'halfSquared' || output === 'identity') {
    return { label, symbols: 'δ = a − y (answer minus target)', numbers: `= ${num(a)} − ${term(y)} = ${num(delta)}` };
  }
  if (output === 'softmax') {
    return { label, symbols: 'δⱼ = aⱼ·((aⱼ − yⱼ) − Σₖ (aₖ − yₖ)·aₖ)', numbers: `= ${num(delta)}` };
  }
  const slope = OUTPUT_ACTIVATIONS[output].df(z, a);
  return {
    label,
    symbols: `δ = (a − y)·f′(z), f = ${OUTPUT_ACTIVATIONS[output].label}`,
    numbers: `= (${num(a)} − ${term(y)})·${term(slope)} = ${num(delta)}`,
  };
}

/** δ of one neuron and the gradients of its incoming links, with the trace's numbers. */
export function backwardFormula(
  config: LabConfig,
  shape: NetworkShape,
  labels: readonly string[],
  trace: ExampleTrace,
  layer: number,
  neuron: number,
): FormulaLine[] {
  const last = shape.layers.length - 1;
  const delta = trace.delta[layer][neuron];
  const lines: FormulaLine[] = [];
  if (layer === last) lines.push(outputDeltaLine(config, trace, neuron));
  else {
    const f = layerActivation(config, layer);
    const slope = f.df(trace.z[layer][neuron], trace.a[layer][neuron]);
    const next = shape.layers[layer + 1].size;
    let sum = 0;
    const parts: string[] = [];
    for (let k = 0; k < next; k++) {
      const w = trace.params[shape.weightIndex(layer + 1, k, neuron)];
      const d = trace.delta[layer + 1][k];
      sum += w * d;
      if (k < MAX_TERMS) parts.push(`${term(w)}·${term(d)}`);
    }
    const rest = next > MAX_TERMS ? ` + … (${next - MAX_TERMS} more)` : '';
    lines.push({
      label: `Error of this neuron: the slope of ${f.label} at its z times the errors it feeds, each through its link`,
      symbols: `δ = f′(z)·Σₖ wₖ·δₖ`,
      numbers: `= ${term(slope)}·(${parts.join(' + ')}${rest}) = ${term(slope)}·${term(sum)} = ${num(delta)}`,
    });
  }
  const terms = incoming(shape, labels, trace, layer, neuron);
  const shown = terms.slice(0, MAX_TERMS);
  for (let i = 0; i < shown.length; i++) {
    const t = shown[i];
    lines.push({
      label: `Gradient of weight ${i + 1}: this neuron's δ times what the link carries`,
      symbols: `∂L/∂w${sub(i + 1)} = δ·${t.symbol}`,
      numbers: `= ${term(delta)}·${term(t.input)} = ${num(trace.gradient[t.index])}`,
    });
  }
  if (terms.length > shown.length) {
    lines.push({ label: 'More weights', symbols: `… and ${terms.length - shown.length} more weights`, numbers: '' });
  }
  const bias = shape.biasIndex(layer, neuron);
  lines.push({ label: 'Gradient of the bias: δ itself', symbols: '∂L/∂b = δ', numbers: `= ${num(trace.gradient[bias])}` });
  return lines;
}

/** The update of one neuron's incoming weights and bias: old → new, and the rule when it is plain SGD. */
export function updateFormula(
  config: LabConfig,
  shape: NetworkShape,
  labels: readonly string[],
  trace: ExampleTrace,
  step: ExampleStep,
  layer: number,
  neuron: number,
): FormulaLine[] {
  const { learningRate: rate, optimizer, regularization, regularizationRate } = config.training;
  const plain = optimizer === 'sgd';
  const terms = incoming(shape, labels, trace, layer, neuron).slice(0, MAX_TERMS);
  const rows = [
    ...terms.map((t, i) => ({ symbol: `w${sub(i + 1)}`, index: t.index, weight: true })),
    { symbol: 'b', index: shape.biasIndex(layer, neuron), weight: false },
  ];
  const penalty = regularization === 'l2' ? 'λ·w' : regularization === 'l1' ? 'λ·sign(w)' : '';
  return rows.map(({ symbol, index, weight }) => {
    const before = step.before[index];
    const after = step.after[index];
    const g = trace.gradient[index];
    const regular = weight && penalty !== '' && regularizationRate !== 0;
    if (!plain) {
      return {
        label: `New value of ${symbol} (${optimizer === 'adam' ? 'Adam' : 'momentum'} also uses the earlier gradients)`,
        symbols: `${symbol}: old → new`,
        numbers: `${num(before, 4)} → ${num(after, 4)}`,
      };
    }
    const extra = regular ? (regularization === 'l2' ? regularizationRate * before : regularizationRate * Math.sign(before)) : 0;
    return {
      label: `New value of ${symbol}: a step against its gradient, the learning rate long`,
      symbols: regular ? `new ${symbol} = ${symbol} − η·(∂L/∂${symbol} + ${penalty})` : `new ${symbol} = ${symbol} − η·∂L/∂${symbol}`,
      numbers: regular
        ? `= ${num(before, 4)} − ${rate}·(${term(g)} + ${term(extra)}) = ${num(after, 4)}`
        : `= ${num(before, 4)} − ${rate}·${term(g)} = ${num(after, 4)}`,
    };
  });
}

/** The example's loss written out. */
export function lossFormula(config: LabConfig, trace: ExampleTrace): FormulaLine {
  const last = trace.a.length - 1;
  const out = trace.a[last];
  const label = 'Loss of this example: how far the answer is from the target';
  const loss = config.training.loss;
  if (loss === 'halfSquared') {
    const parts = Array.from(out, (a, k) => `(${num(a)} − ${term(trace.target[k])})²`);
    return { label, symbols: 'L = ½·Σ (a − y)²', numbers: `= ½·(${parts.join(' + ')}) = ${num(trace.loss)}` };
  }
  if (loss === 'binaryCrossEntropy') {
    return { label, symbols: 'L = −[y·ln p + (1 − y)·ln(1 − p)], p the output as a probability', numbers: `= ${num(trace.loss)}` };
  }
  const k = trace.target.indexOf(1);
  return { label, symbols: 'L = −ln p(true class)', numbers: `= −ln ${num(out[k])} = ${num(trace.loss)}` };
}
