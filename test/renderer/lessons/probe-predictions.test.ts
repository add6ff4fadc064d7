/**
 * Lessons 4 and 5 ask first and show after (issue #15, "Predict, then see"): each step's
 * question is a prediction the probe's read-out does not give away, and each check asks the
 * learner to show the answer with the probe — every place that shows it passes, others fail.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, sigmoid } from '../../../renderer/lessons/engine';
import {
  checkFlat,
  checkProbeAtMiddle,
  checkProbeAtMirror,
  lesson as sigmoidLesson,
  MIRROR_X,
} from '../../../renderer/lessons/04-sigmoid/lesson';
import {
  activationFormula,
  checkLeakyLeft,
  checkSineZeroAgain,
  checkTanhSaysNo,
  lesson as friendsLesson,
} from '../../../renderer/lessons/05-tanh-and-friends/lesson';
import { lessonHtml } from '../../../renderer/lessons/content';
import { migrateStep } from '../../../renderer/lessons/migrate';
import { judgePrediction, type PredictionSpec } from '../../../renderer/lessons/predict';
import { runCheck, type ProbeState } from '../../../renderer/lessons/types';

const probe = (change: Partial<ProbeState>): ProbeState => ({ activation: 'sigmoid', w: 1, b: 0, x: 0, answer: null, ...change });
const spec = (lesson: typeof sigmoidLesson, i: number): PredictionSpec => {
  const p = lesson.steps[i].predict;
  if (p === undefined) throw new Error(`step ${i + 1} of ${lesson.id} asks no prediction`);
  return p;
};
const right = (s: PredictionSpec, v: string | number): boolean | null | undefined => judgePrediction(s, v)?.correct;
/** Every probe position the slider offers (−extent to extent in steps of 0.1). */
const positions = (extent: number): number[] => Array.from({ length: 20 * extent + 1 }, (_, i) => Math.round(i - 10 * extent) / 10);
/** The lesson's text with KaTeX and tags stripped to words and numbers. */
const text = (id: string): string => lessonHtml(id).join(' ');

describe('lesson 4: sigmoid, predicted before it is read', () => {
  it('no step types its answer into the probe: every question is a prediction', () => {
    for (const step of sigmoidLesson.steps.slice(0, 2)) {
      expect(step.widget === 'probe' && step.preset.question).toBeNull();
      expect(step.predict).toBeDefined();
    }
  });

  it('σ(0) = 0.5: 0.5 and 0.501 are right, 0 and 1 are not', () => {
    const s = spec(sigmoidLesson, 0);
    expect(right(s, 0.5)).toBe(true);
    expect(right(s, 0.501)).toBe(true);
    expect(right(s, 0)).toBe(false);
    expect(right(s, 1)).toBe(false);
  });

  it('step 1 passes with the probe at 0 after any committed prediction, and not elsewhere or before', () => {
    const middle = sigmoidLesson.steps[0];
    expect(checkProbeAtMiddle(probe({ x: 0 }))).toBe(true);
    expect(checkProbeAtMiddle(probe({ x: -2 }))).toBe(false);
    expect(checkProbeAtMiddle(probe({ x: 0.1 }))).toBe(false);
    expect(runCheck(middle, probe({ x: 0 }), null)).toBe(false);
    expect(runCheck(middle, probe({ x: 0 }), { value: 1, correct: false })).toBe(true);
  });

  it('step 2 asks σ at a place the text gives no value for, and accepts both roundings of 0.1192', () => {
    const s = spec(sigmoidLesson, 1);
    expect(s.kind === 'number' && s.answer).toBeCloseTo(0.1192, 4);
    expect(right(s, 0.12)).toBe(true);
    expect(right(s, 0.11)).toBe(true);
    expect(right(s, 0.1192)).toBe(true);
    expect(right(s, 0.88)).toBe(false);
    expect(right(s, 0.1)).toBe(false);
    expect(right(s, -0.88)).toBe(false);
    // The text gives σ(2) ≈ 0.88 to reason from, but neither σ(−2) nor 0.12.
    const words = text('04-sigmoid');
    expect(words).toContain('0.88');
    expect(words).not.toMatch(/0\.1[12]\b/);
    expect(sigmoid(2)).toBeCloseTo(0.88, 2);
  });

  it('step 2 passes with the probe at −2, not at +2 or where it started', () => {
    const mirror = sigmoidLesson.steps[1];
    expect(mirror.id).toBe('mirror');
    expect(checkProbeAtMirror(probe({ x: -2 }))).toBe(true);
    expect(checkProbeAtMirror(probe({ x: 2 }))).toBe(false);
    expect(checkProbeAtMirror(probe({ x: 0 }))).toBe(false);
    expect(runCheck(mirror, probe({ x: -2 }), null)).toBe(false);
    expect(runCheck(mirror, probe({ x: -2 }), { value: 0.88, correct: false })).toBe(true);
  });

  it('first-edition progress on σ(3) carries over to the rewritten step', () => {
    expect(migrateStep('04-sigmoid', 'three')).toEqual({ lesson: '04-sigmoid', step: 'mirror' });
  });

  it('flat where the slope is under 0.01', () => {
    expect(checkFlat(probe({ x: 5 }))).toBe(true);
    expect(checkFlat(probe({ x: -6 }))).toBe(true);
    expect(checkFlat(probe({ x: 4 }))).toBe(false);
    expect(checkFlat(probe({ x: 0 }))).toBe(false);
  });
});

