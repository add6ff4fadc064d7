import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ActivationName, LabConfig } from '../../../core/config';
import {
  checkKilled,
  killedNotYet,
  leakyNotYet,
  MEASURE_HOW,
  revived,
  checkLeakyAlive,
  checkLeakySlope,
  checkKilledMeasured,
  checkStayDead,
  COME_BACK_NONE,
  deadConfig,
  killedInTen,
  deadTotal,
  KILLED_AT_BIG_RATE,
  lesson,
} from '../../../renderer/lessons/11-dead-neurons/lesson';

const lessonSteps = () => lesson.steps;
import type { DeadNeuronsState } from '../../../renderer/lessons/types';
import { deadNeurons } from './helpers';
import { deadState, trainedSession } from './instrument-helpers';
import { judgePrediction, settlePrediction } from '../../../renderer/lessons/predict';
import { runCheck } from '../../../renderer/lessons/types';

function config(activation: ActivationName, learningRate: number): LabConfig {
  const c = structuredClone(deadConfig);
  c.network.hidden = c.network.hidden.map((h) => ({ ...h, activation }));
  c.training.learningRate = learningRate;
  return c;
}

/** Trains at `rate` for `epochs`, then (optionally) at `then` for `more`, as the widget's pickers do. */
function measure(activation: ActivationName, rate: number, epochs: number, then?: { rate: number; more: number }): DeadNeuronsState {
  const c = config(activation, rate);
  const run = trainedSession(c);
  run.train(epochs);
  if (!then) return deadState(run, c, rate, epochs);
  run.setLearningRate(then.rate);
  run.train(then.more);
  return deadState(run, c, then.rate, then.more);
}

/** The lesson's text, one entry per step. */
const stepTexts = readFileSync(new URL('../../../renderer/lessons/11-dead-neurons/lesson.md', import.meta.url), 'utf8').split(
  '<!-- step -->',
);

const dead = deadNeurons;

