/**
 * Lessons 2, 6, 10, 11, 12, 13, 16 and 17: a failed check says what is off and what to change, instead
 * of the bare "Not quite yet" (a learner walking these lessons got that same sentence for a run
 * still short of its epochs, a slider on the wrong side, a line two points short of the best,
 * and a drawing with one bend too many). A passing state has nothing to add.
 */
import { describe, expect, it } from 'vitest';
import { lesson as lesson2 } from '../../../renderer/lessons/02-one-neuron/lesson';
import { lesson as lesson6 } from '../../../renderer/lessons/06-linear-collapse/lesson';
import { lesson as lesson10 } from '../../../renderer/lessons/10-chain-of-slopes/lesson';
import { lesson as lesson11 } from '../../../renderer/lessons/11-dead-neurons/lesson';
import { lesson as lesson12, SATURATION_QUESTION } from '../../../renderer/lessons/12-saturation-and-init/lesson';
import type { CompareState } from '../../../renderer/lessons/12-saturation-and-init/compare';
import { lesson as lesson16 } from '../../../renderer/lessons/16-softmax-and-cos/lesson';
import { lesson as lesson13, TRAINING_QUESTION } from '../../../renderer/lessons/13-output-meets-loss/lesson';
import { IDENTITY_KNOTS, lesson as lesson17 } from '../../../renderer/lessons/17-invent-your-own/lesson';
import type { DrawnTrainerState } from '../../../renderer/lessons/17-invent-your-own/drawing';
import type { OutputLossState } from '../../../renderer/lessons/13-output-meets-loss/output-loss';
import { type ExplorerState, type GradientFlowState, type NeuronState, type TrainerPreset } from '../../../renderer/lessons/types';
import { deadNeurons, said, trainerState } from './helpers';

const neuron = (w1: number, w2: number, b: number): NeuronState => ({ w1, w2, b });

describe('lesson 2: how far the line is from done', () => {
  it('step 2 counts the points still on the wrong side, by colour', () => {
    expect(said(lesson2, 1, neuron(1, -1, 0.5))).toMatch(/^Not quite yet: \d+ orange on blue ground and \d+ blue on orange ground\./);
    expect(said(lesson2, 1, neuron(1, 1, 0))).toMatch(/^Not quite yet: \d+ orange on blue ground\. Turn the line/);
    expect(said(lesson2, 1, neuron(1, 1, -2.8))).toBe('right');
  });

  it('step 3 compares the line with the best any straight line gets', () => {
    expect(said(lesson2, 2, neuron(0, 1, 0))).toBe(
      'Not quite yet: your line puts 14 of 28 points on their own side; the best straight line gets 20.',
    );
    expect(said(lesson2, 2, neuron(1, 0, 1.5))).toBe('right');
  });
});

describe('lesson 6: epochs still to watch, ReLU still to pick', () => {
  const [collapse, relu] = lesson6.steps.map((s) => s.preset as TrainerPreset);
  it('step 1 counts the epochs towards the 100 asked for', () => {
    expect(said(lesson6, 0, trainerState(collapse, { collapsed: true, epoch: 34 }))).toBe(
      'Not quite yet: it has trained 34 of the 100 epochs. Press Train and keep watching the line.',
    );
    expect(said(lesson6, 0, trainerState(collapse, { collapsed: true, epoch: 100 }))).toBe('right');
  });

  it('step 2 asks for ReLU first, then for the accuracy', () => {
    expect(said(lesson6, 1, trainerState(relu, { collapsed: true, testAccuracy: 0.66 }))).toMatch(
      /still linear\. Switch the hidden activation to ReLU/,
    );
    const withRelu = trainerState(relu, { testAccuracy: 0.8 });
    for (const layer of withRelu.config.network.hidden) layer.activation = 'relu';
    expect(said(lesson6, 1, withRelu)).toBe('Not quite yet: the test accuracy is 80.0 %; keep training until it passes 90 %.');
    expect(said(lesson6, 1, { ...withRelu, testAccuracy: 0.95 })).toBe('right');
  });
});

