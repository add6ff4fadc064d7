/** Correct answers typed the way a learner writes them are accepted by the steps that ask for them (learner walk, #15). */
import { describe, expect, it } from 'vitest';
import { lesson as lesson1 } from '../../../renderer/lessons/01-what-a-network-does/lesson';
import { lesson as lesson4 } from '../../../renderer/lessons/04-sigmoid/lesson';
import { lesson as lesson5 } from '../../../renderer/lessons/05-tanh-and-friends/lesson';
import { lesson as lesson10, predictedBound, predictedNotYet } from '../../../renderer/lessons/10-chain-of-slopes/lesson';
import { checkPushRatio } from '../../../renderer/lessons/13-output-meets-loss/lesson';
import { parseAnswer } from '../../../renderer/lessons/math';
import { judgePrediction, type PredictionSpec } from '../../../renderer/lessons/predict';
import { runNotYet, type GradientFlowState } from '../../../renderer/lessons/types';

/** What the Predict-first box makes of a typed text: the reading its question accepts, judged. */
function predicted(spec: PredictionSpec | undefined, typed: string) {
  if (spec === undefined) throw new Error('the step asks no prediction');
  const value = parseAnswer(typed, (n) => judgePrediction(spec, n)?.correct === true);
  return value === null ? null : judgePrediction(spec, value);
}

describe('typed predictions a person means as right are judged right', () => {
  it('lesson 4 step 1: σ(0) as "50%" (or 0.5, ½ written 1/2)', () => {
    const spec = lesson4.steps[0].predict;
    for (const typed of ['50%', '50 %', '0.5', '1/2', 'half']) expect(predicted(spec, typed)?.correct).toBe(true);
    for (const typed of ['40%', '5%', '0.4']) expect(predicted(spec, typed)?.correct).toBe(false);
  });

  it('lesson 1 step 1: 30,000 inputs as "30.000" (a European thousands separator)', () => {
    const spec = lesson1.steps[0].predict;
    for (const typed of ['30.000', '30,000', '30 000', '30000']) expect(predicted(spec, typed)?.correct).toBe(true);
    expect(predicted(spec, '3.000')?.correct).toBe(false);
    expect(predicted(spec, '30')?.correct).toBe(false);
  });

  it('lesson 5 step 3: where the sine is 0 again as "π" or "pi"', () => {
    const spec = lesson5.steps[2].predict;
    for (const typed of ['π', 'pi', 'Pi', '3.14', '≈ π']) expect(predicted(spec, typed)?.correct).toBe(true);
    expect(predicted(spec, '2π')?.correct).toBe(false);
  });
});

describe('typed answers inside widgets', () => {
  it('lesson 13 step 2: the ratio written "150×", "x150" or "×150"', () => {
    const state = { output: 'sigmoid', loss: 'halfSquared', target: 1, z: -5, y: 0, lossValue: 0, push: 0 } as const;
    for (const typed of ['150×', 'x150', '×150', '150x', '150 times'])
      expect(checkPushRatio({ ...state, answer: parseAnswer(typed) })).toBe(true);
  });

  it('lesson 10 step 4: the bound written in the lesson’s own notation "0.25^6"', () => {
    for (const typed of ['0.25^6', '(1/4)^6', '1/4^6', '4^6', '1/4096']) expect(predictedBound(parseAnswer(typed))).toBe(true);
    expect(predictedBound(parseAnswer('0.25^5'))).toBe(false);
  });
});

describe('lesson 10 step 4: a right number before the experiment says so', () => {
  const base: GradientFlowState = {
    activation: 'sigmoid',
    hiddenLayers: 4,
    epoch: 0,
    gradient: [],
    firstOverLast: null,
    answer: parseAnswer('0.00024'),
    tried: [],
  };
  const step = lesson10.steps[3];

  it('asks for the 6-layer network, then for training, and says nothing for a wrong number', () => {
    expect(runNotYet(step, base)).toBe('Your number is right; now choose 6 hidden layers and train the deep network to see it happen.');
    expect(predictedNotYet({ ...base, hiddenLayers: 6 })).toBe('Your number is right; now train the deep network to see it happen.');
    expect(predictedNotYet({ ...base, answer: 0.01 })).toBeNull();
    expect(predictedNotYet({ ...base, hiddenLayers: 6, epoch: 5, firstOverLast: 1e-5 })).toBeNull();
  });
});
