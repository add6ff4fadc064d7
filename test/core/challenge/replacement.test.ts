/**
 * A whole network from elsewhere (a lesson's hand-off, the network a data set brings) meeting
 * an open challenge: every limit it would break, said with its numbers (`refusedLimits`,
 * `replacementText`), the same verdict as `changeRefusal`; and the builder's limits on
 * resizing a layer (`builderRules`: `resize`, `room`, and the sentences its notes show).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, defaultConfig, type LabConfig } from '../../../core/config';
import { builderRules, changeRefusal, refusedLimits, replacementText } from '../../../core/challenge';
import type { Challenge } from '../../../core/project';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';

function challenge(limits: Partial<Challenge['limits']> = {}): Challenge {
  return {
    note: '',
    goal: { metric: 'testAccuracy', target: 0.9 },
    limits: { lockData: false, lockFeatures: false, ...limits },
    solved: null,
  };
}

/** The Lab's first network: the circle, two tanh layers of 4 and 2. */
const lab = (): LabConfig => defaultConfig();

/** A lesson's network: three sigmoid layers of 4 (12 neurons) on the spiral, reading x1 alone. */
function lesson(): LabConfig {
  const config = defaultConfig();
  config.data.dataset = 'spiral';
  config.features = ['x1'];
  config.network.hidden = [4, 4, 4].map((size) => ({ size, activation: 'sigmoid' as const }));
  return config;
}

const said = (rule: Challenge, before: LabConfig, after: LabConfig) =>
  refusedLimits(rule, before, after).map((limit) => replacementText('The lesson’s network', limit));

describe('a network that would replace the Lab’s under a challenge', () => {
  it('names every limit it breaks, with its numbers beside the limit', () => {
    const rule = challenge({ maxLayers: 2, maxNeurons: 6, activations: ['relu', 'tanh'], lockData: true, lockFeatures: true });
    expect(said(rule, lab(), lesson())).toEqual([
      'The lesson’s network comes with other data; this challenge keeps the data as the teacher set it.',
      'The lesson’s network reads other inputs; this challenge keeps the inputs the teacher chose.',
      'The lesson’s network has 3 hidden layers; this challenge allows at most 2.',
      'The lesson’s network has 12 hidden neurons; this challenge allows at most 6 in all.',
      'The lesson’s network uses Sigmoid; this challenge allows only ReLU and Tanh.',
    ]);
  });

  it('says each activation it uses once, and only those the challenge does not allow', () => {
    const mixed = lesson();
    mixed.network.hidden = [
      { size: 2, activation: 'sin' },
      { size: 2, activation: 'relu' },
      { size: 2, activation: 'sin' },
      { size: 2, activation: 'elu' },
    ];
    expect(said(challenge({ activations: ['relu'] }), lab(), mixed)).toEqual([
      'The lesson’s network uses Sine and ELU; this challenge allows only ReLU.',
    ]);
  });

  it('finds nothing when it keeps the limits, or when no challenge is open', () => {
    const small = lab();
    small.network.hidden = [{ size: 3, activation: 'relu' }];
    expect(refusedLimits(challenge({ maxLayers: 2, maxNeurons: 6, activations: ['relu', 'tanh'] }), lab(), small)).toEqual([]);
    expect(refusedLimits(null, lab(), lesson())).toEqual([]);
  });

  it('says of one layer and one neuron in the singular', () => {
    const two = lab();
    two.network.hidden = [
      { size: 1, activation: 'tanh' },
      { size: 1, activation: 'tanh' },
    ];
    const one = lab();
    one.network.hidden = [{ size: 1, activation: 'tanh' }];
    expect(said(challenge({ maxLayers: 1 }), one, two)).toEqual([
      'The lesson’s network has 2 hidden layers; this challenge allows at most 1.',
    ]);
    const none = lab();
    none.network.hidden = [];
    expect(refusedLimits(challenge({ maxNeurons: 0 }), none, one).map((l) => replacementText('It', l))).toEqual([
      'It has 1 hidden neuron; this challenge allows at most 0 in all.',
    ]);
  });

  it('agrees with changeRefusal on every change: refused exactly when a limit is found, and the first one named', () => {
    const rules = [
      challenge({ maxLayers: 2 }),
      challenge({ maxNeurons: 6 }),
      challenge({ maxNeurons: 10, activations: ['tanh'] }),
      challenge({ lockData: true }),
      challenge({ lockFeatures: true, maxLayers: 1 }),
    ];
    const networks = [lab(), lesson(), irisConfig(), digitsConfig(), irisConfig([{ size: 2, activation: 'tanh' }])];
    for (const rule of rules) {
      for (const before of networks) {
        for (const after of networks) {
          const found = refusedLimits(rule, before, after);
          expect(changeRefusal(rule, before, after) !== null).toBe(found.length > 0);
        }
      }
    }
    // The digits' starting network (64 ReLU) from the Lab's first under a six-neuron limit: the neuron limit.
    expect(changeRefusal(challenge({ maxNeurons: 6 }), lab(), digitsConfig())).toBe(
      'This challenge allows at most 6 neurons in all hidden layers together.',
    );
  });
});

describe('builderRules for resizing a layer', () => {
  it('allows growing a layer by at most the neurons left, and shrinking always', () => {
    const rules = builderRules(challenge({ maxNeurons: 10 }), irisConfig());
    expect(rules.room).toBe(2);
    expect(rules.resize(8, 10)).toBeNull();
    expect(rules.resize(8, 16)).toBe('This challenge allows at most 10 neurons in all hidden layers together.');
    expect(rules.resize(8, 2)).toBeNull();
    expect(rules.resize(8, 8)).toBeNull();
  });

  it('lets a network already over the limit shrink but not grow', () => {
    const rules = builderRules(challenge({ maxNeurons: 4 }), irisConfig());
    expect(rules.room).toBe(-4);
    expect(rules.resize(8, 4)).toBeNull();
    expect(rules.resize(8, 16)).not.toBeNull();
  });

  it('has no limit without a challenge, or without a neuron limit', () => {
    for (const rules of [builderRules(null, irisConfig()), builderRules(challenge({ maxLayers: 1 }), irisConfig())]) {
      expect(rules.room).toBe(Number.POSITIVE_INFINITY);
      expect(rules.resize(8, 32)).toBeNull();
      expect(rules.neurons).toBeNull();
    }
  });

  it('gives the sentence for each limit the challenge sets, for the notes beside the builder', () => {
    const rules = builderRules(challenge({ maxLayers: 1, maxNeurons: 8, activations: ['tanh'] }), irisConfig());
    expect(rules.layers).toBe('This challenge allows at most 1 hidden layer.');
    expect(rules.neurons).toBe('This challenge allows at most 8 neurons in all hidden layers together.');
    expect(rules.activations).toBe('This challenge allows only the Tanh activation.');
    expect(ACTIVATION_NAMES.filter((name) => rules.allows(name))).toEqual(['tanh']);
    expect(rules.addLayer).toBe(rules.layers);
  });
});
