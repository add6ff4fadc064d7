/**
 * What "Check my answer" found: right, partly right (the step's notYet: progress, shown as such),
 * wrong, or a prediction still to commit. A half-way message must not read as a wrong answer.
 */
import { describe, expect, it } from 'vitest';
import { lesson as chain } from '../../../renderer/lessons/10-chain-of-slopes/lesson';
import { lesson as softmaxLesson } from '../../../renderer/lessons/16-softmax-and-cos/lesson';
import { checkStep, type GradientFlowState } from '../../../renderer/lessons/types';

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

describe('checkStep', () => {
  const predictSix = chain.steps[3];
  const confident = softmaxLesson.steps[0];
  const committed = { value: 2.9, correct: true };

  it('calls a right number with the experiment still to do partial, with what is left (lesson 10, step 4)', () => {
    expect(checkStep(predictSix, flow({ answer: 1 / 4096 }), null)).toEqual({
      kind: 'partial',
      text: 'Your number is right; now choose 6 hidden layers and train the deep network to see it happen.',
    });
  });

  it('calls half of lesson 16 step 1 done partial (90 % reached, z₂ still above 0)', () => {
    expect(checkStep(confident, { scores: [0, 2.9, 0] }, committed)).toEqual({
      kind: 'partial',
      text: 'Class 2 is at 90 %, good. Now get the same 90 % with z₂ at 0 or below.',
    });
  });

  it('calls a wrong answer wrong, a right one right, and asks for the prediction first', () => {
    expect(checkStep(predictSix, flow({ answer: 1 / 256 }), null)).toEqual({ kind: 'wrong' });
    expect(checkStep(predictSix, flow({ answer: 1 / 4096, hiddenLayers: 6, firstOverLast: 1e-5 }), null)).toEqual({ kind: 'right' });
    expect(checkStep(confident, { scores: [0, 2, 0] }, committed)).toEqual({ kind: 'wrong' });
    expect(checkStep(confident, { scores: [0, 2.9, 0] }, null)).toEqual({ kind: 'predict' });
    expect(checkStep(predictSix, null, null)).toEqual({ kind: 'wrong' });
  });
});
