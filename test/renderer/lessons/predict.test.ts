/** "Predict first" as data (predict.ts) and how a step's check uses it (types.ts runCheck). */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../renderer/lessons/index';
import {
  withUnit,
  answerText,
  judgePrediction,
  instructionIn,
  predictionProblems,
  predictionSatisfied,
  type PredictionSpec,
  type ChoicePrediction,
  type NumberPrediction,
} from '../../../renderer/lessons/predict';
import { runCheck, step } from '../../../renderer/lessons/types';

const choice: ChoicePrediction = {
  kind: 'choice',
  question: 'Which reaches 90 % first?',
  options: ['ReLU', 'Tanh', 'Sigmoid'],
  answers: ['ReLU', 'Tanh'],
  explanation: 'Their slopes stay large where the data is.',
};
const number: NumberPrediction = {
  kind: 'number',
  question: 'How many epochs?',
  answer: 40,
  tolerance: 5,
  unit: 'epochs',
  explanation: 'Each epoch moves the line a little.',
};

describe('judgePrediction', () => {
  it('accepts every right option and rejects the others', () => {
    expect(judgePrediction(choice, 'ReLU')).toEqual({ value: 'ReLU', correct: true });
    expect(judgePrediction(choice, 'Tanh')).toEqual({ value: 'Tanh', correct: true });
    expect(judgePrediction(choice, 'Sigmoid')).toEqual({ value: 'Sigmoid', correct: false });
  });

  it('refuses a value that is no answer: an unknown option, a number for a choice, not a number', () => {
    expect(judgePrediction(choice, 'Cos')).toBeNull();
    expect(judgePrediction(choice, 3)).toBeNull();
    expect(judgePrediction(number, Number.NaN)).toBeNull();
    expect(judgePrediction(number, '40')).toBeNull();
  });

  it('counts a number within the tolerance, edges included, as right', () => {
    expect(judgePrediction(number, 35)?.correct).toBe(true);
    expect(judgePrediction(number, 45)?.correct).toBe(true);
    expect(judgePrediction(number, 45.1)?.correct).toBe(false);
    expect(judgePrediction(number, 0)?.correct).toBe(false);
  });
});

describe('answerText', () => {
  it('names every right option, or the number with its range and unit', () => {
    expect(answerText(choice)).toBe('ReLU or Tanh');
    expect(answerText(number)).toBe('about 40 epochs (35 to 45 counts as right)');
    expect(answerText({ ...number, answer: 0.3, tolerance: 0.1, unit: undefined })).toBe('about 0.3 (0.2 to 0.4 counts as right)');
    expect(answerText({ ...number, tolerance: 0 })).toBe('40 epochs');
  });
});

describe('a check that requires the prediction', () => {
  const base = step({
    id: 'x',
    title: 'x',
    widget: 'softmax',
    preset: { initial: { scores: [1, 2, 3] } },
    check: (s) => s.scores[0] > 2,
    hint: '',
    formula: null,
    toLab: null,
    predict: choice,
  });
  const right = { scores: [3, 0, 0] };

  it('fails before a prediction is committed, even with the right state, and passes after', () => {
    expect(predictionSatisfied(choice, null)).toBe(false);
    expect(runCheck(base, right, null)).toBe(false);
    expect(runCheck(base, right, { value: 'Sigmoid', correct: false })).toBe(true);
    expect(runCheck(base, { scores: [0, 0, 0] }, { value: 'ReLU', correct: true })).toBe(false);
  });

  it('does not wait for an optional prediction, nor for a step that asks none', () => {
    expect(runCheck({ ...base, predict: { ...choice, required: false } }, right, null)).toBe(true);
    expect(runCheck({ ...base, predict: undefined }, right)).toBe(true);
  });

  it('hands the prediction to the check, which may ask for something other than what was predicted', () => {
    const different = step({
      id: 'y',
      title: 'y',
      hint: '',
      formula: null,
      toLab: null,
      widget: 'probe',
      preset: {
        initial: { activation: 'relu', w: 1, b: 0, x: 0, answer: null },
        choices: ['relu'],
        showWeights: false,
        showDerivative: false,
        question: null,
        extent: 3,
      },
      check: (s, p) => p != null && s.x !== p.value,
      predict: { ...number, answer: 1, tolerance: 0.5 },
    });
    expect(runCheck(different, { activation: 'relu', w: 1, b: 0, x: 2, answer: null }, { value: 2, correct: false })).toBe(false);
    expect(runCheck(different, { activation: 'relu', w: 1, b: 0, x: 1, answer: null }, { value: 2, correct: false })).toBe(true);
  });
});

