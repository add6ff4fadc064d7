import { describe, expect, it } from 'vitest';
import type { ActivationName, LabConfig } from '../../../core/config';
import {
  checkPredicted,
  checkReluArrives,
  checkSteepest,
  checkFoundDepth,
  checkVanished,
  FEW_EPOCHS,
  firstVanishingDepth,
  LARGEST_SLOPE,
  lesson,
  predictedBound,
  RELU_ARRIVES,
  RELU_VANISHES,
  SLOPE_BOUND,
  SLOPE_CHOICES,
} from '../../../renderer/lessons/10-chain-of-slopes/lesson';
import { ACTIVATIONS } from '../../../core/engine';
import { runCheck } from '../../../renderer/lessons/types';
import type { GradientFlowPreset, GradientFlowState } from '../../../renderer/lessons/types';
import { judgePrediction, settlePrediction } from '../../../renderer/lessons/predict';
import { recordTry } from '../../../renderer/lessons/widgets/flow-tries';
import { flowState, trainedSession, triedDepths } from './instrument-helpers';
import { readFileSync } from 'node:fs';

const [, deep, relu, predict] = lesson.steps.map((s) => s.preset) as [unknown, GradientFlowPreset, GradientFlowPreset, GradientFlowPreset];

/** The step's network with another depth or activation, as the widget's pickers make it. */
function variant(preset: GradientFlowPreset, layers: number, activation?: ActivationName): LabConfig {
  const config = JSON.parse(JSON.stringify(preset.config)) as LabConfig;
  const template = config.network.hidden[0];
  config.network.hidden = Array.from({ length: layers }, () => ({ size: template.size, activation: activation ?? template.activation }));
  return config;
}

const flow = (change: Partial<GradientFlowState>): GradientFlowState => ({
  activation: 'sigmoid',
  hiddenLayers: 4,
  epoch: 10,
  gradient: [1e-4, 0.1],
  firstOverLast: 1e-3,
  answer: null,
  tried: [],
  ...change,
});

describe('lesson 10, step 1: the steepest sigmoid', () => {
  it('passes at the middle of the S, from either side, and fails on the flanks', () => {
    expect(checkSteepest({ activation: 'sigmoid', x: 0, f: 0.5, df: 0.25 })).toBe(true);
    expect(checkSteepest({ activation: 'sigmoid', x: -0.08, f: 0.48, df: 0.2496 })).toBe(true);
    expect(checkSteepest({ activation: 'sigmoid', x: 3, f: 0.95, df: 0.045 })).toBe(false);
    expect(checkSteepest({ activation: 'sigmoid', x: 1, f: 0.73, df: 0.197 })).toBe(false);
    expect(checkSteepest({ activation: 'tanh', x: 0, f: 0, df: 1 })).toBe(false);
    expect(checkSteepest({ activation: 'sigmoid', x: 0, f: Number.NaN, df: Number.NaN })).toBe(false);
  });
});

describe('lesson 10, step 1: predict the largest slope first', () => {
  const steepest = lesson.steps[0];
  const spec = steepest.predict;

  it('asks for the largest slope before the slope is shown, and takes only a quarter as right', () => {
    expect(steepest.widget === 'explorer' && steepest.preset.untilPredicted).toBe('slope');
    expect(spec?.kind).toBe('choice');
    if (spec?.kind !== 'choice') return;
    expect(spec.options).toEqual(SLOPE_CHOICES);
    expect(judgePrediction(spec, LARGEST_SLOPE)).toEqual({ value: '0.25', correct: true });
    for (const wrong of ['1', '0.5', '0.1']) expect(judgePrediction(spec, wrong)).toEqual({ value: wrong, correct: false });
    expect(judgePrediction(spec, '1/3')).toBeNull();
    // The answer is the sigmoid's own largest slope, measured on a fine grid.
    const largest = Math.max(
      ...Array.from({ length: 1201 }, (_, i) => ACTIVATIONS.sigmoid.df(-6 + i / 100, ACTIVATIONS.sigmoid.f(-6 + i / 100))),
    );
    expect(largest).toBeCloseTo(Number(LARGEST_SLOPE), 12);
  });

  it('needs the prediction committed (right or wrong) before the cursor at the top counts', () => {
    const top = { activation: 'sigmoid' as const, x: 0, f: 0.5, df: 0.25 };
    expect(runCheck(steepest, top, null)).toBe(false);
    expect(runCheck(steepest, top, { value: '1', correct: false })).toBe(true);
    expect(runCheck(steepest, top, { value: '0.25', correct: true })).toBe(true);
    expect(runCheck(steepest, { ...top, x: 2, df: 0.105 }, { value: '0.25', correct: true })).toBe(false);
  });
});

