/** Small builders shared by the engine tests. */
import { defaultConfig, type ActivationName, type DataPoint, type LabConfig } from '../../../core/config';

/** The four XOR corners as class labels (same sign → class 0 here, as in the Deep Learning book's table). */
export const XOR_POINTS: DataPoint[] = [
  { x1: 0, x2: 0, label: 0 },
  { x1: 0, x2: 1, label: 1 },
  { x1: 1, x2: 0, label: 1 },
  { x1: 1, x2: 1, label: 0 },
];

/** A configuration built from the Playground defaults with some parts replaced. */
export function configWith(changes: {
  dataset?: LabConfig['data']['dataset'];
  points?: DataPoint[];
  problem?: LabConfig['data']['problem'];
  size?: number;
  hidden?: [number, ActivationName][];
  output?: LabConfig['network']['outputActivation'];
  features?: LabConfig['features'];
  training?: Partial<LabConfig['training']>;
  seed?: number;
  trainRatio?: number;
  noise?: number;
}): LabConfig {
  const c = defaultConfig();
  if (changes.dataset) c.data.dataset = changes.dataset;
  if (changes.points) c.data.points = changes.points;
  if (changes.problem) c.data.problem = changes.problem;
  if (changes.size !== undefined) c.data.size = changes.size;
  if (changes.trainRatio !== undefined) c.data.trainRatio = changes.trainRatio;
  if (changes.noise !== undefined) c.data.noise = changes.noise;
  if (changes.hidden) c.network.hidden = changes.hidden.map(([size, activation]) => ({ size, activation }));
  if (changes.output) c.network.outputActivation = changes.output;
  if (changes.features) c.features = changes.features;
  if (changes.training) c.training = { ...c.training, ...changes.training };
  if (changes.seed !== undefined) c.seed = changes.seed;
  return c;
}

/** Interleaves (x1, x2) pairs into the flat layout forwardPoints takes. */
export function flatPoints(points: readonly { x1: number; x2: number }[]): Float64Array {
  const xy = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    xy[2 * i] = p.x1;
    xy[2 * i + 1] = p.x2;
  });
  return xy;
}
