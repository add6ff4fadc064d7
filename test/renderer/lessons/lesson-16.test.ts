/**
 * Lesson 16: the softmax score predicted (typed as a learner would) and then found below zero,
 * and the cosine race on the three-arm spiral raced for real under Node (the engine every
 * worker runs), with the check on finished, unfinished and unpredicted races.
 */
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../core/config';
import { createSession } from '../../../core/session';
import {
  checkConfident,
  checkCosine,
  confidentNotYet,
  lesson,
  RACE,
  softmaxFormula,
} from '../../../renderer/lessons/16-softmax-and-cos/lesson';
import { softmax } from '../../../renderer/lessons/engine';
import { parseAnswer } from '../../../renderer/lessons/math';
import { migrateDone } from '../../../renderer/lessons/migrate';
import { judgePrediction, type Prediction } from '../../../renderer/lessons/predict';
import { leaders, racePresetProblems, racerConfig, racerDone, type Racer, type RaceState } from '../../../renderer/lessons/race/race';
import { runCheck } from '../../../renderer/lessons/types';
import { lessonHtml } from '../../../renderer/lessons/content';

const [softmaxStep, cosine] = lesson.steps;

/** One racer trained as its lane would: until it reaches the target, uses its epochs, or `stopAt`. */
function race(activation: ActivationName, stopAt = RACE.maxEpochs): Racer {
  const session = createSession({ fastPath: true });
  session.handle({ type: 'configure', id: 1, config: racerConfig(RACE.config, activation) });
  const racer: Racer = { activation, epochs: 0, testAccuracy: null, reachedAt: null };
  while (!racerDone(racer, RACE.maxEpochs) && racer.epochs < stopAt) {
    session.train(1, () => 0, Number.POSITIVE_INFINITY);
    const { epoch, metrics } = session.snapshot();
    racer.epochs = epoch;
    racer.testAccuracy = metrics.testAccuracy;
    if (metrics.testAccuracy !== null && metrics.testAccuracy >= RACE.target) racer.reachedAt = epoch;
  }
  return racer;
}

const stateOf = (racers: Racer[]): RaceState => ({
  racers,
  target: RACE.target,
  maxEpochs: RACE.maxEpochs,
  config: RACE.config,
  params: null,
  epoch: Math.max(...racers.map((r) => r.epochs)),
});

describe('lesson 16, step 1: scores into probabilities', () => {
  const typed = (text: string): Prediction | null => {
    const value = parseAnswer(text);
    return value === null || softmaxStep.predict === undefined ? null : judgePrediction(softmaxStep.predict, value);
  };

  it('keeps its step ids, so first-edition progress still ticks them', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(['softmax', 'cosine']);
    expect(migrateDone({ '09-softmax-and-cos': ['softmax', 'cosine'] })).toEqual({ '16-softmax-and-cos': ['softmax', 'cosine'] });
  });

  it('the predicted score is ln 18: 2.9 is right however it is written, far-off scores are not', () => {
    expect(softmax([0, Math.log(18), 0])[1]).toBeCloseTo(0.9, 12);
    for (const text of ['2.9', '2,9', '2.89', 'about 3', 'three', '3', '~2.7']) expect(typed(text)?.correct, text).toBe(true);
    for (const text of ['2', '0.9', '90', '90 %', 'four', '1,5']) expect(typed(text)?.correct, text).toBe(false);
    expect(typed('ln of eighteen')).toBeNull();
  });

  it('passes at 90 % with z₂ at 0 or below, whichever way the other two scores make the lead', () => {
    for (const scores of [
      [-2.9, 0, -2.9],
      [-3.9, -1, -3.9],
      [-5, -2.1, -5],
      [-4, -1, -3.8],
    ])
      expect(checkConfident({ scores }), String(scores)).toBe(true);
    // The predicted setting itself (z₂ above 0), too little or too much lead, the start.
    for (const scores of [
      [0, 2.9, 0],
      [-2, 0, -2],
      [-4, 0, -4],
      [0, 0, 0],
      [-5, 0, 5],
    ])
      expect(checkConfident({ scores }), String(scores)).toBe(false);
    expect(runCheck(softmaxStep, { scores: [-2.9, 0, -2.9] }, null)).toBe(false);
    expect(runCheck(softmaxStep, { scores: [-2.9, 0, -2.9] }, { value: 5, correct: false })).toBe(true);
  });

  it('after a failed check, 90 % with z₂ above 0 is told what is left, and z₂ at 0 or below hears how far class 2 is from 90 %', () => {
    expect(confidentNotYet({ scores: [0, 2.9, 0] })).toBe('Class 2 is at 90 %, good. Now get the same 90 % with z₂ at 0 or below.');
    expect(confidentNotYet({ scores: [0, 2, 0] })).toBeNull();
    expect(confidentNotYet({ scores: [-2, 0, -2] })).toBe(
      'Not quite yet: class 2 is at 78.7 %. Widen its lead over the other two scores until it is 90 %.',
    );
  });

  it('formula shows the live probability', () => {
    expect(softmaxFormula({ scores: [0, 0, 0] })).toContain('= 0.333');
    expect(softmaxFormula({ scores: [-2.9, 0, -2.9] })).toContain('= 0.901');
  });
});

