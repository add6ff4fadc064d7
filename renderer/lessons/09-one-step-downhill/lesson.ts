import type { ChoicePrediction } from '../predict';
import { labConfig } from '../presets';
import { step, type LessonDef, type OneExampleState } from '../types';
import { lossAt, SURFACE_POINTS, type LossSurfacePreset, type LossSurfaceState } from '../widgets/loss-surface';

export const LEARNING_RATE = 3;
/** The loss that counts as "at the bottom". */
export const BOTTOM = 0.001;
/** A loss that counts as "high", and a step that counts as "tiny", for the flat-ground step. */
export const HIGH_LOSS = 0.2;
export const TINY_STEP = 0.1;

export const BIGGER = 'w gets bigger';
export const SMALLER = 'w gets smaller';
export const SAME = 'w stays the same';

/**
 * The sliders place the start within ±6; the map reaches ±8.5. Measured: from every start the
 * sliders allow, steps at learning rate 3 never go past 7.98 (from w = −6, b = −6; from −5, 5
 * they climb to b = 6.34), so the whole path stays on the map.
 */
export const START_EXTENT = 6;
export const MAP_EXTENT = 8.5;

function surface(start: { w: number; b: number }, bottom?: number): LossSurfacePreset {
  return {
    points: SURFACE_POINTS,
    start,
    learningRate: LEARNING_RATE,
    extent: START_EXTENT,
    mapExtent: MAP_EXTENT,
    ...(bottom === undefined ? {} : { bottom }),
  };
}

/** The way one step moves w from where the steps started (what the learner was asked to predict). */
export function wayFrom(start: { w: number; b: number }): string {
  const g = lossAt(SURFACE_POINTS, start.w, start.b).gradW;
  if (Math.abs(g) < 1e-9) return SAME;
  return g < 0 ? BIGGER : SMALLER;
}

/**
 * A step was taken (after the prediction, which the page asks first and judges: right or wrong,
 * the learner then sees the step for themselves, as in lesson 8).
 */
export function checkWay(s: LossSurfaceState): boolean {
  return s.steps >= 1;
}

/** Walked down to the bottom by steps (not placed there with the sliders). */
export function checkBottom(s: LossSurfaceState): boolean {
  return s.steps >= 1 && s.startLoss >= 10 * BOTTOM && s.loss < BOTTOM;
}

/** How many steps step 3 asks the learner to take from the flat start. */
export const FLAT_STEPS = 100;

/**
 * The learner started the path at a place with a high loss whose first step is tiny (the
 * sigmoid's slope is nearly flat there), and took the hundred steps the text asks for. It
 * judges where the path started, not where the dot is now: from some flat places 100 steps
 * do reach the bottom (from (−3, 3) in 90), and following the text must not undo a pass.
 */
export function checkFlat(s: LossSurfaceState): boolean {
  return s.startLoss >= HIGH_LOSS && s.startStep <= TINY_STEP && s.steps >= FLAT_STEPS;
}

/** A loss as the read-out writes it: small ones in scientific notation. */
const lossText = (v: number): string => (v < 0.001 ? v.toExponential(1) : v.toFixed(3));

/** Step 1 before any step: what to press. */
export function wayNotYet(s: LossSurfaceState): string | null {
  return checkWay(s) ? null : 'Not quite yet: press Take one step and watch where the dot goes.';
}

/** Step 2: the steps to take, a start already at the bottom, or how far the loss still has to fall. */
export function bottomNotYet(s: LossSurfaceState): string | null {
  if (checkBottom(s)) return null;
  if (s.startLoss < 10 * BOTTOM)
    return 'Not quite yet: the start is already at the bottom. Move it away (to w = 0, b = 0, say) and walk down by steps.';
  if (s.steps === 0) return 'Not quite yet: take steps downhill (Take 10 steps is quicker).';
  return `Not quite yet: after ${s.steps} steps the loss is ${lossText(s.loss)}. Keep taking steps until it is below ${BOTTOM}.`;
}

