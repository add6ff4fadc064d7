import { curvePoint } from '../../../core/engine';
import { curveNetwork } from '../widgets/curve-lesson';
import { step, type CurvePreset, type CurveState, type LessonDef } from '../types';
import type { HingesPreset, HingesState } from './hinges';

const relu = (x: number): number => Math.max(0, x);
const range = (from: number, to: number, by: number): number[] =>
  Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => from + i * by);

/** A peak at x = 1 made of two hinges: rising from x = −1, falling after x = 1 (and on below 0 past x = 3). */
export const PEAK = range(-4, 3, 0.5).map((x) => curvePoint(x, relu(x + 1) - 2 * relu(x - 1)));
/** A bump flat on both sides: 0 outside −2…2, up to 2 at x = 0. It has three bends. */
export const BUMP = range(-6, 6, 0.5).map((x) => curvePoint(x, relu(x + 2) - 2 * relu(x) + relu(x - 2)));

/** Close enough to every dot (mean ½·squared error). */
export const MATCHED = 0.005;
/** Epochs each width must be trained before its loss counts in the width table. */
export const WIDTH_EPOCHS = 300;

export function checkPeak(s: HingesState): boolean {
  return s.loss < MATCHED;
}

/** The flat-sided bump matched, and the learner says it takes three hinges (three bends). */
export function checkBump(s: HingesState): boolean {
  return s.loss < MATCHED && s.answer === 3;
}

/** A wrong count says how to count; the right count typed before the bump is matched says the fit is what is left. */
export function bumpNotYet(s: HingesState): string | null {
  if (checkBump(s)) return null;
  if (s.answer === null) return 'Not quite yet: first type how many hinges this bump needs, in the box under the sliders.';
  if (s.answer !== 3)
    return `Not quite yet: ${s.answer} is not the count. Follow the dots from left to right: each place where they change direction needs one hinge.`;
  return `Your count is right: 3 hinges. Now set the sliders so the line runs through every dot (the loss must fall below ${MATCHED}).`;
}

/** A trained ReLU curve seen hinge by hinge, and the most bends it can have: one per neuron. */
export function checkSumOfHinges(s: CurveState): boolean {
  return s.activation === 'relu' && s.showEachNeuron && s.epoch >= 100 && s.answer === s.width;
}

/** A wrong number says what can bend; the right one typed before the run is done says what is left to do. */
export function sumOfHingesNotYet(s: CurveState): string | null {
  if (checkSumOfHinges(s)) return null;
  if (s.answer === null) return 'Not quite yet: type the most bends this curve can have, in the box under the loss chart.';
  if (s.answer !== s.width)
    return `Not quite yet: ${s.answer} is not it. Each ReLU neuron bends the curve at one place, its hinge, and the output only adds the neurons up.`;
  const right = `Your number is right: at most ${s.width} bends, one per neuron.`;
  if (!s.showEachNeuron) return `${right} Now tick Show each neuron to see the hinges.`;
  return `${right} Now train for at least 100 epochs (${s.epoch} so far) and watch the hinges line up.`;
}

/** The choices for lesson 15's width prediction: the first is right. */
export const WIDTH_OPTIONS = [
  'It falls: the wider, the closer the fit',
  'It stays about the same: the curve is simple',
  'It rises: more neurons get in each other’s way',
];

/** At least three widths trained fairly, and the widest of them fits at least twice as closely as the narrowest. */
export function checkWiderFitsCloser(s: CurveState): boolean {
  const fair = (s.widths ?? []).filter((r) => r.epochs >= WIDTH_EPOCHS);
  if (fair.length < 3) return false;
  return fair[fair.length - 1].lowestTestLoss < fair[0].lowestTestLoss / 2;
}

/** How many widths have had their fair run so far, or that the widest did not fit closely enough. */
export function widerNotYet(s: CurveState): string | null {
  if (checkWiderFitsCloser(s)) return null;
  const fair = (s.widths ?? []).filter((r) => r.epochs >= WIDTH_EPOCHS).length;
  if (fair < 3)
    return `Not quite yet: ${fair} of the three widths trained for ${WIDTH_EPOCHS} epochs so far. Pick another number of neurons and press Train.`;
  return 'Not quite yet: the widest layer you trained does not fit twice as closely as the narrowest. Add a much wider one (16 neurons, say).';
}

