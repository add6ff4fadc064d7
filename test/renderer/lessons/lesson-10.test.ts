import { describe, expect, it } from 'vitest';
import type { ActivationName, LabConfig } from '../../../core/config';
import {
  checkPredicted,
  checkReluArrives,
  checkSteepest,
  checkVanished,
  lesson,
  predictedBound,
  SLOPE_BOUND,
} from '../../../renderer/lessons/10-chain-of-slopes/lesson';
import type { GradientFlowPreset, GradientFlowState } from '../../../renderer/lessons/types';
import { flowState } from './instrument-helpers';

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

describe('lesson 10: predict first', () => {
  it('step 2 checks only after a prediction is committed, right or wrong', async () => {
    const { runCheck } = await import('../../../renderer/lessons/types');
    const step = lesson.steps[1];
    const vanished = flow({ hiddenLayers: 3, firstOverLast: 0.004 });
    expect(runCheck(step, vanished, null)).toBe(false);
    expect(runCheck(step, vanished, { value: 3, correct: true })).toBe(true);
    expect(runCheck(step, vanished, { value: 5, correct: false })).toBe(true);
  });
});

describe('lesson 10: nothing given away before the learner has worked it out', () => {
  it('step 2’s explanation on commit sends the learner to the table and quotes no measured share', () => {
    const text = lesson.steps[1].predict!.explanation;
    expect(text).toMatch(/read Layer 1 in the table/);
    expect(text).not.toMatch(/1\/\d/);
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