/** Step 3: which of the start's two numbers is off, or how many steps are left. */
export function flatNotYet(s: LossSurfaceState): string | null {
  if (checkFlat(s)) return null;
  if (s.startLoss < HIGH_LOSS)
    return `Not quite yet: the loss at your start is ${lossText(s.startLoss)}. Move the start to where it is ${HIGH_LOSS} or more.`;
  if (s.startStep > TINY_STEP)
    return `Not quite yet: the first step from your start is ${s.startStep.toFixed(3)} long. Find a start where it is ${TINY_STEP} or shorter.`;
  return `Not quite yet: ${s.steps} steps from this start so far. Press Take ${FLAT_STEPS} steps.`;
}

export function checkOneExample(s: OneExampleState): boolean {
  return s.updates >= 1 && s.phase === 'updated';
}

export const WAY_START = { w: -2, b: 1 };

/**
 * Step 1's prediction, committed before the arrow and the gradient are shown (and before the
 * step buttons work, so a step cannot be watched first and copied). From (−2, 1) ∂L/∂w is
 * −0.044 (the lesson's test holds it), so a step makes w bigger.
 */
export const WAY_PREDICTION: ChoicePrediction = {
  kind: 'choice',
  question: 'What will one step of training do to w?',
  options: [BIGGER, SMALLER, SAME],
  answers: [wayFrom(WAY_START)],
  explanation:
    'Here ∂L/∂w is −0.044: the loss falls as w grows. A step goes against the gradient, w − 3 · (−0.044), so w grows by about 0.13 and the dot moves right, onto less orange ground: a lower loss.',
};

const exampleConfig = labConfig({ dataset: 'circle', hidden: [3], activation: 'sigmoid', output: 'sigmoid', learningRate: 0.3, seed: 2 });

export const lesson: LessonDef = {
  id: '09-one-step-downhill',
  title: 'One step downhill',
  summary: 'What one step of training does to a weight and a bias, and why a flat activation makes that step tiny.',
  steps: [
    step({
      id: 'which-way',
      title: 'Which way is downhill?',
      widget: 'lossSurface',
      preset: surface(WAY_START),
      predict: WAY_PREDICTION,
      check: checkWay,
      notYet: wayNotYet,
      hint: 'Find the dot on the map and look for the less orange ground (lower loss) nearest to it. Moving right makes w bigger. Commit your prediction under "Predict first", then press Take one step and see.',
      formula: (s) =>
        `\\frac{\\partial L}{\\partial w} = ${s.gradW.toFixed(3)},\\quad \\frac{\\partial L}{\\partial b} = ${s.gradB.toFixed(3)}`,
      toLab: null,
    }),
    step({
      id: 'to-the-bottom',
      title: 'Step by step to the bottom',
      widget: 'lossSurface',
      preset: surface({ w: 0, b: 0 }, BOTTOM),
      check: checkBottom,
      notYet: bottomNotYet,
      hint: 'Keep pressing Take one step (or Take 10 steps) until the loss is below 0.001.',
      formula: (s) =>
        `w \\leftarrow w - ${LEARNING_RATE}\\cdot(${s.gradW.toFixed(4)}),\\quad b \\leftarrow b - ${LEARNING_RATE}\\cdot(${s.gradB.toFixed(4)})`,
      toLab: null,
    }),
    step({
      id: 'flat-ground',
      title: 'High up, but flat',
      widget: 'lossSurface',
      preset: surface({ w: 0, b: 0 }, BOTTOM),
      check: checkFlat,
      notYet: flatNotYet,
      hint: 'Press Show the whole map to see the far corners, then move the start into one where it is strongly orange (a big loss), for example w = −4 and b = 4: every z there is far from 0, where σ′ is nearly 0. Read the loss (0.2 or more) and the next step’s length (0.1 or less), then press Take 100 steps.',
      formula: (s) => `\\overline{\\sigma'(z)} = ${s.slope.toFixed(3)},\\quad \\text{loss} = ${s.loss.toFixed(3)}`,
      toLab: null,
    }),
    step({
      id: 'one-example',
      title: 'The same step inside a network',
      widget: 'oneExample',
      preset: { config: exampleConfig, picked: { layer: 0, neuron: 0 } },
      check: checkOneExample,
      hint: 'Press One example, then Backward, then Apply update.',
      formula: null,
      toLab: (s) => (s.params === null ? null : { config: s.config, params: s.params }),
    }),
  ],
};
