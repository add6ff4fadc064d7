import { formatRatio } from '../../lab/gradient-flow';
import { labConfig } from '../presets';
import { step, type ExplorerState, type GradientFlowState, type LessonDef } from '../types';

/** The sigmoid's slope is largest at 0, where it is exactly 1/4; the check allows the cursor a little way off. */
export const STEEPEST_SLOPE = 0.249;
/** The share of the output layer's gradient that step 2 asks layer 1 to fall under. */
export const VANISHED = 0.01;
/** The share of the output layer's gradient that counts as "arrives" for ReLU in step 3. */
export const ARRIVES = 0.1;
/** The depth step 4 asks about, and the bound the slopes alone put on layer 1's share there. */
export const PREDICT_DEPTH = 6;
export const SLOPE_BOUND = 0.25 ** PREDICT_DEPTH;

/** Step 1's choices: the largest slope a sigmoid has (a quarter, at x = 0). */
export const SLOPE_CHOICES = ['1', '0.5', '0.25', '0.1'];
export const LARGEST_SLOPE = '0.25';

export function checkSteepest(s: ExplorerState): boolean {
  return s.activation === 'sigmoid' && Number.isFinite(s.df) && s.df >= STEEPEST_SLOPE;
}

/** After a failed check on step 1: the slope where the cursor is, and which way is steeper. */
export function steepestNotYet(s: ExplorerState): string | null {
  if (s.activation !== 'sigmoid' || !Number.isFinite(s.df) || s.df >= STEEPEST_SLOPE) return null;
  const where = s.x.toFixed(2).replace('-', '−');
  const way = s.x > 0 ? 'left' : 'right';
  return `Not quite yet: at x = ${where} the slope is ${s.df.toFixed(4)}. Move the cursor ${way}, to where the dashed slope curve is highest.`;
}

/** Layer 1 of a sigmoid network (two hidden layers or more) gets under a hundredth of the output layer's gradient. */
export function checkVanished(s: GradientFlowState): boolean {
  return s.activation === 'sigmoid' && s.hiddenLayers >= 2 && s.firstOverLast !== null && s.firstOverLast < VANISHED;
}

/** Epochs a depth must be trained before its share counts ("a few epochs"). */
export const FEW_EPOCHS = 3;

/**
 * Step 2's answer, from the learner's own runs: the first sigmoid depth whose layer 1 got under
 * 1/100 of the output layer's gradient, every shallower depth trained too (a few epochs each);
 * null until the runs show it.
 */
export function firstVanishingDepth(s: GradientFlowState): number | null {
  for (let layers = 1; layers <= 16; layers++) {
    const run = s.tried.find((t) => t.activation === 'sigmoid' && t.layers === layers && t.epoch >= FEW_EPOCHS);
    if (run === undefined) return null;
    if (run.share < VANISHED) return layers;
  }
  return null;
}

/** The learner's runs found the first depth at which layer 1 gets under 1/100. */
export function checkFoundDepth(s: GradientFlowState): boolean {
  return firstVanishingDepth(s) !== null;
}

/** After a failed check on step 2: the next depth the runs still need, and what they showed so far. */
export function foundDepthNotYet(s: GradientFlowState): string | null {
  if (checkFoundDepth(s)) return null;
  for (let layers = 1; layers <= 16; layers++) {
    const run = s.tried.find((t) => t.activation === 'sigmoid' && t.layers === layers && t.epoch >= FEW_EPOCHS);
    if (run !== undefined) continue;
    const todo = `hidden layer${layers === 1 ? '' : 's'}, train at least ${FEW_EPOCHS} epochs and read Layer 1 in the table.`;
    if (layers === 1) return `Not quite yet: choose 1 ${todo}`;
    return `Not quite yet: with ${layers - 1}, layer 1 still got more than 1/100. Choose ${layers} ${todo}`;
  }
  return null;
}