describe('lesson 11: dead neurons', () => {
  it('measured: learning rate 0.03 kills no ReLU, 3 kills many and stalls the network', () => {
    const safe = measure('relu', 0.03, 10);
    const big = measure('relu', 3, 10);
    console.log(
      `ReLU dead after 10 epochs: at 0.03 ${JSON.stringify(safe.deadCount)}, at 3 ${JSON.stringify(big.deadCount)} (accuracy ${big.testAccuracy})`,
    );
    expect(deadTotal(safe)).toBe(0);
    expect(checkKilled(safe)).toBe(false);
    expect(checkKilled(big)).toBe(true);
    expect(big.testAccuracy).toBeLessThan(0.6);
    // Trained at 0.03 first, then raised to 3 without starting over: the same neurons die, and it passes too.
    const raised = measure('relu', 0.03, 5, { rate: 3, more: 10 });
    console.log(`ReLU trained at 0.03 then 3: dead ${JSON.stringify(raised.deadCount)}`);
    expect(checkKilled(raised)).toBe(true);
  });
  it('measured: the dead stay dead after fifty epochs at 0.03', () => {
    const after = measure('relu', 3, 10, { rate: 0.03, more: 60 });
    console.log(`ReLU after 10 epochs at 3 and 60 at 0.03: dead ${JSON.stringify(after.deadCount)}, accuracy ${after.testAccuracy}`);
    expect(checkStayDead(after)).toBe(true);
    expect(after.testAccuracy).toBeLessThan(0.6);
    // A network that never saw the big step has none dead, so it cannot pass.
    expect(checkStayDead(measure('relu', 0.03, 60))).toBe(false);
    // Switched to 0.03 after fifty epochs at 3, but not trained at 0.03 yet: not seen.
    expect(checkStayDead({ ...after, epochsAtRate: 0 })).toBe(false);
    expect(checkStayDead({ ...after, epochsAtRate: 20 })).toBe(false);
    expect(checkStayDead({ ...after, learningRate: 3 })).toBe(false);
  });
  it('measured: leaky ReLU at 3 loses no neuron, brings switched-off neurons back and learns the circle', () => {
    const leaky = measure('leakyRelu', 3, 10);
    console.log(
      `Leaky ReLU after 10 epochs at 3: dead ${JSON.stringify(leaky.deadCount)}, switched off ${JSON.stringify(leaky.inactiveCount)} (at most ${leaky.inactivePeak}), accuracy ${leaky.testAccuracy}`,
    );
    // What step 4 shows: switched off on every example (where a ReLU dies), none dead, some back already.
    expect(deadTotal(leaky)).toBe(0);
    expect(leaky.inactivePeak).toBeGreaterThanOrEqual(4);
    expect(revived(leaky)).toBeGreaterThanOrEqual(1);
    expect(checkLeakyAlive(leaky)).toBe(true);
    // What step 4's text promises for about forty epochs: the accuracy is past 90 % within ten, and
    // the switched-off neurons come back after it, several more by forty than by ten.
    expect(leaky.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(revived(measure('leakyRelu', 3, 40))).toBeGreaterThanOrEqual(revived(leaky) + 3);
    expect(stepTexts[3]).toMatch(/about forty epochs/);
    expect(stepTexts[3]).toMatch(/past 90 % within the first ten/);
    // None back yet: not passed, and told what to watch.
    expect(checkLeakyAlive({ ...leaky, inactivePeak: 9, inactiveCount: [1, 8] })).toBe(false);
    expect(leakyNotYet({ ...leaky, inactivePeak: 9, inactiveCount: [1, 8] })).toMatch(/No switched-off neuron has come back yet/);
    expect(leakyNotYet(leaky)).toBeNull();
    expect(checkLeakyAlive(measure('relu', 3, 10))).toBe(false);
    expect(checkLeakyAlive(measure('leakyRelu', 0.03, 10))).toBe(false);
  });
  it('step 2 asks first how many come back, and the runs say none', () => {
    const spec = lesson.steps[1].predict;
    expect(spec?.kind).toBe('choice');
    if (spec?.kind !== 'choice') return;
    expect(spec.answers).toEqual([COME_BACK_NONE]);
    // Measured: killed at 3, then fifty epochs at 0.03, and not one more alive.
    const killed = measure('relu', 3, 10);
    const after = measure('relu', 3, 10, { rate: 0.03, more: 50 });
    expect(deadTotal(after)).toBe(deadTotal(killed));
    expect(stepTexts[1]).toMatch(/predict how many come back/);
  });
  it('counts nothing before the first measurement', () => {
    expect(deadTotal(dead({ deadCount: [] }))).toBeNull();
    expect(checkKilled(dead({ deadCount: [] }))).toBe(false);
    expect(checkLeakyAlive(dead({ activation: 'leakyRelu', deadCount: [], testAccuracy: 0.95 }))).toBe(false);
    expect(checkKilled(dead({ epoch: 2 }))).toBe(false);
    expect(checkKilled(dead({}))).toBe(true);
    expect(checkKilled(dead({ activation: 'leakyRelu' }))).toBe(false);
  });
  it("reads leaky ReLU's slope left of zero anywhere there", () => {
    expect(checkLeakySlope({ activation: 'leakyRelu', x: -2, f: -0.02, df: 0.01 })).toBe(true);
    expect(checkLeakySlope({ activation: 'leakyRelu', x: -0.01, f: -0.0001, df: 0.01 })).toBe(true);
    expect(checkLeakySlope({ activation: 'leakyRelu', x: 2, f: 2, df: 1 })).toBe(false);
    expect(checkLeakySlope({ activation: 'relu', x: -2, f: 0, df: 0 })).toBe(false);
  });
});

describe('lesson 11, step 1: the answer comes from the learner’s own run', () => {
  const step = lessonSteps()[0];
  const spec = step.predict!;

  it('measured: ten epochs at learning rate 3 kill the count the lesson expects, and the step reads it from the run', () => {
    const big = measure('relu', 3, 10);
    expect(deadTotal(big)).toBe(KILLED_AT_BIG_RATE);
    expect(killedInTen(big)).toBe(KILLED_AT_BIG_RATE);
  });

  it('measures only the described experiment: a run trained at 0.03 first does not count, and the learner is told what to do', () => {
    // The learner's walk: 30 epochs at 0.03 without Start over, then 10 at 3 (epoch 40).
    const raised = measure('relu', 0.03, 30, { rate: 3, more: 10 });
    console.log(`ReLU 30 epochs at 0.03, then 10 at 3: dead ${JSON.stringify(raised.deadCount)}`);
    expect(raised.freshAtRate).toBe(false);
    expect(killedInTen(raised)).toBeNull();
    expect(checkKilledMeasured(raised)).toBe(false);
    expect(killedNotYet(raised)).toBe(`This run trained at another learning rate first, so it is not the experiment. ${MEASURE_HOW}`);
    expect(MEASURE_HOW).toBe('Press Start over with learning rate 3, then train 10 epochs.');
    expect(killedNotYet(dead({ learningRate: 0.03, epochsAtRate: 30, epoch: 30 }))).toMatch(
      /^Not quite yet: the learning rate is 0\.03\. Choose 3/,
    );
    expect(killedNotYet(dead({}))).toBeNull();
  });

  it('step 2 states no count of the dead that the learner’s own run could contradict', () => {
    const text = stepTexts[1];
    expect(text).toMatch(/many of its sixteen neurons/);
    expect(text.toLowerCase()).not.toMatch(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\b\d+ of\b/);
  });

  it('has no measurement before ten epochs at 3, at 0.03, or with leaky ReLU', () => {
    expect(killedInTen(dead({ epochsAtRate: 9 }))).toBeNull();
    expect(killedInTen(dead({ learningRate: 0.03 }))).toBeNull();
    expect(killedInTen(dead({ activation: 'leakyRelu' }))).toBeNull();
    expect(killedInTen(dead({ deadCount: [] }))).toBeNull();
    expect(killedInTen(dead({ freshAtRate: false }))).toBeNull();
    expect(killedInTen(dead({}))).toBe(9);
  });

  it('locks the prediction on commit and lets the run judge it: the same count is right, any other wrong', () => {
    expect(spec.judgedByRun?.measure).toBe(killedInTen);
    // What to do says Start over at 3, and that a run raised from 0.03 does not count.
    expect(spec.judgedByRun?.findOut).toMatch(/^choose learning rate 3, press Start over, then train 10 epochs/);
    expect(spec.judgedByRun?.findOut).toMatch(/trained at 0\.03 first does not count/);
    expect(judgePrediction(spec, 4)).toEqual({ value: 4, correct: null });
    expect(settlePrediction(spec, judgePrediction(spec, 9)!, 9).correct).toBe(true);
    // The tester's contradiction stays fixed: 8 is not called right while the run crossed out 9.
    expect(settlePrediction(spec, judgePrediction(spec, 8)!, 9).correct).toBe(false);
    expect(settlePrediction(spec, judgePrediction(spec, 4)!, 9)).toEqual({ value: 4, correct: false, measured: 9 });
    // A run that crossed out 7 makes 7 right: the learner's run is the judge.
    expect(settlePrediction(spec, judgePrediction(spec, 7)!, 7).correct).toBe(true);
    // The first measurement stands.
    const settled = settlePrediction(spec, judgePrediction(spec, 9)!, 9);
    expect(settlePrediction(spec, settled, 3)).toBe(settled);
  });

  it('checks only with a committed prediction and a run of ten epochs at 3', () => {
    const killed = dead({});
    expect(runCheck(step, killed, null)).toBe(false);
    expect(runCheck(step, killed, { value: 0, correct: null })).toBe(true);
    expect(checkKilledMeasured(killed)).toBe(true);
    expect(checkKilledMeasured(dead({ epoch: 6, epochsAtRate: 6 }))).toBe(false);
    expect(checkKilled(dead({ epoch: 6, epochsAtRate: 6 }))).toBe(true);
  });

  it('the explanation shown with the run’s count states no count of its own', () => {
    for (const text of [spec.explanation]) {
      expect(text).not.toMatch(/\d/);
      expect(text.toLowerCase()).not.toMatch(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen)\b/);
    }
  });
});
