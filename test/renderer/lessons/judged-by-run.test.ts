/**
 * "Your run settles it" (predict.ts's `judgedByRun`), the one way a prediction is judged by the
 * learner's own run: locked on commit, waiting while the run has measured nothing, then right or
 * wrong against what the run measured — in the words the panel shows — for lessons 10, 11 and
 * the race of lesson 14 alike.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../renderer/lessons/index';
import {
  judgePrediction,
  measureRun,
  predictionOutcome,
  predictionProblems,
  predictionSatisfied,
  settlePrediction,
  withUnit,
  type ChoicePrediction,
  type NumberPrediction,
} from '../../../renderer/lessons/predict';

interface Counted {
  count: number | null;
}
const run: NumberPrediction<Counted> = {
  kind: 'number',
  question: 'How many epochs?',
  answer: 40,
  tolerance: 5,
  unit: 'epochs',
  explanation: 'Each epoch moves the line a little.',
  judgedByRun: { findOut: 'train it and count.', measure: (s) => s.count },
};
const pick: ChoicePrediction = {
  kind: 'choice',
  question: 'Which reaches 90 % first?',
  options: ['ReLU', 'Tanh', 'Sigmoid'],
  answers: ['Tanh'],
  explanation: 'Steep around 0.',
  judgedByRun: { findOut: 'race them.', measure: () => null },
};

describe('a prediction judged by the learner’s run', () => {
  it('is locked on commit, not judged: no right or wrong until the run has measured', () => {
    expect(judgePrediction(run, 40)).toEqual({ value: 40, correct: null });
    expect(judgePrediction(pick, 'Sigmoid')).toEqual({ value: 'Sigmoid', correct: null });
    expect(judgePrediction(run, Number.NaN)).toBeNull();
    expect(judgePrediction(pick, 'Cos')).toBeNull();
  });

  it('waits for the run: the panel says what to do, without the answer or the explanation', () => {
    const locked = judgePrediction(run, 12)!;
    expect(predictionOutcome(run, locked)).toEqual({
      lead: 'Locked in:',
      text: 'you predicted 12 epochs. Now find out: train it and count.',
      explain: false,
    });
    expect(measureRun(run, { count: null })).toBeNull();
    expect(measureRun(run, null)).toBeNull();
    // Counts as committed for the check while it waits.
    expect(predictionSatisfied(run, locked)).toBe(true);
  });

  it('reads the measurement from the widget’s state, and none from a state it cannot read', () => {
    expect(measureRun(run, { count: 40 })).toBe(40);
    expect(measureRun(run, 'another widget’s state')).toBeNull();
    const throws: NumberPrediction<Counted> = {
      ...run,
      judgedByRun: {
        findOut: 'x',
        measure: () => {
          throw new Error('not this widget');
        },
      },
    };
    expect(measureRun(throws, { count: 1 })).toBeNull();
    // A prediction the lesson answers itself measures nothing.
    expect(measureRun({ ...run, judgedByRun: undefined }, { count: 40 })).toBeNull();
  });

  it('right: the run measured what was predicted, within the tolerance, whatever the spec’s own answer', () => {
    const settled = settlePrediction(run, { value: 12, correct: null }, 12);
    expect(settled).toEqual({ value: 12, correct: true, measured: 12 });
    expect(settlePrediction(run, { value: 44, correct: null }, 40).correct).toBe(true);
    expect(predictionOutcome(run, settled)).toEqual({
      lead: 'Your run agrees with your prediction:',
      text: 'it measured 12 epochs.',
      explain: true,
    });
  });

  it('wrong: the run measured something else, though the spec says what was predicted', () => {
    const settled = settlePrediction(run, { value: 40, correct: null }, 12);
    expect(settled).toEqual({ value: 40, correct: false, measured: 12 });
    expect(settlePrediction(run, { value: 46, correct: null }, 40).correct).toBe(false);
    expect(predictionOutcome(run, settled)).toEqual({
      lead: 'Your run says otherwise:',
      text: 'you predicted 40 epochs; your run measured 12 epochs.',
      explain: true,
    });
  });

  it('judges a choice by the option the run measured, and a tie by every option in it', () => {
    expect(settlePrediction(pick, { value: 'Sigmoid', correct: null }, 'Sigmoid').correct).toBe(true);
    expect(settlePrediction(pick, { value: 'ReLU', correct: null }, 'Tanh').correct).toBe(false);
    const tie = settlePrediction(pick, { value: 'ReLU', correct: null }, ['ReLU', 'Tanh']);
    expect(tie.correct).toBe(true);
    expect(predictionOutcome(pick, tie).text).toBe('it measured ReLU and Tanh.');
    const none = settlePrediction(pick, { value: 'ReLU', correct: null }, []);
    expect(none.correct).toBe(false);
    expect(predictionOutcome(pick, none).text).toBe('you predicted ReLU; your run measured none of them.');
  });

  it('keeps the first measurement: a settled prediction does not change with later runs', () => {
    const settled = settlePrediction(run, { value: 40, correct: null }, 40);
    expect(settlePrediction(run, settled, 90)).toBe(settled);
  });

  it('writes values with their unit', () => {
    expect(withUnit(run, 3)).toBe('3 epochs');
    expect(withUnit(pick, 'ReLU')).toBe('ReLU');
    expect(withUnit(pick, ['ReLU', 'Tanh'])).toBe('ReLU and Tanh');
  });

  it('needs something to do for the run', () => {
    expect(predictionProblems({ ...run, judgedByRun: { findOut: ' ', measure: () => null } })).toEqual([
      'the instruction for the run is empty',
    ]);
  });

  it('is how lessons 10, 11 and the race of 14 ask, and only those', () => {
    const judged = LESSONS.flatMap((l) => l.steps.filter((s) => s.predict?.judgedByRun).map((s) => `${l.id}/${s.id}`));
    expect(judged).toEqual(['10-chain-of-slopes/deep-sigmoid', '11-dead-neurons/kill', '14-training/race']);
  });
});

describe('a prediction the lesson answers itself', () => {
  const fixed: NumberPrediction = { ...run, judgedByRun: undefined } as NumberPrediction;

  it('is judged on commit, with the answer and the explanation', () => {
    expect(predictionOutcome(fixed, judgePrediction(fixed, 42)!)).toEqual({
      lead: 'Your prediction was right:',
      text: '42 epochs.',
      explain: true,
    });
    expect(predictionOutcome(fixed, judgePrediction(fixed, 12)!)).toEqual({
      lead: 'Not this time.',
      text: 'You predicted 12 epochs; the answer is about 40 epochs (35 to 45 counts as right).',
      explain: true,
    });
  });
});
