import { describe, expect, it } from 'vitest';
import {
  CAN,
  CANNOT,
  checkReluBends,
  checkSawCollapse,
  lesson as collapseLesson,
} from '../../../renderer/lessons/06-linear-collapse/lesson';
import { checkBestLine, checkHandNet, checkTrained, lesson as xorLesson } from '../../../renderer/lessons/07-xor/lesson';
import {
  checkRace,
  checkRegularized,
  checkSpiral,
  checkTooFast,
  lesson as trainingLesson,
} from '../../../renderer/lessons/14-training/lesson';
import { checkConfident, checkCosine, lesson as softmaxLesson, softmaxFormula } from '../../../renderer/lessons/16-softmax-and-cos/lesson';
import { neuronCorrect, XOR_CORNERS } from '../../../renderer/lessons/math';
import type { Step, TrainerPreset } from '../../../renderer/lessons/types';
import { trainFor, trainerState } from './helpers';

function trainerPresetOf(step: Step): TrainerPreset {
  if (step.widget !== 'trainer') throw new Error(`${step.id} is not a trainer step`);
  return step.preset;
}

const collapsePreset = trainerPresetOf(collapseLesson.steps[0]);
const xorPreset = trainerPresetOf(xorLesson.steps[2]);
const [race, spiral, fast, noisy] = trainingLesson.steps.map(trainerPresetOf);
const blobs = trainerPresetOf(softmaxLesson.steps[1]);

describe('lesson 6: the linear collapse', () => {
  it('a trained identity network stays collapsed and fails the circle; the right answer passes', () => {
    const trained = trainFor(collapsePreset, 120);
    expect(trained.collapsed).toBe(true);
    expect(trained.testAccuracy).toBeLessThan(0.75);
    expect(checkSawCollapse({ ...trained, answer: CANNOT })).toBe(true);
    expect(checkSawCollapse({ ...trained, answer: CAN })).toBe(false);
    expect(checkSawCollapse({ ...trained, answer: null })).toBe(false);
  });
  it('needs at least 100 epochs of watching', () => {
    expect(checkSawCollapse(trainerState(collapsePreset, { collapsed: true, epoch: 40, answer: CANNOT }))).toBe(false);
  });
  it('ReLU breaks the collapse and learns the circle', () => {
    const relu = trainFor(collapsePreset, 200, (c) => c.network.hidden.forEach((h) => (h.activation = 'relu')));
    expect(relu.collapsed).toBe(false);
    expect(checkReluBends(relu)).toBe(true);
    const linear = trainFor(collapsePreset, 200);
    expect(checkReluBends(linear)).toBe(false);
  });
});

describe('lesson 7: XOR', () => {
  it('no line gets all four corners; the best gets three', () => {
    let best = 0;
    for (let w1 = -3; w1 <= 3; w1 += 0.1)
      for (let w2 = -3; w2 <= 3; w2 += 0.1)
        for (let b = -3; b <= 3; b += 0.1) best = Math.max(best, neuronCorrect({ w1, w2, b }, XOR_CORNERS));
    expect(best).toBe(3);
    expect(checkBestLine({ w1: 1, w2: 1, b: -0.5 })).toBe(true);
    expect(checkBestLine({ w1: -1, w2: 1, b: 0.5 })).toBe(false);
  });
  it("the book's weights solve XOR exactly; near misses do not", () => {
    const book = { W: [1, 1, 1, 1], c: [0, -1], w: [1, -2], b: 0 };
    expect(checkHandNet(book)).toBe(true);
    expect(checkHandNet({ ...book, w: [1, -1] })).toBe(false);
    expect(checkHandNet({ ...book, c: [0, 0] })).toBe(false);
    expect(checkHandNet({ W: [1, 0, 0, 1], c: [0, 0], w: [1, 1], b: 0 })).toBe(false);
  });
  it('training from the preset seed finds a solution; untrained weights do not pass', () => {
    expect(checkTrained(trainFor(xorPreset, 0))).toBe(false);
    expect(checkTrained(trainFor(xorPreset, 300))).toBe(true);
    expect(checkTrained(trainerState(xorPreset, { probeOutputs: null }))).toBe(false);
  });
});

