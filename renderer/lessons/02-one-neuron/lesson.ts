import type { DataPoint } from '../../../core/config';
import { neuronCorrect, neuronSum, tex } from '../math';
import { neuronHandoff } from '../presets';
import { step, type LabHandoff, type LessonDef, type NeuronState } from '../types';

/** A fixed scatter of offsets (no random numbers needed for twelve points). */
const OFFSETS: [number, number][] = [
  [0, 0],
  [0.6, 0.3],
  [-0.5, 0.4],
  [0.3, -0.6],
  [-0.4, -0.5],
  [0.9, -0.1],
  [-0.8, 0.1],
  [0.2, 0.8],
  [-0.2, -0.9],
  [0.7, 0.7],
  [-0.7, -0.6],
  [0.1, 0.4],
];

/** Orange cluster low on the left, blue cluster high on the right. */
export const CLUSTERS: DataPoint[] = [
  ...OFFSETS.map(([dx, dy]) => ({ x1: -2 + dx, x2: -1.5 + dy, label: 0 })),
  ...OFFSETS.map(([dx, dy]) => ({ x1: 2 + dx, x2: 1.5 + dy, label: 1 })),
];

/** The point the live formula is worked out for. */
export const SAMPLE = { x1: 1, x2: 2 };

export function checkFlipped(s: NeuronState): boolean {
  return s.w1 < 0;
}

export function checkSeparates(s: NeuronState): boolean {
  return neuronCorrect(s, CLUSTERS) === CLUSTERS.length;
}

export function neuronFormula(s: NeuronState, x1: number, x2: number): string {
  const z = neuronSum(s, x1, x2);
  return `w_1 x_1 + w_2 x_2 + b = ${tex(s.w1, 1, true)}\\cdot ${tex(x1, 1, true)} + ${tex(s.w2, 1, true)}\\cdot ${tex(x2, 1, true)} + ${tex(s.b, 1, true)} = ${tex(z, 2)}`;
}

const initial: NeuronState = { w1: 1, w2: -1, b: 0.5 };
const toLab = (s: NeuronState): LabHandoff => neuronHandoff(s, CLUSTERS);

export const lesson: LessonDef = {
  id: '02-one-neuron',
  title: 'One neuron',
  summary: 'Multiply by weights, add a bias, apply an activation — and see the line it draws.',
  steps: [
    step({
      id: 'flip',
      title: 'Weights tilt the line',
      widget: 'neuron',
      preset: { initial, points: CLUSTERS, extent: 4, range: 3 },
      check: checkFlipped,
      hint: 'Drag the w₁ slider to the left of zero.',
      formula: (s) => neuronFormula(s, SAMPLE.x1, SAMPLE.x2),
      toLab,
    }),
    step({
      id: 'separate',
      title: 'Separate the two clusters',
      widget: 'neuron',
      preset: { initial, points: CLUSTERS, extent: 4, range: 3 },
      check: checkSeparates,
      hint: 'The blue points sit up and to the right. Try both weights positive (say w₁ = 1, w₂ = 1) and a bias near 0, then watch the colours.',
      formula: (s) => neuronFormula(s, SAMPLE.x1, SAMPLE.x2),
      toLab,
    }),
  ],
};