describe('lesson 10: which way is steeper, what the ReLU run still lacks', () => {
  const sigmoid = (x: number): ExplorerState => {
    const f = 1 / (1 + Math.exp(-x));
    return { activation: 'sigmoid', x, f, df: f * (1 - f) };
  };
  it('step 1 gives the slope at the cursor and the way to the top of the slope curve', () => {
    expect(said(lesson10, 0, sigmoid(3))).toBe(
      'Not quite yet: at x = 3.00 the slope is 0.0452. Move the cursor left, to where the dashed slope curve is highest.',
    );
    expect(said(lesson10, 0, sigmoid(-1.3))).toMatch(/at x = −1\.30 .* Move the cursor right/);
    expect(said(lesson10, 0, sigmoid(0))).toBe('right');
  });

  it('step 2 names the next depth to train, one layer more each time', () => {
    const runs = (shares: number[]): GradientFlowState => ({
      activation: 'sigmoid',
      hiddenLayers: shares.length,
      epoch: 3,
      gradient: [],
      firstOverLast: shares.at(-1) ?? null,
      answer: null,
      tried: shares.map((share, i) => ({ activation: 'sigmoid', layers: i + 1, epoch: 3, share })),
    });
    expect(said(lesson10, 1, runs([]))).toBe(
      'Not quite yet: choose 1 hidden layer, train at least 3 epochs and read Layer 1 in the table.',
    );
    expect(said(lesson10, 1, runs([0.068, 0.032]))).toBe(
      'Not quite yet: with 2, layer 1 still got more than 1/100. Choose 3 hidden layers, train at least 3 epochs and read Layer 1 in the table.',
    );
    expect(said(lesson10, 1, runs([0.068, 0.032, 0.0045]))).toBe('right');
  });

  it('step 3 asks for ReLU, four layers or more, then five epochs', () => {
    const flow = (change: Partial<GradientFlowState>): GradientFlowState => ({
      activation: 'relu',
      hiddenLayers: 5,
      epoch: 5,
      gradient: [],
      firstOverLast: 0.5,
      answer: null,
      tried: [],
      ...change,
    });
    expect(said(lesson10, 2, flow({ activation: 'sigmoid' }))).toMatch(/still sigmoid\. Switch the hidden activation to ReLU/);
    expect(said(lesson10, 2, flow({ hiddenLayers: 3 }))).toMatch(/choose four hidden layers or more/);
    expect(said(lesson10, 2, flow({ epoch: 2 }))).toBe(
      'Not quite yet: it has trained 2 of the 5 epochs; keep training, then read Layer 1.',
    );
    expect(said(lesson10, 2, flow({}))).toBe('right');
  });
});

describe('lesson 11: the experiment still to run', () => {
  const dead = deadNeurons;
  it('step 1 counts the epochs at learning rate 3, and asks for 3 at 0.03', () => {
    expect(said(lesson11, 0, dead({ epoch: 5, epochsAtRate: 5 }))).toBe(
      'Not quite yet: this run has trained 5 of the 10 epochs at learning rate 3; keep training.',
    );
    expect(said(lesson11, 0, dead({ learningRate: 0.03, deadCount: [0, 0] }))).toMatch(/the learning rate is 0\.03\. Choose 3/);
    expect(said(lesson11, 0, dead({}))).toBe('right');
  });

  it('step 2 walks through killing them at 3, then fifty epochs at 0.03', () => {
    expect(said(lesson11, 1, dead({ deadCount: [0, 0] }))).toMatch(
      /0 neurons are crossed out\. Train at learning rate 3 until several are/,
    );
    expect(said(lesson11, 1, dead({}))).toMatch(/9 neurons are crossed out, good\. Now choose 0\.03 and train 50 epochs/);
    expect(said(lesson11, 1, dead({ learningRate: 0.03, epochsAtRate: 20 }))).toMatch(/20 of the 50 epochs at 0\.03/);
    expect(said(lesson11, 1, dead({ learningRate: 0.03, epochsAtRate: 50 }))).toBe('right');
  });

  it('step 3 asks for the left of 0, then for Leaky ReLU', () => {
    expect(said(lesson11, 2, { activation: 'relu', x: 2, f: 2, df: 1 })).toMatch(/right of 0\. Move it left of 0/);
    expect(said(lesson11, 2, { activation: 'relu', x: -1, f: 0, df: 0 })).toMatch(/Now switch to Leaky ReLU/);
    expect(said(lesson11, 2, { activation: 'leakyRelu', x: -1, f: -0.01, df: 0.01 })).toBe('right');
  });
});