/** Step 3's choices: what a ReLU network five layers deep passes back to its first layer. */
export const RELU_VANISHES = 'Less than 1/100, as with sigmoid';
export const RELU_ARRIVES = 'A tenth or more';

/** A ReLU network at least four layers deep whose first layer gets a tenth of the output's gradient or more. */
export function checkReluArrives(s: GradientFlowState): boolean {
  return s.activation === 'relu' && s.hiddenLayers >= 4 && s.epoch >= 5 && s.firstOverLast !== null && s.firstOverLast >= ARRIVES;
}

/** After a failed check on step 3: ReLU, depth or epochs still to set. */
export function reluArrivesNotYet(s: GradientFlowState): string | null {
  if (checkReluArrives(s)) return null;
  if (s.activation !== 'relu')
    return 'Not quite yet: the hidden layers are still sigmoid. Switch the hidden activation to ReLU, then train.';
  if (s.hiddenLayers < 4) return 'Not quite yet: choose four hidden layers or more, then train.';
  if (s.epoch < 5) return `Not quite yet: it has trained ${s.epoch} of the 5 epochs; keep training, then read Layer 1.`;
  return null;
}

/**
 * The typed bound is 0.25⁶ — written as the share (0.000244, 1/4096) or as the factor (4096);
 * and the measured share at six sigmoid layers is under it.
 */
export function predictedBound(answer: number | null): boolean {
  if (answer === null || !(answer > 0)) return false;
  const asShare = answer < 1 ? answer : 1 / answer;
  return Math.abs(asShare / SLOPE_BOUND - 1) <= 0.05;
}

export function checkPredicted(s: GradientFlowState): boolean {
  return (
    predictedBound(s.answer) &&
    s.activation === 'sigmoid' &&
    s.hiddenLayers === PREDICT_DEPTH &&
    s.firstOverLast !== null &&
    s.firstOverLast <= SLOPE_BOUND
  );
}

/** A right number typed before the experiment is done: say so, and what is left to do. */
export function predictedNotYet(s: GradientFlowState): string | null {
  if (!predictedBound(s.answer) || checkPredicted(s)) return null;
  if (s.activation !== 'sigmoid' || s.hiddenLayers !== PREDICT_DEPTH) {
    return `Your number is right; now choose ${PREDICT_DEPTH} hidden layers and train the deep network to see it happen.`;
  }
  if (s.firstOverLast === null) return 'Your number is right; now train the deep network to see it happen.';
  return 'Your number is right; keep training the deep network until layer 1’s measured share falls under it.';
}

/** The network the gradient is measured on: the circle, four neurons per hidden layer. */
function flowConfig(layers: number, activation: 'sigmoid' | 'relu') {
  return labConfig({ dataset: 'circle', hidden: Array.from({ length: layers }, () => 4), activation, learningRate: 0.03, seed: 1 });
}

