/** The challenge's rules: which changes a limit refuses, when the goal is met, and what a solution records. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type LabConfig } from '../../../core/config';
import {
  brokenLimits,
  builderRules,
  changeRefusal,
  goalText,
  hiddenNeurons,
  limitChecks,
  limitLines,
  networkText,
  meetsGoal,
  solutionIn,
  valueText,
} from '../../../core/challenge';
import type { Challenge } from '../../../core/project';
import type { HistoryPoint } from '../../../core/protocol';

/** The default network: two tanh layers of 4 and 2 (6 hidden neurons), inputs x1 and x2, the circle. */
const base = (): LabConfig => defaultConfig();

function challenge(
  limits: Partial<Challenge['limits']> = {},
  goal: Challenge['goal'] = { metric: 'testAccuracy', target: 0.95 },
): Challenge {
  return { note: '', goal, limits: { lockData: false, lockFeatures: false, ...limits }, solved: null };
}

function edited(change: (config: LabConfig) => void): LabConfig {
  const config = base();
  change(config);
  return config;
}

const point = (epoch: number, testAccuracy: number | null, testLoss: number): HistoryPoint => ({
  epoch,
  trainLoss: testLoss,
  testLoss,
  trainAccuracy: testAccuracy,
  testAccuracy,
});

describe('changeRefusal', () => {
  it('allows any change when there is no challenge', () => {
    expect(
      changeRefusal(
        null,
        base(),
        edited((c) => c.network.hidden.push({ size: 16, activation: 'sin' })),
      ),
    ).toBeNull();
  });

  it('refuses a layer past the most, and allows one within it', () => {
    const rule = challenge({ maxLayers: 2 });
    const three = edited((c) => c.network.hidden.push({ size: 1, activation: 'tanh' }));
    expect(changeRefusal(rule, base(), three)).toBe('This challenge allows at most 2 hidden layers.');
    expect(changeRefusal(challenge({ maxLayers: 3 }), base(), three)).toBeNull();
    expect(changeRefusal(challenge({ maxLayers: 1 }), three, base())).toBe(null);
  });

  it('refuses neurons past the most in all layers together, and allows removing them', () => {
    const rule = challenge({ maxNeurons: 6 });
    const seven = edited((c) => (c.network.hidden[0].size = 5));
    expect(hiddenNeurons(seven)).toBe(7);
    expect(changeRefusal(rule, base(), seven)).toBe('This challenge allows at most 6 neurons in all hidden layers together.');
    expect(changeRefusal(rule, seven, base())).toBeNull();
    expect(
      changeRefusal(
        challenge({ maxNeurons: 1 }),
        base(),
        edited((c) => (c.network.hidden[0].size = 1)),
      ),
    ).toBeNull();
  });

  it('refuses switching a layer to an activation not allowed, and allows the allowed ones', () => {
    const rule = challenge({ activations: ['relu', 'tanh'] });
    expect(
      changeRefusal(
        rule,
        base(),
        edited((c) => (c.network.hidden[1].activation = 'sigmoid')),
      ),
    ).toBe('This challenge allows only these activations: ReLU and Tanh.');
    expect(
      changeRefusal(
        rule,
        base(),
        edited((c) => (c.network.hidden[1].activation = 'relu')),
      ),
    ).toBeNull();
    expect(
      changeRefusal(
        challenge({ activations: ['relu'] }),
        base(),
        edited((c) => c.network.hidden.push({ size: 2, activation: 'sin' })),
      ),
    ).toBe('This challenge allows only the ReLU activation.');
  });

  it('never locks a network that already breaks a limit: changes that do not make it worse are allowed', () => {
    // Both layers are tanh, which the rule does not allow; the network has 6 neurons, 2 too many, and 2 layers, 1 too many.
    const rule = challenge({ activations: ['relu'], maxNeurons: 4, maxLayers: 1 });
    expect(brokenLimits(rule.limits, base())).toHaveLength(4);
    const lessWrong = edited((c) => {
      c.network.hidden[0].activation = 'relu';
      c.network.hidden[0].size = 3;
    });
    expect(changeRefusal(rule, base(), lessWrong)).toBeNull();
    expect(
      changeRefusal(
        rule,
        base(),
        edited((c) => c.network.hidden.pop()),
      ),
    ).toBeNull();
    // A learning-rate change touches no limit at all.
    expect(
      changeRefusal(
        rule,
        base(),
        edited((c) => (c.training.learningRate = 0.1)),
      ),
    ).toBeNull();
    // Adding to what is already over the limit is still refused.
    expect(
      changeRefusal(
        rule,
        base(),
        edited((c) => (c.network.hidden[1].size = 3)),
      ),
    ).toMatch(/at most 4 neurons/);
  });

  it('refuses any change to locked data (set, noise, share, points, seed) and locked inputs', () => {
    const rule = challenge({ lockData: true, lockFeatures: true });
    for (const change of [
      (c: LabConfig) => (c.data.dataset = 'spiral'),
      (c: LabConfig) => (c.data.noise = 20),
      (c: LabConfig) => (c.data.trainRatio = 0.7),
      (c: LabConfig) => c.data.points.push({ x1: 1, x2: 1, label: 0 }),
      (c: LabConfig) => (c.seed = 2),
    ]) {
      expect(changeRefusal(rule, base(), edited(change))).toBe(
        'This challenge keeps the data as the teacher set it: data set, noise, training share and points.',
      );
    }
    expect(
      changeRefusal(
        rule,
        base(),
        edited((c) => (c.features = ['x1'])),
      ),
    ).toBe('This challenge keeps the inputs the teacher chose.');
    expect(
      changeRefusal(
        rule,
        base(),
        edited((c) => (c.features = ['x2', 'x1'])),
      ),
    ).toBeNull();
    expect(
      changeRefusal(
        challenge({ lockData: false }),
        base(),
        edited((c) => (c.data.noise = 20)),
      ),
    ).toBeNull();
  });
});