describe('lesson 12: further out, and the epochs still to train', () => {
  it('step 1 gives the slope at the cursor while it is not yet flat', () => {
    const t = Math.tanh(2);
    expect(said(lesson12, 0, { activation: 'tanh', x: 2, f: t, df: 1 - t * t })).toBe(
      'Not quite yet: at x = 2.00 the slope is 0.0707, not yet below 0.01. Move the cursor further out, away from 0.',
    );
    const far = Math.tanh(-4);
    expect(said(lesson12, 0, { activation: 'tanh', x: -4, f: far, df: 1 - far * far })).toBe('right');
  });

  it('step 2 asks for the large run, then the small one, then the answer', () => {
    const runs = (r: CompareState['runs'], answer: string | null = null): CompareState => ({
      initializer: 'large',
      loss: 'halfSquared',
      epoch: 0,
      testAccuracy: 0.5,
      runs: r,
      distinct: [8, 8],
      answer,
      config: (lesson12.steps[1].preset as { config: CompareState['config'] }).config,
      params: null,
    });
    const large = { epochs: 120, bestAccuracy: 0.7, reachedAt: null };
    const small = { epochs: 60, bestAccuracy: 1, reachedAt: 38 };
    expect(said(lesson12, 1, runs({ large: { ...large, epochs: 40 } }))).toBe(
      'Not quite yet: train the large start for at least 100 epochs (it has had 40).',
    );
    expect(said(lesson12, 1, runs({ large }))).toMatch(/now pick the small start/);
    expect(said(lesson12, 1, runs({ large, playground: small }))).toMatch(/Now answer the question under it/);
    expect(said(lesson12, 1, runs({ large, playground: small }, SATURATION_QUESTION.options[0]))).toBe('right');
  });

  it('step 3 counts the epochs towards the 50 asked for', () => {
    const compare = (epoch: number): CompareState => ({
      initializer: 'equal',
      loss: 'halfSquared',
      epoch,
      testAccuracy: 0.66,
      runs: {},
      distinct: [1, 1],
      answer: null,
      config: (lesson12.steps[2].preset as { config: CompareState['config'] }).config,
      params: null,
    });
    expect(said(lesson12, 2, compare(20))).toBe(
      'Not quite yet: it has trained 20 of the 50 epochs; keep training and watch the four maps.',
    );
    expect(said(lesson12, 2, compare(50))).toBe('right');
  });
});

describe('lesson 16: how far class 2 is from 90 %', () => {
  it('step 1 gives class 2’s share and which way to move the lead', () => {
    expect(said(lesson16, 0, { scores: [-3, 0, -3] })).toBe(
      'Not quite yet: class 2 is at 90.9 %. Narrow its lead over the other two scores until it is 90 %.',
    );
    expect(said(lesson16, 0, { scores: [0, 0, 0] })).toMatch(/class 2 is at 33\.3 %\. Widen its lead/);
    expect(said(lesson16, 0, { scores: [-2.9, 0, -2.9] })).toBe('right');
  });
});

