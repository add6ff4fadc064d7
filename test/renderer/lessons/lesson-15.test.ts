/**
 * Lesson 15's checks: hand-set hinges against the dots (every matching setting passes, not one),
 * the bends question, and loss against width measured on real training of the lesson's preset.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../core/session';
import {
  BUMP,
  bumpNotYet,
  checkBump,
  checkPeak,
  checkSumOfHinges,
  checkWiderFitsCloser,
  lesson,
  PEAK,
  sumOfHingesNotYet,
  widerNotYet,
  WIDTH_OPTIONS,
} from '../../../renderer/lessons/15-enough-bumps/lesson';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { hingeConfig, hingeLoss, type HingeSettings, type HingesState } from '../../../renderer/lessons/15-enough-bumps/hinges';
import { recordWidth } from '../../../renderer/lessons/widgets/curve-lesson';
import { checkStep, runCheck, type CurvePreset, type CurveState, type WidthRecord } from '../../../renderer/lessons/types';

function hinges(target: typeof PEAK, s: HingeSettings, answer: number | null = null): HingesState {
  return { ...s, loss: hingeLoss(hingeConfig(target, s.w.length), s, target), showEachNeuron: true, answer };
}

describe('lesson 15, step 1: two hinges make a peak', () => {
  it('passes for every setting that matches the dots, not only one', () => {
    expect(checkPeak(hinges(PEAK, { w: [1, 1], b: [1, -1], v: [1, -2], c: 0 }))).toBe(true);
    expect(checkPeak(hinges(PEAK, { w: [2, 1], b: [2, -1], v: [0.5, -2], c: 0 }))).toBe(true); // a steeper hinge, weaker output
    expect(checkPeak(hinges(PEAK, { w: [1, 0.5], b: [1, -0.5], v: [1, -4], c: 0 }))).toBe(true);
  });

  it('fails for the start, a peak in the wrong place, and a ramp that does not turn', () => {
    expect(checkPeak(hinges(PEAK, { w: [1, 0], b: [0, 0], v: [1, 0], c: 0 }))).toBe(false);
    expect(checkPeak(hinges(PEAK, { w: [1, 1], b: [0, -2], v: [1, -2], c: 0 }))).toBe(false);
    expect(checkPeak(hinges(PEAK, { w: [1, 1], b: [1, -1], v: [1, -1], c: 0 }))).toBe(false);
  });
});

describe('lesson 15, step 2: a bump flat on both sides', () => {
  const three = { w: [1, 1, 1, 0], b: [2, 0, -2, 0], v: [1, -2, 1, 0], c: 0 };
  it('passes with three hinges matched and the answer 3, whichever neuron is left spare', () => {
    expect(checkBump(hinges(BUMP, three, 3))).toBe(true);
    expect(checkBump(hinges(BUMP, { w: [0, 1, 1, 1], b: [0, 2, 0, -2], v: [0, 1, -2, 1], c: 0 }, 3))).toBe(true);
  });
  it('fails with another count, or two hinges that cannot level off', () => {
    expect(checkBump(hinges(BUMP, three, 2))).toBe(false);
    expect(checkBump(hinges(BUMP, three, 4))).toBe(false);
    expect(checkBump(hinges(BUMP, { w: [1, 1, 0, 0], b: [2, 0, 0, 0], v: [1, -2, 0, 0], c: 0 }, 3))).toBe(false);
  });
});

describe('lesson 15, step 2: a right count before the fit', () => {
  const unfit = { w: [1, 0, 0, 0], b: [0, 0, 0, 0], v: [1, 0, 0, 0], c: 0 };
  it('says the count is right and the fit is missing, instead of a bare "Not quite yet"', () => {
    const result = checkStep(lesson.steps[1], hinges(BUMP, unfit, 3), null);
    expect(result).toEqual({ kind: 'partial', text: expect.stringContaining('Your count is right: 3 hinges') as string });
    expect(bumpNotYet(hinges(BUMP, unfit, 3))).toMatch(/runs through every dot/);
  });
  it('says how to count after a wrong count or none, instead of a bare "Not quite yet"; nothing once the step passes', () => {
    const wrong = bumpNotYet(hinges(BUMP, unfit, 2));
    expect(wrong).toMatch(/^Not quite yet: 2 is not the count/);
    expect(wrong).toMatch(/change direction/);
    expect(wrong).not.toMatch(/3/);
    expect(bumpNotYet(hinges(BUMP, unfit, null))).toMatch(/type how many hinges/);
    expect(bumpNotYet(hinges(BUMP, { w: [1, 1, 1, 0], b: [2, 0, -2, 0], v: [1, -2, 1, 0], c: 0 }, 3))).toBeNull();
  });
});

function curvePreset(index: number): CurvePreset {
  const s = lesson.steps[index];
  if (s.widget !== 'curve') throw new Error(`${s.id} is not a curve step`);
  return s.preset;
}

function curveState(preset: CurvePreset, change: Partial<CurveState>): CurveState {
  return {
    dataset: 'sine',
    activation: 'relu',
    width: preset.config.network.hidden[0].size,
    showEachNeuron: true,
    epoch: 120,
    trainLoss: 0.05,
    testLoss: 0.05,
    ownPoints: 0,
    config: preset.config,
    params: null,
    ...change,
  };
}

describe('lesson 15, step 3: the most bends', () => {
  const preset = curvePreset(2);
  it('starts at a speed at which the hinges can be watched moving into place, as the text asks', () => {
    expect(preset.speed).toBe(60);
  });
  it('accepts the width of the network the learner has, whatever width they chose', () => {
    expect(checkSumOfHinges(curveState(preset, { answer: 8 }))).toBe(true);
    expect(checkSumOfHinges(curveState(preset, { width: 16, answer: 16 }))).toBe(true);
  });
  it('refuses another number, no answer, hidden neurons or too little training', () => {
    expect(checkSumOfHinges(curveState(preset, { answer: 16 }))).toBe(false);
    expect(checkSumOfHinges(curveState(preset, { answer: null }))).toBe(false);
    expect(checkSumOfHinges(curveState(preset, { answer: 8, showEachNeuron: false }))).toBe(false);
    expect(checkSumOfHinges(curveState(preset, { answer: 8, epoch: 30 }))).toBe(false);
  });
});

describe('lesson 15, step 3: a right number before the training', () => {
  const preset = curvePreset(2);
  it('says the number is right and what is left: the training, or showing each neuron', () => {
    const early = checkStep(lesson.steps[2], curveState(preset, { answer: 8, epoch: 0 }), null);
    expect(early).toEqual({ kind: 'partial', text: expect.stringContaining('Your number is right: at most 8 bends') as string });
    expect(sumOfHingesNotYet(curveState(preset, { answer: 8, epoch: 0 }))).toMatch(/train for at least 100 epochs \(0 so far\)/);
    expect(sumOfHingesNotYet(curveState(preset, { answer: 8, showEachNeuron: false }))).toMatch(/tick Show each neuron/);
  });
  it('says what can bend after a wrong number or none, without giving the number; nothing once the step passes', () => {
    const wrong = sumOfHingesNotYet(curveState(preset, { answer: 16, epoch: 0 }));
    expect(wrong).toMatch(/^Not quite yet: 16 is not it/);
    expect(wrong).toMatch(/Each ReLU neuron bends the curve at one place/);
    expect(wrong).not.toMatch(/8/);
    expect(sumOfHingesNotYet(curveState(preset, { answer: null }))).toMatch(/type the most bends/);
    expect(sumOfHingesNotYet(curveState(preset, { answer: 8 }))).toBeNull();
  });
});

describe('lesson 15, step 4: more neurons, closer fit (real training of the preset, seed 10)', () => {
  const preset = curvePreset(3);
  /** The width table after training each width for 300 epochs, as the widget records it. */
  function measured(widths: number[]): WidthRecord[] {
    let records: WidthRecord[] = [];
    for (const width of widths) {
      const config = structuredClone(preset.config);
      config.network.hidden[0].size = width;
      const session = createSession({ fastPath: true });
      session.handle({ type: 'configure', id: 1, config });
      for (let e = 0; e < 300; e++) {
        session.train(1, () => 0, Number.POSITIVE_INFINITY);
        const snap = session.snapshot();
        records = recordWidth(records, width, snap.epoch, snap.metrics.testLoss);
      }
    }
    return records;
  }
  const table = measured([1, 2, 4, 8, 16]);

  it('measures a falling loss: every wider layer fits at least as closely, and 16 neurons beat 1 by more than 20 times', () => {
    const losses = table.map((r) => r.lowestTestLoss);
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1]);
    expect(losses[4]).toBeLessThan(losses[0] / 20);
  });

  it('passes with any three or more widths trained 300 epochs, tried in any order', () => {
    const pick = (ws: number[]) => table.filter((r) => ws.includes(r.width));
    expect(checkWiderFitsCloser(curveState(preset, { widths: pick([1, 4, 16]) }))).toBe(true);
    expect(checkWiderFitsCloser(curveState(preset, { widths: pick([2, 8, 16]) }))).toBe(true);
    expect(checkWiderFitsCloser(curveState(preset, { widths: table }))).toBe(true);
  });

  it('fails with two widths, short runs, or a table where the widest does not fit closer', () => {
    expect(checkWiderFitsCloser(curveState(preset, { widths: table.slice(0, 2) }))).toBe(false);
    expect(checkWiderFitsCloser(curveState(preset, { widths: table.map((r) => ({ ...r, epochs: 150 })) }))).toBe(false);
    expect(checkWiderFitsCloser(curveState(preset, { widths: undefined }))).toBe(false);
    const flat = table.slice(0, 3).map((r) => ({ ...r, lowestTestLoss: 0.2 }));
    expect(checkWiderFitsCloser(curveState(preset, { widths: flat }))).toBe(false);
  });

  it('says how many widths are done, or that the widest is not close enough, instead of a bare "Not quite yet"', () => {
    expect(widerNotYet(curveState(preset, { widths: table.slice(0, 1) }))).toMatch(/1 of the three widths trained for 300 epochs/);
    expect(widerNotYet(curveState(preset, { widths: table.map((r) => ({ ...r, epochs: 150 })) }))).toMatch(/0 of the three/);
    const flat = table.slice(0, 3).map((r) => ({ ...r, lowestTestLoss: 0.2 }));
    expect(widerNotYet(curveState(preset, { widths: flat }))).toMatch(/does not fit twice as closely/);
    expect(widerNotYet(curveState(preset, { widths: table }))).toBeNull();
  });

  it('asks first what a wider layer does to the loss; the run counts only after a prediction, right or wrong', () => {
    const step = lesson.steps[3];
    const spec = step.predict;
    if (spec?.kind !== 'choice') throw new Error('step 4 asks a choice first');
    // The measured table falls with width, so "it falls" is the right answer and the others are not.
    expect(judgePrediction(spec, WIDTH_OPTIONS[0])?.correct).toBe(true);
    expect(judgePrediction(spec, WIDTH_OPTIONS[1])?.correct).toBe(false);
    expect(judgePrediction(spec, WIDTH_OPTIONS[2])?.correct).toBe(false);
    const done = curveState(preset, { widths: table });
    expect(runCheck(step, done, null)).toBe(false);
    expect(runCheck(step, done, judgePrediction(spec, WIDTH_OPTIONS[0]))).toBe(true);
    expect(runCheck(step, done, judgePrediction(spec, WIDTH_OPTIONS[2]))).toBe(true);
    expect(runCheck(step, curveState(preset, { widths: table.slice(0, 2) }), judgePrediction(spec, WIDTH_OPTIONS[0]))).toBe(false);
  });

  it('the explanation says what to look for and leaves the losses to the learner’s table (it listed every answer)', () => {
    const spec = lesson.steps[3].predict;
    expect(spec?.explanation).toMatch(/lowest test loss should fall/);
    expect(spec?.explanation).not.toMatch(/\d\.\d/);
  });

  it('keeps widths in order, with the most epochs and the lowest finite loss', () => {
    let records: WidthRecord[] = [];
    records = recordWidth(records, 8, 10, 0.3);
    records = recordWidth(records, 2, 5, 0.5);
    records = recordWidth(records, 8, 4, 0.2);
    records = recordWidth(records, 8, 12, Number.NaN);
    expect(records).toEqual([
      { width: 2, epochs: 5, lowestTestLoss: 0.5 },
      { width: 8, epochs: 12, lowestTestLoss: 0.2 },
    ]);
  });
});
