/** The "Make a challenge" dialog's fields: where they start, the challenge they make, and the sentence for each mistake. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type LabConfig } from '../../../core/config';
import { challengeFrom, formFor } from '../../../renderer/lab/challenge/form';

const circle = (): LabConfig => defaultConfig();
function sine(): LabConfig {
  const config = defaultConfig();
  config.data.dataset = 'sine';
  config.network.outputActivation = 'identity';
  return config;
}

describe('challenge form', () => {
  it('starts from the network in the Lab: its layers, neurons and activations', () => {
    const form = formFor(circle(), null, 'circle challenge');
    expect(form).toMatchObject({
      name: 'circle challenge',
      metric: 'testAccuracy',
      accuracyPercent: 95,
      useMaxLayers: true,
      maxLayers: 2,
      useMaxNeurons: true,
      maxNeurons: 6,
      useActivations: false,
      activations: ['tanh'],
      lockData: true,
      lockFeatures: false,
      freshStart: true,
    });
    expect(formFor(sine(), null, 'x')).toMatchObject({ metric: 'testLoss', loss: 0.01 });
  });

  it('makes the challenge the fields describe, leaving out the limits not ticked', () => {
    const form = {
      ...formFor(circle(), null, 'c'),
      accuracyPercent: 92.5,
      useMaxLayers: false,
      useActivations: true,
      activations: ['tanh', 'relu'],
    };
    const made = challengeFrom(form as ReturnType<typeof formFor>, circle());
    expect(made).toEqual({
      ok: true,
      challenge: {
        note: '',
        goal: { metric: 'testAccuracy', target: 0.925 },
        limits: { maxNeurons: 6, activations: ['relu', 'tanh'], lockData: true, lockFeatures: false },
        solved: null,
      },
    });
  });

  it('starts from the open challenge when there is one', () => {
    const made = challengeFrom({ ...formFor(circle(), null, 'c'), note: '  Try it  ' }, circle());
    if (!made.ok) throw new Error(made.message);
    expect(made.challenge.note).toBe('Try it');
    const again = formFor(circle(), made.challenge, 'c');
    expect(challengeFrom(again, circle())).toEqual(made);
  });

  it('says what to fix', () => {
    const base = formFor(circle(), null, 'c');
    const cases: [Partial<typeof base>, LabConfig, string][] = [
      [{ name: '  ' }, circle(), 'Give the challenge a name: it becomes the file name.'],
      [{ accuracyPercent: 0 }, circle(), 'The accuracy to reach must be a percentage above 0 and at most 100.'],
      [{ accuracyPercent: 101 }, circle(), 'The accuracy to reach must be a percentage above 0 and at most 100.'],
      [{ metric: 'testLoss', loss: 0 }, circle(), 'The loss to get down to must be a number above 0, such as 0.05.'],
      [{ maxLayers: 9 }, circle(), 'The most hidden layers must be a whole number from 0 to 8.'],
      [{ maxNeurons: 1.5 }, circle(), 'The most hidden neurons must be a whole number from 1 to 2048.'],
      [{ useActivations: true, activations: [] }, circle(), 'Tick at least one activation the learner may use.'],
      [{ metric: 'testAccuracy' }, sine(), 'This data has no classes, so it has no accuracy: set a goal for the test loss instead.'],
    ];
    for (const [change, config, message] of cases) expect(challengeFrom({ ...base, ...change }, config)).toEqual({ ok: false, message });
    // A limit not ticked is not checked.
    expect(challengeFrom({ ...base, useMaxLayers: false, maxLayers: 99 }, circle()).ok).toBe(true);
  });
});
