import { ACTIVATIONS } from '../engine';
import { near, tex } from '../math';

const relu = ACTIVATIONS.relu.f;
import { step, type CurveState, type LessonDef, type ProbeState } from '../types';
import { curveNetwork } from '../widgets/curve-lesson';

/** The probe sits at −3, where the learner sees the value they predicted. */
export function checkProbeAtMinusThree(s: ProbeState): boolean {
  return s.activation === 'relu' && near(s.x, -3, 0.05);
}

/** Fires only above 2: the neuron's threshold −b/w sits at 2 and it rises to the right. */
export function checkThresholdTwo(s: ProbeState): boolean {
  return s.w > 0 && Math.abs(-s.b / s.w - 2) <= 0.05;
}

/** A ReLU network that has fitted |x| closely, seen as a sum of its hinges. */
export function checkHingesFit(s: CurveState): boolean {
  return s.activation === 'relu' && s.showEachNeuron && s.epoch > 0 && Number.isFinite(s.trainLoss) && s.trainLoss < 0.01;
}

/** Where the probe is, when step 1's check fails: the question is about −3. */
export function minusThreeNotYet(s: ProbeState): string | null {
  if (checkProbeAtMinusThree(s)) return null;
  return `Not quite yet: the probe is at ${fmt(s.x)}. Move it to −3, where the question asks.`;
}

/** Where the neuron starts firing now, when step 2's check fails. */
export function thresholdNotYet(s: ProbeState): string | null {
  if (checkThresholdTwo(s)) return null;
  if (s.w === 0) return 'Not quite yet: with weight 0 the neuron never changes with x. Make the weight positive.';
  if (s.w < 0)
    return 'Not quite yet: with a negative weight the neuron fires for inputs below its threshold, not above. Make the weight positive.';
  return `Not quite yet: right now the neuron starts firing above x = ${fmt(-s.b / s.w)}. Move that point to 2.`;
}

/** What is left in step 3: the network, the neurons shown, or more training. */
export function hingesNotYet(s: CurveState): string | null {
  if (checkHingesFit(s)) return null;
  if (!s.showEachNeuron) return 'Not quite yet: tick Show each neuron, so you can see the hinges that make the curve.';
  if (s.epoch === 0) return 'Not quite yet: press Train and watch the hinges move.';
  return `Not quite yet: the training loss is ${s.trainLoss.toFixed(3)}. Keep training until it is below 0.01.`;
}

/** A number as the plot's axis writes it: one decimal, with a real minus sign. */
function fmt(v: number): string {
  return (Math.round(v * 10) / 10).toFixed(1).replace('-', '−');
}

/** ReLU of the input alone: step 1, before a weight and a bias appear (step 2). */
export function reluInputFormula(s: ProbeState): string {
  return `y = \\max(0,\\ x) = \\max(0,\\ ${tex(s.x, 1, true)}) = ${tex(relu(s.x), 2)}`;
}

export function reluFormula(s: ProbeState): string {
  const z = s.w * s.x + s.b;
  return `y = \\max(0,\\ w x + b) = \\max(0,\\ ${tex(s.w, 1, true)}\\cdot ${tex(s.x, 1, true)} + ${tex(s.b, 1, true)}) = \\max(0,\\ ${tex(z, 2)}) = ${tex(relu(z), 2)}`;
}

export const lesson: LessonDef = {
  id: '03-relu',
  title: 'ReLU',
  summary: 'The simplest non-linear activation: keep positives, zero out negatives.',
  steps: [
    step({
      id: 'negative',
      title: 'What happens to negative numbers',
      widget: 'probe',
      preset: {
        initial: { activation: 'relu', w: 1, b: 0, x: 1.5, answer: null },
        choices: ['relu'],
        showWeights: false,
        showDerivative: false,
        question: null,
        extent: 5,
        // The curve left of 0 is the answer: it waits for the prediction.
        untilPredicted: 'negativeSide',
      },
      predict: {
        kind: 'number',
        question: 'What does ReLU give for an input of −3?',
        answer: 0,
        tolerance: 0,
        explanation: 'ReLU(−3) = max(0, −3) = 0: the larger of 0 and −3. Every negative input comes out as exactly zero.',
      },
      check: checkProbeAtMinusThree,
      notYet: minusThreeNotYet,
      hint: 'Slide the probe to −3 and read the output there.',
      formula: reluInputFormula,
      toLab: null,
    }),
    step({
      id: 'threshold',
      title: 'A bias makes a threshold',
      widget: 'probe',
      preset: {
        initial: { activation: 'relu', w: 1, b: 0, x: 3, answer: null },
        choices: ['relu'],
        showWeights: true,
        showDerivative: false,
        question: null,
        extent: 5,
      },
      check: checkThresholdTwo,
      notYet: thresholdNotYet,
      hint: 'With w = 1 the neuron starts firing where x + b becomes positive. Which bias makes that happen exactly at x = 2?',
      formula: reluFormula,
      toLab: null,
    }),
    step({
      id: 'hinges',
      title: 'Many hinges make a curve',
      widget: 'curve',
      preset: {
        config: curveNetwork('absolute', 'relu', 4),
        controls: ['dataset', 'width'],
        datasetChoices: ['absolute', 'parabola', 'sine', 'ownCurve'],
        activationChoices: ['relu'],
        widthChoices: [2, 4, 8, 16],
        showEachNeuron: true,
        editable: true,
        // Slow enough to watch the hinges move into place.
        speed: 10,
      },
      check: checkHingesFit,
      notYet: hingesNotYet,
      hint: 'Keep the |x| curve and Show each neuron ticked, press Train and wait until the training loss is below 0.01.',
      formula: null,
      toLab: (s) => ({ config: s.config, params: s.params }),
    }),
  ],
};
