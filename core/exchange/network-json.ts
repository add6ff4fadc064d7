/**
 * "Network as JSON": the architecture and the exact weights, in the layout NETWORK-JSON.md
 * (beside this file) documents. Numbers are written as JSON numbers that read back to the
 * same 64-bit values.
 */
import type { Knot, LabConfig, TrainingSettings } from '../config';
import type { HistoryPoint } from '../protocol';
import { exportInputs, exportLayers, dataLabel, usedKnots, type ExportSource } from './network';
import { dataKind } from '../engine/data';

export const NETWORK_JSON_FORMAT = 'activation-lab-network';
export const NETWORK_JSON_VERSION = 1;

export interface NetworkJson {
  format: typeof NETWORK_JSON_FORMAT;
  version: typeof NETWORK_JSON_VERSION;
  epoch: number;
  data: { dataset: LabConfig['data']['dataset']; label: string; problem: 'classification' | 'regression'; classes: number };
  inputs: { count: number; names: string[]; features: string[] | null };
  layers: { inputs: number; size: number; activation: string; weights: number[][]; biases: number[] }[];
  /** The drawn activation's knots when a hidden layer uses it, else null. */
  drawn: Knot[] | null;
  training: TrainingSettings;
  metrics: HistoryPoint | null;
}

export function networkJson(source: ExportSource): NetworkJson {
  const { config } = source;
  const inputs = exportInputs(config);
  const layers = exportLayers(config, source.params);
  const kind = dataKind(config.data);
  const knots = usedKnots(config);
  return {
    format: NETWORK_JSON_FORMAT,
    version: NETWORK_JSON_VERSION,
    epoch: source.epoch,
    data: { dataset: config.data.dataset, label: dataLabel(config), problem: kind.problem, classes: kind.classes },
    inputs:
      inputs.kind === 'table'
        ? { count: layers[0].fanIn, names: [...inputs.columnLabels], features: null }
        : { count: layers[0].fanIn, names: [...inputs.features], features: [...inputs.features] },
    layers: layers.map((l) => ({ inputs: l.fanIn, size: l.size, activation: l.activation, weights: l.weights, biases: l.biases })),
    drawn: knots === null ? null : knots.map((k) => ({ x: k.x, y: k.y })),
    training: { ...config.training },
    metrics: source.metrics ?? null,
  };
}

/** The file's text: two-space indented, each weight row on one line. */
export function networkJsonText(source: ExportSource): string {
  const json = networkJson(source);
  // Indent the structure, but keep each row of numbers on one line so a 784-wide layer stays readable.
  return (
    JSON.stringify(json, (_key, value: unknown) => value, 2).replace(
      /\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g,
      (_m, inner: string) => `[${inner.replace(/,\s+/g, ', ')}]`,
    ) + '\n'
  );
}