describe('lesson 10, step 2: stacked sigmoid layers', () => {
  it('measured: layer 1 gets under 1/100 from three sigmoid layers on, not with one or two', () => {
    const shares = [1, 2, 3, 4, 5, 6].map((n) => flowState(variant(deep, n), 5).firstOverLast);
    console.log('sigmoid share of layer 1 by depth 1–6:', shares.map((s) => s?.toExponential(2)).join(', '));
    expect(checkVanished(flowState(variant(deep, 1), 5))).toBe(false);
    expect(checkVanished(flowState(variant(deep, 2), 5))).toBe(false);
    expect(checkVanished(flowState(variant(deep, 3), 5))).toBe(true);
    expect(checkVanished(flowState(variant(deep, 6), 5))).toBe(true);
    // With n layers the share stays under the slopes' limit 0.25ⁿ (the small weights shrink it further).
    shares.forEach((share, i) => expect(share!).toBeLessThan(0.25 ** (i + 1)));
  });
  it('needs a measurement and the sigmoid', () => {
    expect(checkVanished(flow({ firstOverLast: null }))).toBe(false);
    expect(checkVanished(flow({ activation: 'relu' }))).toBe(false);
    expect(checkVanished(flow({ firstOverLast: 0.02 }))).toBe(false);
  });
});

describe('lesson 10, step 3: ReLU at the same depth', () => {
  it('measured: ReLU passes layer 1 a tenth or more at depth 4 to 6, sigmoid does not', () => {
    for (const n of relu.depthChoices) {
      const r = flowState(variant(relu, n, 'relu'), 10);
      const s = flowState(variant(relu, n, 'sigmoid'), 10);
      console.log(`depth ${n}: ReLU share ${r.firstOverLast?.toFixed(2)}, sigmoid share ${s.firstOverLast?.toExponential(2)}`);
      expect(checkReluArrives(r)).toBe(true);
      expect(checkReluArrives(s)).toBe(false);
    }
  });
  it('asks first, and its text does not say what the run shows', () => {
    const spec = lesson.steps[2].predict;
    expect(spec?.kind).toBe('choice');
    if (spec?.kind !== 'choice') return;
    expect(spec.options).toEqual([RELU_VANISHES, RELU_ARRIVES]);
    // The measured answer (the test above): a tenth or more reaches layer 1.
    expect(spec.answers).toEqual([RELU_ARRIVES]);
    expect(spec.explanation).toMatch(/without shrinking/);
    const text = readFileSync(new URL('../../../renderer/lessons/10-chain-of-slopes/lesson.md', import.meta.url), 'utf8').split(
      '<!-- step -->',
    )[2];
    expect(text).toMatch(/predict how much/);
    expect(text).not.toMatch(/without shrinking|passes the gradient back/);
  });
  it('needs five epochs and four layers', () => {
    expect(checkReluArrives(flow({ activation: 'relu', firstOverLast: 0.8, epoch: 2 }))).toBe(false);
    expect(checkReluArrives(flow({ activation: 'relu', firstOverLast: 0.8, hiddenLayers: 2 }))).toBe(false);
    expect(checkReluArrives(flow({ activation: 'relu', firstOverLast: 0.8 }))).toBe(true);
  });
});