export const lesson: LessonDef = {
  id: '10-chain-of-slopes',
  title: 'The chain of slopes',
  summary: 'Why a deep sigmoid network barely trains its first layers, and why ReLU does not have that problem.',
  steps: [
    step({
      id: 'steepest',
      title: 'How steep can a sigmoid get?',
      widget: 'explorer',
      preset: { initial: 'sigmoid', choices: ['sigmoid'], x: 3, untilPredicted: 'slope' },
      predict: {
        kind: 'choice',
        question: 'What is the largest slope the sigmoid has anywhere?',
        options: SLOPE_CHOICES,
        answers: [LARGEST_SLOPE],
        explanation:
          'The slope is σ(x)·(1 − σ(x)): two numbers that add up to 1, multiplied. That is largest when both are one half, at x = 0, where it is ½ × ½ = ¼. So going back through one sigmoid layer keeps at most a quarter of the gradient, whatever the input.',
      },
      check: checkSteepest,
      notYet: steepestNotYet,
      hint: 'Move the cursor towards the middle of the S, where the curve climbs fastest, and read the slope there.',
      formula: (s) => `\\sigma'(${s.x.toFixed(2)}) = ${Number.isFinite(s.df) ? s.df.toFixed(4) : '?'}`,
      toLab: null,
    }),
    step({
      id: 'deep-sigmoid',
      title: 'Stack sigmoid layers',
      widget: 'gradientFlow',
      preset: { config: flowConfig(1, 'sigmoid'), activationChoices: ['sigmoid'], depthChoices: [1, 2, 3, 4, 5, 6], speed: 10 },
      predict: {
        kind: 'number',
        question: 'How many sigmoid layers will it take before layer 1 gets less than 1/100 of the output layer’s gradient?',
        unit: 'layers',
        // What the lesson's own runs measured (test/renderer/lessons/lesson-10.test.ts); the learner's run is the judge.
        answer: 3,
        tolerance: 0,
        judgedByRun: {
          findOut: `start with 1 layer, press Train for ${FEW_EPOCHS} epochs or more and read Layer 1 in the table; then add one layer at a time, training each, until Layer 1 gets less than 1/100 of it (below ×0.01 in the table). Your runs give the answer.`,
          measure: firstVanishingDepth,
        },
        explanation:
          'Going back through each sigmoid layer keeps at most a quarter of the gradient, and the small weights on the way shrink it further, so only a few layers leave the first one almost nothing.',
      },
      check: checkFoundDepth,
      notYet: foundDepthNotYet,
      hint: `Start at 1 hidden layer: press Train for ${FEW_EPOCHS} epochs or more and read Layer 1 in the table. Then choose 2 layers, train again, and so on, until Layer 1 is below 1/100.`,
      formula: null,
      toLab: null,
    }),
    step({
      id: 'relu-flows',
      title: 'The same depth with ReLU',
      widget: 'gradientFlow',
      preset: { config: flowConfig(5, 'sigmoid'), activationChoices: ['sigmoid', 'relu'], depthChoices: [4, 5, 6], speed: 10 },
      predict: {
        kind: 'choice',
        question: 'With ReLU at five layers, how much of the output layer’s gradient will layer 1 get?',
        options: [RELU_VANISHES, RELU_ARRIVES],
        answers: [RELU_ARRIVES],
        explanation:
          'Going back through a neuron that is on multiplies the gradient by 1, so a path of active ReLUs passes it back without shrinking it. Layer 1 gets a good share of what the output layer gets (often half or more), not a ten-thousandth: nothing vanishes on the way.',
      },
      check: checkReluArrives,
      notYet: reluArrivesNotYet,
      hint: 'Pick ReLU as the hidden activation, keep at least four layers, and train for five epochs or more. Then read Layer 1 in the table.',
      formula: null,
      toLab: null,
    }),
    step({
      id: 'predict-six',
      title: 'Predict, then measure',
      widget: 'gradientFlow',
      preset: {
        config: flowConfig(4, 'sigmoid'),
        activationChoices: ['sigmoid'],
        depthChoices: [2, 4, 6],
        speed: 10,
        question: 'Most of the output layer’s gradient layer 1 can get with 6 sigmoid layers',
      },
      check: checkPredicted,
      notYet: predictedNotYet,
      hint: 'Each sigmoid layer passes on at most a quarter: multiply 0.25 by itself once per layer (six times). Type it, then choose 6 hidden layers and train to see the measured share is smaller still.',
      // The limit is the number the step asks for: it shows only once the learner has typed it right.
      formula: (s) =>
        `0.25^{${s.hiddenLayers}} = ${predictedBound(s.answer) ? (0.25 ** s.hiddenLayers).toPrecision(2) : '?'}` +
        (s.firstOverLast === null ? '' : `\\quad\\text{measured: }{\\times}\\text{${formatRatio(s.firstOverLast).slice(1)}}`),
      toLab: null,
    }),
  ],
};
