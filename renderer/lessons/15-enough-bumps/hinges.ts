/**
 * The `hinges` widget: a few ReLU neurons set by hand on a curve, y = Σⱼ vⱼ·ReLU(wⱼx + bⱼ) + c,
 * as a real one-input network (so the Lab's curve plot can draw it and each neuron's share),
 * and how far it is from the target points.
 */
import type { DataPoint, LabConfig } from '../../../core/config';
import { curveView, networkShape } from '../../../core/engine';
import { curveNetwork } from '../widgets/curve-lesson';

export interface HingeSettings {
  /** Input weights, biases and output weights of the neurons (one entry each), and the output bias. */
  w: number[];
  b: number[];
  v: number[];
  c: number;
}

export interface HingesState extends HingeSettings {
  /** Mean of ½·(y − target)² over the target points. */
  loss: number;
  showEachNeuron: boolean;
  /** The learner's typed answer to the preset's question, or null. */
  answer: number | null;
}

export interface HingesPreset {
  /** The neurons' starting settings (as many neurons as entries). */
  initial: HingeSettings;
  /** The points to match (x in x1, y in label). */
  target: DataPoint[];
  /** A question answered with a typed number, or null. */
  question: string | null;
}

/** A ReLU network of `count` hidden neurons on the target points. */
export function hingeConfig(target: readonly DataPoint[], count: number): LabConfig {
  const config = curveNetwork('ownCurve', 'relu', count);
  config.data.points = target.map((p) => ({ ...p }));
  return config;
}

/** The settings in the engine's parameter layout. */
export function hingeParams(config: LabConfig, s: HingeSettings): Float64Array {
  const shape = networkShape(config);
  const params = new Float64Array(shape.paramCount);
  for (let j = 0; j < s.w.length; j++) {
    params[shape.weightIndex(0, j, 0)] = s.w[j];
    params[shape.biasIndex(0, j)] = s.b[j];
    params[shape.weightIndex(1, 0, j)] = s.v[j];
  }
  params[shape.biasIndex(1, 0)] = s.c;
  return params;
}

/** Mean ½·squared error of the hand-set network over the target points (the engine's forward pass). */
export function hingeLoss(config: LabConfig, s: HingeSettings, target: readonly DataPoint[]): number {
  const view = curveView(
    config,
    hingeParams(config, s),
    Float64Array.from(target, (p) => p.x1),
  );
  let sum = 0;
  target.forEach((p, i) => (sum += 0.5 * (view.output[i] - p.label) ** 2));
  return sum / target.length;
}