describe('lesson 10, step 4: predict the limit, then measure', () => {
  it('accepts the limit written as a share, a fraction or the factor', () => {
    expect(SLOPE_BOUND).toBeCloseTo(1 / 4096, 12);
    for (const typed of [0.000244, 0.00024, 1 / 4096, 2.44e-4, 4096, 4100]) expect(predictedBound(typed)).toBe(true);
    for (const typed of [null, 0, -0.000244, 0.25, 0.0039, 1 / 256, 256, 1.5, 0.001, 24]) expect(predictedBound(typed)).toBe(false);
  });
  it('measured: six sigmoid layers give layer 1 less than the limit, so the right answer passes there', () => {
    const six = flowState(variant(predict, 6), 5, 1 / 4096);
    console.log(`six sigmoid layers: share ${six.firstOverLast?.toExponential(2)} (limit ${SLOPE_BOUND.toExponential(2)})`);
    expect(checkPredicted(six)).toBe(true);
    expect(checkPredicted({ ...six, answer: 0.0039 })).toBe(false);
    expect(checkPredicted(flowState(variant(predict, 4), 5, 1 / 4096))).toBe(false);
    expect(checkPredicted({ ...six, firstOverLast: null })).toBe(false);
  });
});

describe('lesson 10, step 2: the answer comes from the learner’s own runs', () => {
  const tries = triedDepths(deep.config, [1, 2, 3, 4], FEW_EPOCHS);
  const at = (layers: number) => tries.filter((t) => t.layers <= layers);

  it('measured: trained a few epochs each, depths 1 and 2 keep 1/100 or more and 3 falls under it, so the runs say 3', () => {
    console.log('layer 1 share after 3 epochs, depths 1–4:', tries.map((t) => t.share.toExponential(2)).join(', '));
    expect(firstVanishingDepth(flow({ tried: at(3) }))).toBe(3);
    expect(firstVanishingDepth(flow({ tried: at(4) }))).toBe(3);
    // Tried in any order: the table keeps one share per depth.
    expect(firstVanishingDepth(flow({ tried: [...at(3)].reverse() }))).toBe(3);
  });

  it('has no answer until every shallower depth was trained a few epochs, or while no depth has fallen under 1/100', () => {
    expect(firstVanishingDepth(flow({ tried: [] }))).toBeNull();
    expect(firstVanishingDepth(flow({ tried: at(2) }))).toBeNull();
    expect(firstVanishingDepth(flow({ tried: tries.filter((t) => t.layers !== 2) }))).toBeNull();
    expect(firstVanishingDepth(flow({ tried: tries.filter((t) => t.layers >= 3) }))).toBeNull();
    const tooShort = at(3).map((t) => ({ ...t, epoch: FEW_EPOCHS - 1 }));
    expect(firstVanishingDepth(flow({ tried: tooShort }))).toBeNull();
    const relu = at(3).map((t) => ({ ...t, activation: 'relu' as const }));
    expect(firstVanishingDepth(flow({ tried: relu }))).toBeNull();
  });

  it('the check passes once the runs found the depth, whatever is selected now, and needs the prediction committed', async () => {
    const { runCheck } = await import('../../../renderer/lessons/types');
    const step = lesson.steps[1];
    const found = flow({ hiddenLayers: 1, firstOverLast: 0.3, tried: at(3) });
    expect(checkFoundDepth(found)).toBe(true);
    expect(checkFoundDepth(flow({ hiddenLayers: 3, firstOverLast: 0.004, tried: tries.filter((t) => t.layers === 3) }))).toBe(false);
    expect(runCheck(step, found, null)).toBe(false);
    expect(runCheck(step, found, { value: 5, correct: null })).toBe(true);
  });

  it('a prediction is locked, not judged, on commit, and the run judges it: right, wrong, and a right one written as a word', () => {
    const spec = lesson.steps[1].predict!;
    expect(spec.judgedByRun?.measure).toBe(firstVanishingDepth);
    const locked = judgePrediction(spec, 3)!;
    expect(locked).toEqual({ value: 3, correct: null });
    expect(settlePrediction(spec, locked, 3)).toEqual({ value: 3, correct: true, measured: 3 });
    expect(settlePrediction(spec, judgePrediction(spec, 5)!, 3)).toEqual({ value: 5, correct: false, measured: 3 });
    // The run is the judge, not the lesson's own figure: a run that measured 4 makes 4 right.
    expect(settlePrediction(spec, judgePrediction(spec, 4)!, 4).correct).toBe(true);
  });

  it('the widget keeps one share per activation and depth, the newest epoch', () => {
    let tried = recordTry([], { activation: 'sigmoid', layers: 2, epoch: 1, share: 0.05 });
    tried = recordTry(tried, { activation: 'sigmoid', layers: 3, epoch: 3, share: 0.004 });
    tried = recordTry(tried, { activation: 'sigmoid', layers: 2, epoch: 4, share: 0.03 });
    expect(tried).toEqual([
      { activation: 'sigmoid', layers: 2, epoch: 4, share: 0.03 },
      { activation: 'sigmoid', layers: 3, epoch: 3, share: 0.004 },
    ]);
    expect(recordTry(tried, tried[1])).toBe(tried);
  });
});