describe('lesson 16, step 2: the cosine race', () => {
  const finished = RACE.activations.map((a) => race(a));
  const at = Object.fromEntries(finished.map((r) => [r.activation, r.reachedAt]));

  it('is a race step with a sound preset, at a speed to watch, with a prediction asked first', () => {
    expect(cosine.widget).toBe('race');
    expect(racePresetProblems(RACE)).toEqual([]);
    expect(RACE.speed).toBe(10);
    expect(RACE.config.network.outputActivation).toBe('softmax');
    expect(cosine.predict?.kind).toBe('choice');
  });

  it('cosine wins by far, as the prediction and the text say: about 200 epochs, ReLU about 1,300, tanh drops out', () => {
    if (cosine.predict?.kind !== 'choice') throw new Error('the race asks a choice');
    expect(cosine.predict.answers).toEqual(['Cosine']);
    expect(leaders(finished)).toEqual(['cos']);
    expect(at.cos).toBeGreaterThan(150);
    expect(at.cos).toBeLessThan(300);
    expect(at.relu).toBeGreaterThan(1000);
    expect(at.relu).toBeLessThan(1500);
    expect(at.tanh).toBeNull();
    expect(finished.find((r) => r.activation === 'tanh')?.epochs).toBe(RACE.maxEpochs);
  });

  it('passes once every racer finished or dropped out, whichever winner was predicted', () => {
    expect(checkCosine(stateOf(finished), { value: 'Cosine', correct: true })).toBe(true);
    expect(checkCosine(stateOf(finished), { value: 'ReLU', correct: false })).toBe(true);
  });

  it('fails without a prediction, or while a racer still races (stopped when cosine finished)', () => {
    expect(checkCosine(stateOf(finished), null)).toBe(false);
    expect(runCheck(cosine, stateOf(finished), null)).toBe(false);
    const early = RACE.activations.map((a) => race(a, at.cos as number));
    expect(early.find((r) => r.activation === 'cos')?.reachedAt).toBe(at.cos);
    expect(checkCosine(stateOf(early), { value: 'Cosine', correct: true })).toBe(false);
    // A race without a cosine racer is not this step's race.
    expect(checkCosine(stateOf(finished.filter((r) => r.activation !== 'cos')), { value: 'Cosine', correct: true })).toBe(false);
  });
});

describe('lesson 16, step 2: the text does not give the race away', () => {
  it('says nothing of who wins before the race; the ten seeds are told with the answer', () => {
    const text = lessonHtml(lesson.id)[1];
    expect(text).not.toMatch(/first every time|cosine reached|needed 1,100/i);
    if (cosine.predict?.kind !== 'choice') throw new Error('the race asks a choice');
    expect(cosine.predict.explanation).toMatch(/ten different seeds/);
  });
});
