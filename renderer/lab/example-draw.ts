/**
 * The One example overlay: the traced example's numbers drawn over a network diagram — the
 * inputs' values, each neuron's z and a (forward) or a and δ (backward), each link's gradient
 * as a line whose width is its size and whose pattern is its sign (solid when positive, dashed
 * when negative, so the sign never rests on colour alone), the links the update moved most,
 * and a ring round the picked neuron. One call draws it all; the caller calls it at most once
 * per animation frame.
 */
import type { NetworkShape } from '../../core/engine';
import type { ExampleStep, ExampleTrace } from '../../core/engine/trace';
import type { ExamplePhase, PickedNeuron } from '../engine/example.svelte';
import { rgbText } from '../ui/color';
import type { Palette } from '../ui/palette';
import { short } from './example-figures';
import { BIAS_STRIDE, LINK_STRIDE } from './layout';

/** Where things are on the diagram, in CSS pixels. */
export interface ExampleGeometry {
  width: number;
  height: number;
  /** Side of a neuron's square. */
  size: number;
  /** Left edge of each column: 0 = inputs, then each layer. */
  columnX: number[];
  /** Top edge of each network input's square, in the order the network reads them. */
  inputY: number[];
  /** Top edge of each neuron's square, per layer. */
  neuronY: number[][];
  /** x1, y1, x2, y2 and parameter index of every link (layout.ts's LINK_STRIDE). */
  links: Float32Array;
  /** Where each bias is marked, x, y and parameter index (layout.ts's BIAS_STRIDE), when the diagram marks them. */
  biases?: Float32Array;
  /** The labels' text, when not the Lab's compact default (TEXT). */
  text?: ExampleText;
  /**
   * Where links leave a square from further out than its edge (past its labels): a stub from
   * each square's edge to that point, x1, y1, x2, y2.
   */
  stubs?: Float32Array;
}

/** How the overlay writes its numbers. */
export interface ExampleText {
  /** Font size and line height in CSS pixels. */
  size: number;
  line: number;
  /** Gap between a square's right edge and its labels (room for the picked neuron's ring). */
  gap: number;
  /** Room to the right of a square its labels take. */
  room: number;
}

/** The Lab's diagram, where space is tight: 10 px on 12 px lines, right beside the squares. */
const TEXT: ExampleText = { size: 10, line: 12, gap: 3, room: 0 };

/**
 * A lesson's diagram, read by newcomers at 100 %: 12 px on 15 px lines, clear of the picked
 * neuron's ring; the widest label ("z −0.00037", ten characters) is about 75 px wide.
 */
export const LESSON_TEXT: ExampleText = { size: 12, line: 15, gap: 7, room: 84 };

export interface ExampleScene {
  phase: ExamplePhase;
  trace: ExampleTrace | null;
  step: ExampleStep | null;
  picked: PickedNeuron | null;
  /** Parameter indexes the update moved most, largest first. */
  moved: readonly number[];
}

/** True when the trace is of a network with this geometry (a new network may be on its way). */
export function fits(geometry: ExampleGeometry, trace: ExampleTrace): boolean {
  if (trace.inputs.length !== geometry.inputY.length || trace.z.length !== geometry.neuronY.length) return false;
  return trace.z.every((z, l) => z.length === geometry.neuronY[l].length);
}

const font = (text: ExampleText) => `${text.size}px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace`;

/** Text on a backing of the panel's colour, so it reads over links. */
function label(ctx: CanvasRenderingContext2D, lines: string[], x: number, y: number, palette: Palette, text: ExampleText): void {
  let width = 0;
  for (const line of lines) width = Math.max(width, ctx.measureText(line).width);
  ctx.fillStyle = rgbText(palette.panel, 0.88);
  ctx.fillRect(x - 2, y - 1, width + 4, lines.length * text.line + 2);
  ctx.fillStyle = rgbText(palette.fg);
  lines.forEach((line, i) => ctx.fillText(line, x, y + i * text.line));
}