describe('lesson 10: nothing given away before the learner has worked it out', () => {
  it('step 2’s locked prediction sends the learner to the table, and neither text quotes a measured share', () => {
    const spec = lesson.steps[1].predict!;
    expect(spec.judgedByRun?.findOut).toMatch(/read Layer 1 in the table/);
    for (const text of [spec.judgedByRun!.findOut, spec.explanation]) expect(text).not.toMatch(/1\/(?!100\b)\d|\de-/);
  });
  it('step 4’s formula shows 0.25⁶ only once the learner has typed it right', async () => {
    const { runFormula } = await import('../../../renderer/lessons/types');
    const step = lesson.steps[3];
    const six = flow({ hiddenLayers: 6, firstOverLast: null, answer: null });
    expect(runFormula(step, six)).toContain('= ?');
    expect(runFormula(step, six)).not.toContain('0.00024');
    expect(runFormula(step, { ...six, answer: 0.001 })).toContain('= ?');
    expect(runFormula(step, { ...six, answer: 1 / 256 })).not.toContain('0.00024');
    expect(runFormula(step, { ...six, answer: 1 / 4096 })).toContain('0.00024');
  });
});

describe('lesson 10: the table’s Mean slope column teaches the quarter', () => {
  const meanSlopes = (activation: ActivationName): number[] => {
    const run = trainedSession(variant(relu, 5, activation));
    run.train(5);
    return run.session.snapshot().instruments?.meanSlope ?? [];
  };
  it('measured: every sigmoid layer’s mean slope is at most 0.25 (what the text says to watch), every ReLU layer’s above it', () => {
    const sigmoid = meanSlopes('sigmoid');
    const rectified = meanSlopes('relu');
    console.log(
      'mean slope by layer, 5 layers, 5 epochs: sigmoid',
      sigmoid.map((v) => v.toFixed(3)).join(' '),
      '· ReLU',
      rectified.map((v) => v.toFixed(3)).join(' '),
    );
    expect(sigmoid).toHaveLength(5);
    for (const v of sigmoid) expect(v).toBeGreaterThan(0.2);
    for (const v of sigmoid) expect(v).toBeLessThanOrEqual(0.25);
    expect(rectified).toHaveLength(5);
    for (const v of rectified) expect(v).toBeGreaterThan(0.25);
  });
});
