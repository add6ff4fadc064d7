/** Lesson 19's checks with right and wrong answers, on networks trained for real. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../core/session';
import { capstoneRecord, neuronCount, paramCount, type CapstoneState } from '../../../renderer/lessons/19-what-you-can-explain/capstone';
import {
  capstonePreset,
  checkBentIt,
  checkCapstone,
  checkSlopeSeen,
  lesson,
  ONE_LINE,
} from '../../../renderer/lessons/19-what-you-can-explain/lesson';
import { LESSONS } from '../../../renderer/lessons/index';
import { emptyProgress, parseProgress, recordCapstone, serializeProgress, type CapstoneRecord } from '../../../renderer/lessons/progress';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { runCheck, type Step, type TrainerPreset } from '../../../renderer/lessons/types';
import { trainFor } from './helpers';

function trainerPresetOf(step: Step): TrainerPreset {
  if (step.widget !== 'trainer') throw new Error(`${step.id} is not a trainer step`);
  return step.preset;
}

describe('lesson 19 step 1: the deep linear network', () => {
  const first = lesson.steps[0];
  const preset = trainerPresetOf(first);

  it('stays a straight line when linear, however long it trains, and the check refuses it', () => {
    const linear = trainFor(preset, 300);
    expect(linear.collapsed).toBe(true);
    expect(linear.testAccuracy).toBeLessThan(0.75);
    expect(checkBentIt(linear)).toBe(false);
  });

  it.each(['relu', 'tanh'] as const)('passes with %s hidden layers once above 90 %, and only after a prediction', (activation) => {
    const bent = trainFor(preset, 400, (c) => (c.network.hidden = c.network.hidden.map((h) => ({ ...h, activation }))));
    expect(bent.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(checkBentIt(bent)).toBe(true);
    expect(runCheck(first, bent, null)).toBe(false);
    const wrong = judgePrediction(first.predict!, first.predict!.kind === 'choice' ? first.predict!.options[0] : 0);
    expect(wrong?.correct).toBe(false);
    // A wrong prediction still counts as committed: the step is about trying, not about guessing right.
    expect(runCheck(first, bent, wrong)).toBe(true);
    expect(judgePrediction(first.predict!, ONE_LINE)?.correct).toBe(true);
  });

  it('refuses a non-linear network below 90 %', () => {
    const early = trainFor(preset, 1, (c) => (c.network.hidden = c.network.hidden.map((h) => ({ ...h, activation: 'relu' }))));
    expect(early.testAccuracy).toBeLessThan(0.9);
    expect(checkBentIt(early)).toBe(false);
  });
});

describe('lesson 19 step 2: the summary', () => {
  it('links only to lessons that exist', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../../renderer/lessons/19-what-you-can-explain/lesson.md', import.meta.url)),
      'utf8',
    );
    const links = [...text.matchAll(/\(#lesson\/([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const id of links) expect(LESSONS.map((l) => l.id)).toContain(id);
    // Each link reads as the lesson's own name, not one of its steps' titles.
    for (const [, label, id] of text.matchAll(/\[([^\]]+)\]\(#lesson\/([^)]+)\)/g)) {
      const title = LESSONS.find((l) => l.id === id)?.title ?? '';
      expect(title.toLowerCase()).toContain(label.toLowerCase());
    }
  });

  it('passes where an activation bends and still has a slope, not on a straight or flat stretch', () => {
    expect(checkSlopeSeen({ activation: 'sigmoid', x: 0, f: 0.5, df: 0.25 })).toBe(true);
    expect(checkSlopeSeen({ activation: 'sin', x: 1, f: Math.sin(1), df: Math.cos(1) })).toBe(true);
    expect(checkSlopeSeen({ activation: 'tanh', x: 0, f: 0, df: 1 })).toBe(false);
    expect(checkSlopeSeen({ activation: 'relu', x: 2, f: 2, df: 1 })).toBe(false);
    expect(checkSlopeSeen({ activation: 'sigmoid', x: 6, f: 0.9975, df: 0.0025 })).toBe(false);
    expect(checkSlopeSeen({ activation: 'identity', x: 1, f: 1, df: 1 })).toBe(false);
  });
});

describe('lesson 19 step 3: the capstone', () => {
  const record = (params: number, neurons: number): CapstoneRecord => ({
    params,
    neurons,
    hidden: [neurons],
    activation: 'sin',
    testAccuracy: 0.95,
    epoch: 100,
  });
  const state = (solved: CapstoneRecord | null, best: CapstoneRecord | null): CapstoneState => ({
    hidden: [8, 8],
    activation: 'tanh',
    neurons: 16,
    params: 105,
    epoch: 10,
    testAccuracy: 0.5,
    solved,
    best,
    config: capstonePreset.config,
    weights: null,
  });

  it('passes with a solution of at most 40 weights and biases, now or kept from before', () => {
    expect(checkCapstone(state(record(37, 8), null))).toBe(true);
    expect(checkCapstone(state(null, record(25, 6)))).toBe(true);
    expect(checkCapstone(state(record(105, 16), null))).toBe(false);
    expect(checkCapstone(state(null, null))).toBe(false);
  });

  it('counts neurons and parameters, and records only a network that reached the target', () => {
    const c = structuredClone(capstonePreset.config);
    c.network.hidden = [
      { size: 3, activation: 'sin' },
      { size: 3, activation: 'sin' },
    ];
    // 2→3: 9, 3→3: 12, 3→1: 4.
    expect(paramCount(c)).toBe(25);
    expect(neuronCount(c)).toBe(6);
    expect(capstoneRecord(c, 200, 0.94, 0.95)).toBeNull();
    expect(capstoneRecord(c, 0, 0.96, 0.95)).toBeNull();
    expect(capstoneRecord(c, 200, 0.952, 0.95)).toEqual({
      neurons: 6,
      params: 25,
      hidden: [3, 3],
      activation: 'sin',
      testAccuracy: 0.952,
      epoch: 200,
    });
  });

  it('keeps the smallest record in progress, which survives saving and reading back', () => {
    let p = recordCapstone(emptyProgress(), record(37, 8));
    p = recordCapstone(p, record(51, 10));
    expect(p.capstone?.params).toBe(37);
    p = recordCapstone(p, record(25, 6));
    expect(parseProgress(serializeProgress(p)).capstone).toEqual(record(25, 6));
    expect(parseProgress(JSON.stringify({ ...p, capstone: { params: -1 } })).capstone).toBeUndefined();
  });

  it('is genuinely hard but reachable: the measured small solution passes, a small ReLU network does not in 1,500 epochs', () => {
    const train = (hidden: number[], activation: 'sin' | 'relu', lr: number, epochs: number): number => {
      const c = structuredClone(capstonePreset.config);
      c.network.hidden = hidden.map((size) => ({ size, activation }));
      c.training.learningRate = lr;
      const session = createSession();
      session.handle({ type: 'configure', id: 1, config: c });
      let best = 0;
      for (let e = 0; e < epochs && best < 0.95; e++) {
        session.train(1, () => 0, Number.POSITIVE_INFINITY);
        best = Math.max(best, session.snapshot().metrics.testAccuracy ?? 0);
      }
      return best;
    };
    expect(train([4, 4], 'sin', 0.1, 600)).toBeGreaterThanOrEqual(0.95);
    expect(train([4, 4], 'relu', 0.1, 1500)).toBeLessThan(0.95);
  });
});