describe('lesson 13: which way the push grows, which output can say 3', () => {
  const sigmoidAt = (z: number): OutputLossState => {
    const y = 1 / (1 + Math.exp(-z));
    return {
      output: 'sigmoid',
      loss: 'halfSquared',
      target: 1,
      z,
      y,
      lossValue: 0.5 * (y - 1) ** 2,
      push: (y - 1) * y * (1 - y),
      answer: null,
    };
  };
  it('step 1 gives the size of the push and the way to the strongest', () => {
    expect(said(lesson13, 0, sigmoidAt(-3))).toMatch(/^Not quite yet: at z = −3\.0 the push has size 0\.0430\. Move z right/);
    expect(said(lesson13, 0, sigmoidAt(1))).toMatch(/Move z left/);
    expect(said(lesson13, 0, sigmoidAt(-0.7))).toBe('right');
  });

  it('step 2 says how to measure a ratio that is off', () => {
    expect(said(lesson13, 1, { ...sigmoidAt(-5), answer: 10 })).toMatch(/^Not quite yet: set z to −5, .* divide the cross-entropy push/);
    expect(said(lesson13, 1, { ...sigmoidAt(-5), answer: 150 })).toBe('right');
  });

  it('step 3 asks for the squared-error run, then cross-entropy, then the answer', () => {
    const runs = (r: CompareState['runs'], answer: string | null = null): CompareState => ({
      initializer: 'large',
      loss: 'halfSquared',
      epoch: 0,
      testAccuracy: 0,
      runs: r,
      distinct: [],
      answer,
      config: (lesson13.steps[2].preset as { config: CompareState['config'] }).config,
      params: null,
    });
    const squared = { epochs: 150, bestAccuracy: 0.4, reachedAt: null };
    const cross = { epochs: 80, bestAccuracy: 1, reachedAt: 59 };
    expect(said(lesson13, 2, runs({}))).toBe('Not quite yet: train with squared error for at least 100 epochs (it has had 0).');
    expect(said(lesson13, 2, runs({ halfSquared: squared }))).toMatch(/now pick cross-entropy/);
    expect(said(lesson13, 2, runs({ halfSquared: squared, binaryCrossEntropy: cross }))).toMatch(/Now answer the question under it/);
    expect(said(lesson13, 2, runs({ halfSquared: squared, binaryCrossEntropy: cross }, TRAINING_QUESTION.options[0]))).toBe('right');
  });

  it('step 4 asks for the linear output, then for the z that says 3', () => {
    const at = (output: OutputLossState['output'], z: number): OutputLossState => {
      const y = output === 'tanh' ? Math.tanh(z) : z;
      return { output, loss: 'halfSquared', target: 3, z, y, lossValue: 0.5 * (y - 3) ** 2, push: 0, answer: null };
    };
    expect(said(lesson13, 3, at('tanh', 8))).toMatch(/can never say 3\. Pick the linear output/);
    expect(said(lesson13, 3, at('identity', 8))).toBe(
      'Not quite yet: the output is 8.0, so the loss is 12.50. Move z until the output is 3.',
    );
    expect(said(lesson13, 3, at('identity', 3))).toBe('right');
  });
});

describe('lesson 17: the line, the bend and the epochs still to come', () => {
  const drawn = (change: Partial<DrawnTrainerState>): DrawnTrainerState => ({
    knots: IDENTITY_KNOTS.map((k) => ({ x: k.x, y: k.y + 0.5 })),
    straight: true,
    bends: 0,
    flatShare: 0,
    epoch: 150,
    testAccuracy: 0.66,
    answer: null,
    config: (lesson17.steps[0].preset as { config: DrawnTrainerState['config'] }).config,
    params: null,
    ...change,
  });
  it('step 1 asks for a line of the learner’s own, then for 100 epochs', () => {
    expect(said(lesson17, 0, drawn({ knots: IDENTITY_KNOTS }))).toMatch(/still the y = x the step started from/);
    expect(said(lesson17, 0, drawn({ epoch: 40 }))).toBe('Not quite yet: it has trained 40 of the 100 epochs; keep training.');
    expect(said(lesson17, 0, drawn({}))).toBe('right');
  });

  it('step 3 gives the accuracy still to reach', () => {
    expect(said(lesson17, 2, drawn({ straight: false, bends: 4, testAccuracy: 0.72 }))).toMatch(
      /test accuracy is 72\.0 %; train until it reaches 90 %/,
    );
    expect(said(lesson17, 2, drawn({ straight: false, bends: 4, testAccuracy: 0.95 }))).toBe('right');
  });

  it('step 4 asks for fewer bends when two already learn', () => {
    expect(said(lesson17, 3, drawn({ straight: false, bends: 2, testAccuracy: 1 }))).toBe(
      'It learns with 2 bends. Can you do it with fewer? Start from the straight line again and make just one.',
    );
    expect(said(lesson17, 3, drawn({}))).toMatch(/no bend/);
    expect(said(lesson17, 3, drawn({ straight: false, bends: 1, testAccuracy: 1 }))).toBe('right');
  });
});