describe('lesson 8: training', () => {
  it('race needs two finishers', () => {
    expect(checkRace(trainerState(race, { race: { tanh: 48 } }))).toBe(false);
    expect(checkRace(trainerState(race, { race: { tanh: 48, relu: 80 } }))).toBe(true);
  });
  it('tanh learns the circle within 200 epochs, the linear network does not', () => {
    const tanh = trainFor(race, 200, (c) => c.network.hidden.forEach((h) => (h.activation = 'tanh')));
    expect(tanh.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(trainFor(race, 200).testAccuracy).toBeLessThan(0.9);
  });
  it('spiral passes once trained, not before', () => {
    expect(checkSpiral(trainFor(spiral, 5))).toBe(false);
    expect(checkSpiral(trainFor(spiral, 300))).toBe(true);
  });
  it('a learning rate of 10 wrecks training; 0.03 does not pass', () => {
    expect(checkTooFast(trainFor(fast, 30, (c) => (c.training.learningRate = 10)))).toBe(true);
    expect(checkTooFast(trainFor(fast, 30))).toBe(false);
    expect(checkTooFast(trainerState(fast, { diverged: true }))).toBe(false);
  });
  it('the noisy preset really overfits, and L2 keeps the test loss down', () => {
    const noisy50 = (c: TrainerPreset['config']): void => {
      c.data.noise = 50;
    };
    const plain = trainFor(noisy, 400, noisy50);
    expect(plain.trainLoss).toBeLessThan(plain.testLoss / 5);
    expect(plain.testLoss).toBeGreaterThan(plain.lowestTestLoss * 1.2);
    const l2 = trainFor(noisy, 400, (c) => {
      noisy50(c);
      c.training.regularization = 'l2';
      c.training.regularizationRate = 0.03;
    });
    expect(l2.testLoss).toBeLessThan(plain.testLoss);
  });
  it('regularization on noisy data', () => {
    const good = trainerState(noisy, { epoch: 120 });
    good.config.data.noise = 30;
    good.config.training.regularization = 'l2';
    good.config.training.regularizationRate = 0.03;
    expect(checkRegularized(good)).toBe(true);
    expect(checkRegularized({ ...good, epoch: 50 })).toBe(false);
    const none = structuredClone(good);
    none.config.training.regularization = 'none';
    expect(checkRegularized(none)).toBe(false);
    const clean = structuredClone(good);
    clean.config.data.noise = 10;
    expect(checkRegularized(clean)).toBe(false);
  });
});

describe('lesson 9: softmax and cos', () => {
  it('class 2 at 90 % or more', () => {
    expect(checkConfident({ scores: [0, 3, 0] })).toBe(true);
    expect(checkConfident({ scores: [1, 0.5, -0.5] })).toBe(false);
    expect(checkConfident({ scores: [0, 2, 0] })).toBe(false);
  });
  it('formula shows the live probability', () => {
    expect(softmaxFormula({ scores: [0, 0, 0] })).toContain('= 0.333');
  });
  it('a cosine network learns the three blobs; ReLU alone does not count', () => {
    const cos = trainFor(blobs, 100, (c) => c.network.hidden.forEach((h) => (h.activation = 'cos')));
    expect(cos.race.cos).toBeGreaterThan(0);
    expect(checkCosine(cos)).toBe(true);
    const relu = trainFor(blobs, 100);
    expect(relu.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(checkCosine(relu)).toBe(false);
  });
  it('comparing with ReLU afterwards, as the step asks, keeps the cosine result (bug 2)', () => {
    const cos = trainFor(blobs, 100, (c) => c.network.hidden.forEach((h) => (h.activation = 'cos')));
    // The learner switches to ReLU: a fresh ReLU network, early in its training, and cos's finish kept.
    const relu = trainFor(blobs, 2);
    expect(checkCosine({ ...relu, race: { ...cos.race, ...relu.race } })).toBe(true);
    expect(checkCosine({ ...relu, race: { relu: 12 } })).toBe(false);
  });
});