describe('the goal', () => {
  it('is met by an accuracy at or above the target, not below it', () => {
    const goal = { metric: 'testAccuracy' as const, target: 0.95 };
    expect(meetsGoal(goal, point(1, 0.95, 0.3))).toBe(true);
    expect(meetsGoal(goal, point(1, 0.99, 0.3))).toBe(true);
    expect(meetsGoal(goal, point(1, 0.9499, 0.01))).toBe(false);
    expect(meetsGoal(goal, point(1, null, 0.01))).toBe(false);
  });

  it('is met by a loss at or below the target, not above it or when the loss is not a number', () => {
    const goal = { metric: 'testLoss' as const, target: 0.02 };
    expect(meetsGoal(goal, point(1, null, 0.02))).toBe(true);
    expect(meetsGoal(goal, point(1, null, 0.0001))).toBe(true);
    expect(meetsGoal(goal, point(1, 1, 0.021))).toBe(false);
    expect(meetsGoal(goal, point(1, null, Number.NaN))).toBe(false);
  });

  it('is said in plain words', () => {
    expect(goalText({ metric: 'testAccuracy', target: 0.95 })).toBe('Reach a test accuracy of at least 95 %.');
    expect(goalText({ metric: 'testAccuracy', target: 0.575 })).toBe('Reach a test accuracy of at least 57.5 %.');
    expect(goalText({ metric: 'testLoss', target: 0.01 })).toBe('Bring the test loss down to 0.01 or less.');
    expect(valueText({ metric: 'testLoss', target: 1 }, 0.000123)).toBe('1.23e-4');
    expect(limitLines({ maxLayers: 1, maxNeurons: 8, activations: ['relu'], lockData: true, lockFeatures: true })).toEqual([
      'At most 1 hidden layer',
      'At most 8 hidden neurons in all',
      'Activations: ReLU only',
      'The data stays as it is',
      'The inputs stay as they are',
    ]);
  });
});

describe('solutionIn', () => {
  const now = new Date(Date.UTC(2026, 11, 2, 5, 0, 0));

  it('records the first point that meets the goal, with the network that met it', () => {
    const rule = challenge({ maxNeurons: 6, activations: ['tanh'] });
    const points = [point(10, 0.9, 0.3), point(11, 0.96, 0.2), point(12, 0.97, 0.1)];
    expect(solutionIn(rule, base(), points, now)).toEqual({
      epoch: 11,
      value: 0.96,
      hidden: [
        { size: 4, activation: 'tanh' },
        { size: 2, activation: 'tanh' },
      ],
      features: ['x1', 'x2'],
      solvedAt: '2026-12-02T05:00:00.000Z',
    });
  });

  it('records nothing while no point meets the goal', () => {
    expect(solutionIn(challenge(), base(), [point(3, 0.5, 0.4), point(4, 0.94, 0.2)], now)).toBeNull();
    expect(solutionIn(challenge(), base(), [], now)).toBeNull();
  });

  it('does not count the goal while the network breaks a limit', () => {
    const rule = challenge({ maxNeurons: 5 });
    expect(solutionIn(rule, base(), [point(40, 0.99, 0.01)], now)).toBeNull();
    const smaller = edited((c) => (c.network.hidden[0].size = 3));
    expect(solutionIn(rule, smaller, [point(40, 0.99, 0.01)], now)?.epoch).toBe(40);
  });

  it('keeps the first solution: a solved challenge records nothing new', () => {
    const rule = challenge();
    rule.solved = solutionIn(rule, base(), [point(5, 0.96, 0.1)], now);
    expect(rule.solved?.epoch).toBe(5);
    expect(solutionIn(rule, base(), [point(9, 1, 0)], now)).toBeNull();
  });
});