const hinges = (count: number, target: HingesPreset['target'], question: string | null = null): HingesPreset => {
  const zeros = Array.from({ length: count }, () => 0);
  return { initial: { w: [1, ...zeros.slice(1)], b: [...zeros], v: [1, ...zeros.slice(1)], c: 0 }, target, question };
};

/** The sine curve with one hidden ReLU layer, trained with Adam (seed 10: its losses fall with every width). */
function sine(width: number, o: Partial<CurvePreset>): CurvePreset {
  const config = curveNetwork('sine', 'relu', width, 10);
  config.training = { ...config.training, optimizer: 'adam', learningRate: 0.03 };
  return {
    config,
    controls: ['width'],
    datasetChoices: ['sine'],
    activationChoices: ['relu'],
    widthChoices: [2, 4, 8, 16],
    showEachNeuron: true,
    editable: false,
    ...o,
  };
}

export const lesson: LessonDef = {
  id: '15-enough-bumps',
  title: 'Enough bumps fit anything',
  summary: 'Build a bump from ReLU hinges by hand, then watch a trained network add up hinges to follow a curve.',
  steps: [
    step({
      id: 'peak-by-hand',
      title: 'Two hinges make a peak',
      widget: 'hinges',
      preset: hinges(2, PEAK),
      check: checkPeak,
      hint: 'Neuron 1 should start rising where the dots start rising (x = −1): its bias sets where, its output weight how steeply. Neuron 2 must bend where the dots turn (x = 1) and pull down hard enough to turn the rise into a fall.',
      formula: null,
      toLab: null,
    }),
    step({
      id: 'bump-by-hand',
      title: 'A bump flat on both sides',
      widget: 'hinges',
      preset: hinges(4, BUMP, 'How many hinges does this bump need?'),
      check: checkBump,
      notYet: bumpNotYet,
      hint: 'Count the places where the dots change direction. Rise from x = −2, turn down at 0, level off at 2: each turn is one neuron. Leave the spare neuron at v = 0.',
      formula: null,
      toLab: null,
    }),
    step({
      id: 'sum-of-hinges',
      title: 'A trained sum of hinges',
      widget: 'curve',
      // "Watch the hinges move into place": 60 epochs a second shows it in about two seconds
      // (full speed ran thousands of epochs before a learner could pause, the move lost in a blink).
      preset: sine(8, { question: 'The most bends this curve can have', speed: 60 }),
      check: checkSumOfHinges,
      notYet: sumOfHingesNotYet,
      hint: 'Train for at least 100 epochs with Show each neuron ticked. Each neuron adds one hinge: how many bends can the sum have at most?',
      formula: null,
      toLab: (s) => ({ config: s.config, params: s.params }),
    }),
    step({
      id: 'wider-fits-closer',
      title: 'More neurons, closer fit',
      widget: 'curve',
      // "300 epochs each": Train stops there for every width (full speed would run on past it).
      preset: sine(1, { widthChoices: [1, 2, 4, 8, 16], recordWidths: true, epochBudget: WIDTH_EPOCHS }),
      predict: {
        kind: 'choice',
        question: 'Train the sine with 1, 4 and 16 neurons. What happens to the lowest test loss as the layer gets wider?',
        options: WIDTH_OPTIONS,
        answers: [WIDTH_OPTIONS[0]],
        explanation:
          // No measured losses here: the learner's own table is the experiment, and its numbers vary a little run to run.
          'Every neuron adds a hinge, so a wider layer can bend its line in more places and follow the curve more closely: the lowest test loss should fall as the layer grows wider.',
      },
      check: checkWiderFitsCloser,
      notYet: widerNotYet,
      hint: `Train each width for at least ${WIDTH_EPOCHS} epochs (the table keeps its lowest test loss). Try at least three widths, say 1, 4 and 16.`,
      formula: null,
      toLab: (s) => ({ config: s.config, params: s.params }),
    }),
  ],
};