function drawGradients(ctx: CanvasRenderingContext2D, links: Float32Array, gradient: Float64Array, palette: Palette): void {
  let largest = 0;
  for (let i = 0; i < links.length; i += LINK_STRIDE) largest = Math.max(largest, Math.abs(gradient[links[i + 4]]));
  if (!(largest > 0)) return;
  const positive = rgbText(palette.classB, 0.9);
  const negative = rgbText(palette.classA, 0.9);
  for (let i = 0; i < links.length; i += LINK_STRIDE) {
    const g = gradient[links[i + 4]];
    if (g === 0) continue;
    ctx.lineWidth = 0.75 + 5 * (Math.abs(g) / largest);
    ctx.strokeStyle = g > 0 ? positive : negative;
    ctx.setLineDash(g > 0 ? [] : [5, 3]);
    ctx.beginPath();
    ctx.moveTo(links[i], links[i + 1]);
    ctx.lineTo(links[i + 2], links[i + 3]);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** A numbered disc: the rank of a moved parameter, as in the changes table. */
function badge(ctx: CanvasRenderingContext2D, x: number, y: number, place: number, palette: Palette, text: ExampleText): void {
  ctx.fillStyle = rgbText(palette.accent);
  ctx.beginPath();
  ctx.arc(x, y, text.size * 0.7, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = rgbText(palette.accentFg);
  ctx.textAlign = 'center';
  ctx.fillText(String(place), x, y - text.size / 2);
  ctx.textAlign = 'left';
}

function drawMoved(ctx: CanvasRenderingContext2D, geometry: ExampleGeometry, moved: readonly number[], palette: Palette): void {
  const { links, biases } = geometry;
  const text = geometry.text ?? TEXT;
  const rank = new Map(moved.map((index, i) => [index, i + 1]));
  ctx.strokeStyle = rgbText(palette.accent);
  ctx.lineWidth = 3;
  for (let i = 0; i < links.length; i += LINK_STRIDE) {
    const place = rank.get(links[i + 4]);
    if (place === undefined) continue;
    ctx.beginPath();
    ctx.moveTo(links[i], links[i + 1]);
    ctx.lineTo(links[i + 2], links[i + 3]);
    ctx.stroke();
    // Three fifths of the way along, clear of the labels beside the neuron it leaves.
    badge(ctx, links[i] + 0.6 * (links[i + 2] - links[i]), links[i + 1] + 0.6 * (links[i + 3] - links[i + 1]), place, palette, text);
  }
  // A moved bias: its rank beside the neuron's bias marker.
  if (biases) {
    for (let i = 0; i < biases.length; i += BIAS_STRIDE) {
      const place = rank.get(biases[i + 2]);
      if (place !== undefined) badge(ctx, biases[i] - 9, biases[i + 1] + 4, place, palette, text);
    }
  }
}

/** Draws the scene over the diagram (the canvas is cleared first). */
export function drawExample(ctx: CanvasRenderingContext2D, geometry: ExampleGeometry, scene: ExampleScene, palette: Palette): void {
  ctx.clearRect(0, 0, geometry.width, geometry.height);
  const { trace, phase } = scene;
  if (trace === null || phase === 'idle' || phase === 'waiting' || !fits(geometry, trace)) return;
  const { size, columnX, inputY, neuronY, links } = geometry;
  const text = geometry.text ?? TEXT;
  const LINE = text.line;
  // Set before anything is written: the rank marks' numbers are drawn from their top too.
  ctx.font = font(text);
  ctx.textBaseline = 'top';
  if (phase === 'backward' || phase === 'updated') {
    // Fade the weights' links between the columns, so the gradients (or the moved links) stand out.
    ctx.fillStyle = rgbText(palette.panel, 0.75);
    for (let c = 0; c + 1 < columnX.length; c++) ctx.fillRect(columnX[c] + size, 0, columnX[c + 1] - columnX[c] - size, geometry.height);
  }
  if (phase === 'backward') drawGradients(ctx, links, trace.gradient, palette);
  if (phase === 'updated') drawMoved(ctx, geometry, scene.moved, palette);
  for (let i = 0; i < inputY.length; i++)
    label(ctx, [short(trace.inputs[i])], columnX[0] + size + text.gap, inputY[i] + size / 2 - LINE / 2, palette, text);
  const last = neuronY.length - 1;
  // The lowest any output label reaches: the loss goes below it.
  let outputBottom = Math.max(...neuronY[last]) + size + 4;
  for (let l = 0; l < neuronY.length; l++) {
    for (let j = 0; j < neuronY[l].length; j++) {
      const lines =
        phase === 'forward'
          ? [`z ${short(trace.z[l][j])}`, `a ${short(trace.a[l][j])}`]
          : [`a ${short(trace.a[l][j])}`, `δ ${short(trace.delta[l][j])}`];
      if (l === last && phase === 'forward') lines.push(`y ${short(trace.target[j])}`);
      const top = neuronY[l][j] + size / 2 - (lines.length * LINE) / 2;
      label(ctx, lines, columnX[l + 1] + size + text.gap, top, palette, text);
      if (l === last) outputBottom = Math.max(outputBottom, top + lines.length * LINE + 1);
    }
  }
  // The loss under the output column, below its labels.
  if (outputBottom + LINE < geometry.height) label(ctx, [`loss ${short(trace.loss)}`], columnX[last + 1] - 4, outputBottom, palette, text);
  const picked = scene.picked;
  if (picked && neuronY[picked.layer]?.[picked.neuron] !== undefined) {
    ctx.strokeStyle = rgbText(palette.accent);
    ctx.lineWidth = 3;
    ctx.setLineDash([]);
    ctx.strokeRect(columnX[picked.layer + 1] - 3, neuronY[picked.layer][picked.neuron] - 3, size + 6, size + 6);
  }
}

/**
 * A roomy layout of a network's own inputs and neurons for a lesson (which unlike the Lab's has
 * no switched-off features to show): squares of `size`, columns `gap` apart, rows `rowGap`
 * apart, labels in LESSON_TEXT. Each square's links leave from a stub past its labels, so no
 * link, gradient or rank mark runs under a label; the row gap keeps a three-line label off the
 * next neuron's.
 */
export function exampleGeometry(shape: NetworkShape, size = 34, gap = 190, rowGap = 26): ExampleGeometry {
  const text = LESSON_TEXT;
  const LINE = text.line;
  const columns = [shape.inputs, ...shape.layers.map((l) => l.size)];
  const tallest = Math.max(...columns);
  const top = 8;
  const span = tallest * (size + rowGap) - rowGap;
  const tops = (count: number) => {
    const start = top + (span - (count * (size + rowGap) - rowGap)) / 2;
    return Array.from({ length: count }, (_, i) => start + i * (size + rowGap));
  };
  const left = 48;
  const step = size + Math.max(gap, text.gap + text.room);
  const columnX = columns.map((_, c) => left + c * step);
  const inputY = tops(shape.inputs);
  const neuronY = shape.layers.map((l) => tops(l.size));
  const links = new Float32Array(shape.layers.reduce((sum, l, i) => sum + l.size * columns[i], 0) * LINK_STRIDE);
  const out = size + text.gap + text.room;
  const stubs = new Float32Array(columns.slice(0, -1).reduce((sum, n) => sum + n, 0) * 4);
  let k = 0;
  let m = 0;
  for (let l = 0; l < shape.layers.length; l++) {
    const from = l === 0 ? inputY : neuronY[l - 1];
    for (const y of from) stubs.set([columnX[l] + size, y + size / 2, columnX[l] + out, y + size / 2], m++ * 4);
    for (let to = 0; to < shape.layers[l].size; to++) {
      for (let i = 0; i < from.length; i++) {
        links[k++] = columnX[l] + out;
        links[k++] = from[i] + size / 2;
        links[k++] = columnX[l + 1];
        links[k++] = neuronY[l][to] + size / 2;
        links[k++] = shape.weightIndex(l, to, i);
      }
    }
  }
  const width = columnX[columnX.length - 1] + size + text.gap + text.room;
  // Below the tallest column: room for the loss under the output.
  const height = top * 2 + span + LINE + 6;
  return { width, height, size, columnX, inputY, neuronY, links, text, stubs };
}

/**
 * The network itself under the overlay: every link coloured and patterned by its weight's
 * sign (solid positive, dashed negative), as wide as the weight is large, and a square per
 * input and neuron.
 */
export function drawNetwork(ctx: CanvasRenderingContext2D, geometry: ExampleGeometry, params: Float64Array | null, palette: Palette): void {
  const { width, height, size, columnX, inputY, neuronY, links, stubs } = geometry;
  ctx.clearRect(0, 0, width, height);
  if (stubs) {
    ctx.strokeStyle = rgbText(palette.fg, 0.45);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0; i + 3 < stubs.length; i += 4) {
      ctx.moveTo(stubs[i], stubs[i + 1]);
      ctx.lineTo(stubs[i + 2], stubs[i + 3]);
    }
    ctx.stroke();
  }
  if (params) {
    const positive = rgbText(palette.classB, 0.55);
    const negative = rgbText(palette.classA, 0.55);
    for (let i = 0; i < links.length; i += LINK_STRIDE) {
      const w = params[links[i + 4]];
      ctx.lineWidth = 0.5 + Math.min(Math.abs(w), 3);
      ctx.strokeStyle = w >= 0 ? positive : negative;
      ctx.setLineDash(w >= 0 ? [] : [4, 3]);
      ctx.beginPath();
      ctx.moveTo(links[i], links[i + 1]);
      ctx.lineTo(links[i + 2], links[i + 3]);
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }
  ctx.fillStyle = rgbText(palette.panel);
  ctx.strokeStyle = rgbText(palette.fg, 0.7);
  ctx.lineWidth = 1.5;
  const square = (x: number, y: number) => {
    ctx.fillRect(x, y, size, size);
    ctx.strokeRect(x + 0.75, y + 0.75, size - 1.5, size - 1.5);
  };
  for (const y of inputY) square(columnX[0], y);
  neuronY.forEach((column, l) => column.forEach((y) => square(columnX[l + 1], y)));
}