describe('builderRules', () => {
  it('disables nothing without a challenge or without limits', () => {
    for (const rule of [null, challenge()]) {
      const rules = builderRules(rule, base());
      expect([rules.addLayer, rules.addNeuron, rules.features, rules.data, rules.activation('tanh', 'sin')]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(rules.newLayer()).toEqual({ size: 2, activation: 'tanh' });
    }
  });

  it('disables Add layer and + at the limits, with the sentence the refusal gives', () => {
    const full = builderRules(challenge({ maxLayers: 2, maxNeurons: 6 }), base());
    expect(full.addLayer).toBe('This challenge allows at most 2 hidden layers.');
    expect(full.addNeuron).toBe('This challenge allows at most 6 neurons in all hidden layers together.');
    const noRoom = builderRules(challenge({ maxNeurons: 6 }), base());
    expect(noRoom.addLayer).toBe(noRoom.addNeuron);
    const room = builderRules(challenge({ maxLayers: 3, maxNeurons: 7 }), base());
    expect([room.addLayer, room.addNeuron]).toEqual([null, null]);
  });

  it('adds a layer that fits: no more neurons than are left, an allowed activation', () => {
    const rule = challenge({ maxNeurons: 7, activations: ['relu', 'sin'] });
    const layer = builderRules(rule, base()).newLayer();
    expect(layer).toEqual({ size: 1, activation: 'relu' });
    const after = edited((c) => c.network.hidden.push(layer));
    expect(changeRefusal(rule, base(), after)).toBeNull();
    expect(
      builderRules(
        challenge(),
        edited((c) => (c.network.hidden = [])),
      ),
    ).toMatchObject({ addLayer: null });
    expect(
      builderRules(
        challenge(),
        edited((c) => (c.network.hidden = [])),
      ).newLayer(),
    ).toEqual({ size: 4, activation: 'tanh' });
  });

  it('disables only the activations the challenge does not allow, never the one a layer has', () => {
    const rules = builderRules(challenge({ activations: ['relu'] }), base());
    expect(rules.activation('tanh', 'relu')).toBeNull();
    expect(rules.activation('tanh', 'tanh')).toBeNull();
    expect(rules.activation('tanh', 'sigmoid')).toBe('This challenge allows only the ReLU activation.');
    expect(rules.activations).toBe('This challenge allows only the ReLU activation.');
    expect([rules.allows('relu'), rules.allows('drawn')]).toEqual([true, false]);
    expect(builderRules(challenge(), base()).activations).toBeNull();
  });

  it('locks the inputs and the data when the challenge does', () => {
    const rules = builderRules(challenge({ lockData: true, lockFeatures: true }), base());
    expect(rules.features).toBe('This challenge keeps the inputs the teacher chose.');
    expect(rules.data).toBe('This challenge keeps the data as the teacher set it: data set, noise, training share and points.');
  });
});

describe('limitChecks and networkText', () => {
  it('puts the network beside each limit and says which it breaks', () => {
    const limits = { maxLayers: 1, maxNeurons: 8, activations: ['tanh' as const, 'relu' as const], lockData: true, lockFeatures: false };
    expect(limitChecks(limits, base())).toEqual([
      { text: 'At most 1 hidden layer', now: 'now 2', kept: false },
      { text: 'At most 8 hidden neurons in all', now: 'now 6', kept: true },
      { text: 'Activations: Tanh and ReLU only', now: 'using Tanh', kept: true },
      { text: 'The data stays as it is', now: null, kept: true },
    ]);
    expect(limitChecks({ activations: ['relu'], lockData: false, lockFeatures: false }, base())[0]).toEqual({
      text: 'Activations: ReLU only',
      now: 'using Tanh',
      kept: false,
    });
  });

  it('describes a network in a line', () => {
    expect(networkText(base().network.hidden)).toBe('2 hidden layers: 4 Tanh, 2 Tanh');
    expect(networkText([{ size: 1, activation: 'relu' }])).toBe('1 hidden layer: 1 ReLU');
    expect(networkText([])).toBe('no hidden layer');
  });
});