/** Every prediction in a step's data: its own, or one inside its widget's preset. */
function predictionsIn(value: unknown, seen = new Set<unknown>()): PredictionSpec[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const own = value as Partial<PredictionSpec>;
  const here = (own.kind === 'choice' || own.kind === 'number') && typeof own.explanation === 'string' ? [value as PredictionSpec] : [];
  return [...here, ...Object.values(value).flatMap((v) => predictionsIn(v, seen))];
}

describe('predictionProblems', () => {
  it('finds nothing wrong in a sound prediction and names what is wrong in a broken one', () => {
    expect(predictionProblems(choice)).toEqual([]);
    expect(predictionProblems(number)).toEqual([]);
    expect(predictionProblems({ ...choice, answers: ['Cos'] })).toEqual(['the answer "Cos" is not an option']);
    expect(predictionProblems({ ...choice, options: ['ReLU'], answers: ['ReLU'] })).toEqual(['a choice needs at least two options']);
    expect(predictionProblems({ ...number, tolerance: -1 })).toHaveLength(1);
    expect(predictionProblems({ ...number, explanation: ' ' })).toEqual(['the explanation is empty']);
  });

  it("finds nothing wrong in any prediction the course asks, a step's own or one inside its widget's preset", () => {
    for (const lesson of LESSONS)
      for (const s of lesson.steps)
        for (const spec of predictionsIn(s)) expect(predictionProblems(spec), `${lesson.id}/${s.id}`).toEqual([]);
  });

  it('refuses an explanation that tells the learner what to do: it stays on screen after they have done it', () => {
    const stale = 'A linear layer only stretches. Now press Train and let it run for at least 50 epochs.';
    expect(instructionIn(stale)).toBe('Now press Train and let it run for at least 50 epochs.');
    expect(instructionIn('Tanh levels off sooner. Train both and compare them in the table.')).toBe(
      'Train both and compare them in the table.',
    );
    expect(instructionIn('So no line gets all 28: now find the best line you can.')).toBe('now find the best line you can.');
    expect(predictionProblems({ ...choice, explanation: stale })).toEqual([
      'the explanation tells the learner what to do ("Now press Train and let it run for at least 50 epochs.…"), which stays on screen after they have done it',
    ]);
    // Saying why, even with words like "train" or "find" inside a sentence, is what an explanation is for.
    expect(instructionIn('The network trains faster once it finds the slope: what it found is the answer.')).toBeNull();
  });
});

describe('the predicted number, echoed', () => {
  it('is rounded and grouped as the app writes numbers ("pi" echoed 3.141592653589793, 30000 had no comma)', () => {
    const spec = { kind: 'number', question: 'How many?', answer: 30000, tolerance: 0, unit: 'inputs', explanation: 'x' } as const;
    expect(withUnit(spec, 30000)).toBe('30,000 inputs');
    expect(withUnit({ ...spec, unit: undefined }, Math.PI)).toBe('3.142');
    expect(withUnit({ ...spec, unit: undefined }, -0.5)).toBe('−0.5');
    expect(withUnit({ ...spec, unit: undefined }, 2)).toBe('2');
  });
});