describe('lesson 5: tanh and friends, predicted before the read-out shows', () => {
  it('the text no longer names the answers it asks for', () => {
    const words = text('05-tanh-and-friends');
    expect(words).not.toMatch(/run from −1 to \+1|between −1 and 1|small slope|repeat(s)? (itself )?forever|wiggle/i);
  });

  it('step 1: tanh’s range is −1 and 1; the other ranges are wrong', () => {
    const s = spec(friendsLesson, 0);
    expect(right(s, '−1 and 1')).toBe(true);
    for (const wrong of ['0 and 1', '0 and any large number', 'no limits: any number at all']) expect(right(s, wrong)).toBe(false);
  });

  it('step 1 passes at every probe place where tanh gives below −0.9, and only with tanh', () => {
    const passing = positions(5).filter((x) => checkTanhSaysNo(probe({ activation: 'tanh', x })));
    expect(passing.length).toBeGreaterThan(30);
    for (const x of positions(5)) expect(checkTanhSaysNo(probe({ activation: 'tanh', x }))).toBe(Math.tanh(x) < -0.9);
    expect(checkTanhSaysNo(probe({ activation: 'tanh', x: -1.5 }))).toBe(true);
    expect(checkTanhSaysNo(probe({ activation: 'tanh', x: -1.4 }))).toBe(false);
    expect(checkTanhSaysNo(probe({ activation: 'elu', x: -5 }))).toBe(false);
    expect(checkTanhSaysNo(probe({ activation: 'tanh', x: 3 }))).toBe(false);
  });

  it('steps 1 and 2 start where picking the function alone does not pass: the learner has to move the probe', () => {
    const start = (i: number): ProbeState => (friendsLesson.steps[i].preset as { initial: ProbeState }).initial;
    expect(checkTanhSaysNo({ ...start(0), activation: 'tanh' })).toBe(false);
    expect(checkLeakyLeft({ ...start(1), activation: 'leakyRelu' })).toBe(false);
    expect(checkSineZeroAgain({ ...start(2), activation: 'sin' })).toBe(false);
  });

  it('step 2: only leaky ReLU has a constant, non-zero slope on the left — measured from the registry', () => {
    const s = spec(friendsLesson, 1);
    expect(right(s, 'Leaky ReLU')).toBe(true);
    for (const wrong of ['ELU', 'Softplus', 'GELU']) expect(right(s, wrong)).toBe(false);
    const slopes = (name: 'leakyRelu' | 'elu' | 'softplus' | 'gelu'): number[] =>
      positions(5)
        .filter((x) => x < 0)
        .map((x) => ACTIVATIONS[name].df(x, ACTIVATIONS[name].f(x)));
    const constantNonZero = (d: number[]): boolean => d.every((v) => v > 0 && Math.abs(v - d[0]) < 1e-12);
    expect(constantNonZero(slopes('leakyRelu'))).toBe(true);
    expect(constantNonZero(slopes('elu'))).toBe(false);
    expect(constantNonZero(slopes('softplus'))).toBe(false);
    expect(constantNonZero(slopes('gelu'))).toBe(false);
  });

  it('step 2 passes with leaky ReLU anywhere left of 0, not on the right or with another function', () => {
    for (const x of positions(5).filter((v) => v < 0)) expect(checkLeakyLeft(probe({ activation: 'leakyRelu', x }))).toBe(true);
    expect(checkLeakyLeft(probe({ activation: 'leakyRelu', x: 0.5 }))).toBe(false);
    expect(checkLeakyLeft(probe({ activation: 'relu', x: -2 }))).toBe(false);
    expect(checkLeakyLeft(probe({ activation: 'elu', x: -2 }))).toBe(false);
  });

  it('step 3: the sine is 0 again at π; 3.1 and 3.2 count, 1.57 and 6.28 do not', () => {
    const s = spec(friendsLesson, 2);
    expect(right(s, 3.14)).toBe(true);
    expect(right(s, 3.1)).toBe(true);
    expect(right(s, 3.2)).toBe(true);
    expect(right(s, 1.57)).toBe(false);
    expect(right(s, 6.28)).toBe(false);
  });

  it('step 3 passes at both places the probe reaches near ±π, with the sine only', () => {
    const passing = positions(5).filter((x) => checkSineZeroAgain(probe({ activation: 'sin', x })));
    expect(passing).toEqual([-3.2, -3.1, 3.1, 3.2]);
    expect(checkSineZeroAgain(probe({ activation: 'sin', x: 0 }))).toBe(false);
    expect(checkSineZeroAgain(probe({ activation: 'cos', x: 1.6 }))).toBe(false);
    expect(checkSineZeroAgain(probe({ activation: 'relu', x: -3 }))).toBe(false);
  });

  it('every step needs its prediction committed first', () => {
    const states = [probe({ activation: 'tanh', x: -3 }), probe({ activation: 'leakyRelu', x: -2 }), probe({ activation: 'sin', x: 3.1 })];
    friendsLesson.steps.forEach((step, i) => {
      expect(runCheck(step, states[i], null)).toBe(false);
      expect(runCheck(step, states[i], { value: 'anything', correct: false })).toBe(true);
    });
  });

  it('formula carries the function and the values at the probe', () => {
    const t = activationFormula(probe({ activation: 'tanh', x: 0 }));
    expect(t).toContain('f(0.00) = 0.000');
    expect(t).toContain("f'(0.00) = 1.000");
  });
});

describe('lesson 4: the plot keeps back what the prediction asks', () => {
  it('step 1 hides the curve until the commit: σ(0) sits on its 0.5 line', () => {
    const middle = sigmoidLesson.steps[0];
    expect(middle.widget === 'probe' && middle.preset.untilPredicted).toBe('curve');
  });

  it('step 2 hides the left half, where σ(−2) is, and shows the right half to mirror', () => {
    const mirror = sigmoidLesson.steps[1];
    expect(mirror.widget === 'probe' && mirror.preset.untilPredicted).toBe('negativeSide');
  });

  it('step 3 asks no prediction and draws the whole curve', () => {
    const flat = sigmoidLesson.steps[2];
    expect(flat.widget === 'probe' && flat.preset.untilPredicted).toBeUndefined();
  });
});

describe('lesson 4: no step starts its probe where a later step asks', () => {
  it('step 1 does not start at −2 (it would show σ(−2) once its own prediction is committed)', () => {
    for (const step of sigmoidLesson.steps) if (step.widget === 'probe') expect(step.preset.initial.x).not.toBe(MIRROR_X);
  });
});
