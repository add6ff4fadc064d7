/** Lesson 19's checks with right and wrong answers, on networks trained for real. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../core/session';
import {
  capstoneRecord,
  describesRun,
  neuronCount,
  paramCount,
  type CapstoneState,
} from '../../../renderer/lessons/19-what-you-can-explain/capstone';
import {
  capstonePreset,
  checkBentIt,
  checkCapstone,
  checkSlopeSeen,
  HINTED_EPOCHS,
  HINTED_NETWORK,
  hintedConfig,
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

  it('links each idea to the lessons that showed it: the slope to steps downhill and the chain of slopes, folding and bumps too', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../../renderer/lessons/19-what-you-can-explain/lesson.md', import.meta.url)),
      'utf8',
    );
    const item = (start: string) => text.split('\n').find((line) => line.startsWith(`- **${start}`)) ?? '';
    const linksIn = (line: string) => [...line.matchAll(/\(#lesson\/([^)]+)\)/g)].map((m) => m[1]);
    expect(linksIn(item('Learning follows the slope'))).toEqual(['09-one-step-downhill', '10-chain-of-slopes']);
    expect(linksIn(item('Without one, depth'))).toContain('08-folding-space');
    expect(linksIn(item('An activation bends'))).toContain('15-enough-bumps');
  });

  it('step 1 says why one straight line can score below a coin flip on the ring, but only once the prediction is committed', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../../renderer/lessons/19-what-you-can-explain/lesson.md', import.meta.url)),
      'utf8',
    );
    const stepText = text.split('<!-- step -->')[0];
    // The text is on show before the commit: naming the straight line there gives the answer away.
    expect(stepText).not.toMatch(/straight line|coin flip/);
    const predict = lesson.steps[0].predict;
    expect(predict?.explanation).toMatch(/below 50 %, worse than a coin flip/);
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

  it('is genuinely hard: a small ReLU network does not pass in 1,500 epochs (the hinted sine network does, below)', () => {
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
    expect(train([4, 4], 'relu', 0.1, 1500)).toBeLessThan(0.95);
  });
});

/** The first epoch a network reaches 95 % test accuracy on the engine (the app's fast path), or -1 within `epochs`. */
function firstPass(config: CapstoneState['config'], epochs: number): number {
  const session = createSession({ fastPath: true });
  session.handle({ type: 'configure', id: 1, config });
  for (let e = 1; e <= epochs; e++) {
    session.train(1, () => 0, Number.POSITIVE_INFINITY);
    if ((session.snapshot().metrics.testAccuracy ?? 0) >= capstonePreset.target) return e;
  }
  return -1;
}

describe("lesson 19 step 3: the hint's network really solves the spiral", () => {
  // Seed 1 is the step's start; New random start adds one to the seed.
  it.each([1, 2, 3])(`reaches the target within ${HINTED_EPOCHS} epochs from seed %i`, (seed) => {
    const epoch = firstPass(hintedConfig(seed), HINTED_EPOCHS);
    expect(epoch).toBeGreaterThan(0);
    expect(epoch).toBeLessThanOrEqual(HINTED_EPOCHS);
  });

  it('is small enough to pass the challenge, and the hint names it as the learner builds it', () => {
    const config = hintedConfig();
    expect(paramCount(config)).toBeLessThanOrEqual(40);
    expect(config.data).toEqual(capstonePreset.config.data);
    const step = lesson.steps[2];
    expect(step.hint).toContain(`${HINTED_NETWORK.hidden.length} hidden layers of ${HINTED_NETWORK.hidden[0]} sine neurons each`);
    expect(step.hint).toContain(`learning rate ${HINTED_NETWORK.learningRate}`);
    expect(step.hint).toContain(`${paramCount(config)} weights and biases`);
    // Every choice the hint names is one the widget offers.
    expect(capstonePreset.layerChoices).toContain(HINTED_NETWORK.hidden.length);
    for (const size of HINTED_NETWORK.hidden) expect(capstonePreset.sizeChoices).toContain(size);
    expect(capstonePreset.activationChoices).toContain(HINTED_NETWORK.activation);
    expect(capstonePreset.learningRates).toContain(HINTED_NETWORK.learningRate);
  });

  it('warns rightly against one layer of 8 sine neurons: it stays below 95 % far longer', () => {
    for (const seed of [1, 2]) {
      const config = hintedConfig(seed);
      config.network.hidden = [{ size: 8, activation: 'sin' }];
      expect(firstPass(config, 1000)).toBe(-1);
    }
  });
});

describe('lesson 19 step 3: whose "Solved" message it is', () => {
  const config = hintedConfig();
  const record = capstoneRecord(config, 147, 0.96, 0.95)!;
  it('belongs to the network shown while its run goes on', () => {
    expect(describesRun(record, config, 147)).toBe(true);
    expect(describesRun(record, config, 600)).toBe(true);
  });
  it('not to another size, another activation, or a run started again', () => {
    const smaller = structuredClone(config);
    smaller.network.hidden[1].size = 3;
    expect(describesRun(record, smaller, 600)).toBe(false);
    const tanh = structuredClone(config);
    tanh.network.hidden = tanh.network.hidden.map((h) => ({ ...h, activation: 'tanh' }));
    expect(describesRun(record, tanh, 600)).toBe(false);
    expect(describesRun(record, config, 0)).toBe(false);
    expect(describesRun(record, config, 20)).toBe(false);
  });
});
