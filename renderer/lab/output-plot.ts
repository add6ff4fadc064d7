/**
 * What the Lab's output plot (OutputPlot.svelte) decides without a canvas: which values its
 * heatmap shows (the output, or the neuron or input the learner points at in the diagram),
 * the note naming that choice, the faint axes and the keyboard cross-hair it draws over the
 * heatmap, and how the cross-hair moves.
 */
import type { GridOutputs } from '../../core/engine/grid';
import { rgbText } from '../ui/color';
import type { Palette } from '../ui/palette';
import { valueRange } from './draw';
import { DOMAIN, toPixel } from './points';
import type { NeuronRef } from './view.svelte';

/** The classes' names in label order, as the legend and the point picker show them. */
export const CLASS_NAMES = ['Orange (class A)', 'Blue (class B)', 'Pink (class C)'] as const;

/** What the heatmap shows: one array of values over a range, or the output's class probabilities. */
export type HeatSource =
  | { kind: 'values'; values: ArrayLike<number>; min: number; max: number; discretize: boolean }
  | { kind: 'classes'; outputs: readonly ArrayLike<number>[]; discretize: boolean };

/**
 * The heatmap's source: the hovered input feature (over the data's domain, never in steps) or
 * neuron (over what its activation can output), else the output layer: the class colours when
 * it has several outputs, one output over its activation's range otherwise. Regression is
 * never shown in steps. `activations` are the layers' activations, the output layer's last.
 */
export function heatSource(
  grid: GridOutputs,
  hovered: NeuronRef | null,
  activations: readonly string[],
  discretize: boolean,
  regression: boolean,
): HeatSource {
  const layers = grid.layers;
  const outputLayer = layers[layers.length - 1];
  if (hovered && hovered.layer < 0 && grid.features[hovered.neuron]) {
    return { kind: 'values', values: grid.features[hovered.neuron], min: -DOMAIN, max: DOMAIN, discretize: false };
  }
  if (hovered && hovered.layer >= 0 && layers[hovered.layer]?.[hovered.neuron]) {
    const range = valueRange(activations[hovered.layer]);
    return { kind: 'values', values: layers[hovered.layer][hovered.neuron], ...range, discretize };
  }
  if (outputLayer.length > 1) return { kind: 'classes', outputs: outputLayer, discretize };
  const range = valueRange(activations[activations.length - 1]);
  return { kind: 'values', values: outputLayer[0], ...range, discretize: discretize && !regression };
}

/** The note beside the plot's title while the diagram points at an input or a neuron, or null. */
export function hoveredLabel(hovered: NeuronRef | null, layerCount: number): string | null {
  if (!hovered) return null;
  if (hovered.layer < 0) return `Showing input ${hovered.neuron + 1}`;
  return hovered.layer === layerCount - 1
    ? `Showing output ${hovered.neuron + 1}`
    : `Showing layer ${hovered.layer + 1}, neuron ${hovered.neuron + 1}`;
}

/** Where an arrow key moves the cross-hair (Shift: a whole unit, else a quarter), kept inside the domain; null for other keys. */
export function movedCursor(cursor: { x1: number; x2: number }, key: string, big: boolean): { x1: number; x2: number } | null {
  const step = big ? 1 : 0.25;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
    ArrowUp: [0, step],
    ArrowDown: [0, -step],
  };
  const move = moves[key];
  if (!move) return null;
  return {
    x1: Math.max(-DOMAIN, Math.min(DOMAIN, cursor.x1 + move[0])),
    x2: Math.max(-DOMAIN, Math.min(DOMAIN, cursor.x2 + move[1])),
  };
}

/** Clears the overlay and draws its faint axes through the origin. */
export function drawOverlayAxes(ctx: CanvasRenderingContext2D, size: number, palette: Palette): void {
  ctx.clearRect(0, 0, size, size);
  ctx.strokeStyle = rgbText(palette.fg, 0.18);
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(size / 2, 0);
  ctx.lineTo(size / 2, size);
  ctx.moveTo(0, size / 2);
  ctx.lineTo(size, size / 2);
  ctx.stroke();
}

/** The keyboard's cross-hair at (x1, x2) in data units. */
export function drawCrossHair(ctx: CanvasRenderingContext2D, x1: number, x2: number, size: number, palette: Palette): void {
  const { px, py } = toPixel(x1, x2, size);
  ctx.strokeStyle = rgbText(palette.fg);
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(px - 8, py);
  ctx.lineTo(px + 8, py);
  ctx.moveTo(px, py - 8);
  ctx.lineTo(px, py + 8);
  ctx.stroke();
}
