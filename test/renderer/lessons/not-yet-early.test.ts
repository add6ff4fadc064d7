/**
 * Lessons 1, 3, 4, 5 and 19: a wrong answer says what is wrong and what to change, instead of
 * the bare "Not quite yet" (a learner walking the course tried the wrong function, the wrong
 * place and the wrong picture, and got the same sentence each time). Every message still starts
 * with "Not quite yet", and a passing state has nothing to add.
 */
import { describe, expect, it } from 'vitest';
import { lesson as lesson1 } from '../../../renderer/lessons/01-what-a-network-does/lesson';
import { lesson as lesson3 } from '../../../renderer/lessons/03-relu/lesson';
import { lesson as lesson4 } from '../../../renderer/lessons/04-sigmoid/lesson';
import { lesson as lesson5 } from '../../../renderer/lessons/05-tanh-and-friends/lesson';
import { lesson as lesson19 } from '../../../renderer/lessons/19-what-you-can-explain/lesson';
import { type CurveState, type InputCountState, type ProbeState, type TrainerPreset } from '../../../renderer/lessons/types';
import { said, trainerState } from './helpers';

const picture = (change: Partial<InputCountState>): InputCountState => ({ width: 100, height: 100, channels: 3, answer: null, ...change });
const probe = (change: Partial<ProbeState>): ProbeState => ({ activation: 'relu', w: 1, b: 0, x: 0, answer: null, ...change });

describe('lesson 1: what a wrong picture still lacks', () => {
  it('step 1 asks for one channel, then for bigger or smaller, and passes the grey twin', () => {
    expect(said(lesson1, 0, picture({}))).toMatch(/^Not quite yet: .*Colour channels to 1/);
    expect(said(lesson1, 0, picture({ channels: 1 }))).toMatch(/feeds 10,000 numbers.*fed 30,000\. Make it bigger\./);
    expect(said(lesson1, 0, picture({ channels: 1, width: 400 }))).toMatch(/feeds 40,000.*Make it smaller\./);
    expect(said(lesson1, 0, picture({ channels: 1, width: 300 }))).toBe('right');
  });

  it('step 2 names the size or the channel that is off', () => {
    expect(said(lesson1, 1, picture({}))).toMatch(/^Not quite yet: the picture is 100 × 100 pixels; the digits are 28 × 28\./);
    expect(said(lesson1, 1, picture({ width: 28, height: 28 }))).toMatch(/one colour channel/);
    expect(said(lesson1, 1, picture({ width: 28, height: 28, channels: 1 }))).toBe('right');
  });
});

describe('lesson 3: where the probe is and where the neuron fires', () => {
  it('step 1 says where the probe is, with a real minus sign', () => {
    expect(said(lesson3, 0, probe({ x: -2 }))).toBe('Not quite yet: the probe is at −2.0. Move it to −3, where the question asks.');
    expect(said(lesson3, 0, probe({ x: -3 }))).toBe('right');
  });

  it('step 2 says where the neuron starts firing now, and catches a weight that is not positive', () => {
    expect(said(lesson3, 1, probe({ b: -1 }))).toMatch(/starts firing above x = 1\.0\. Move that point to 2\./);
    expect(said(lesson3, 1, probe({ w: -1, b: 2 }))).toMatch(/negative weight .* Make the weight positive/);
    expect(said(lesson3, 1, probe({ w: 0, b: 2 }))).toMatch(/weight 0/);
    expect(said(lesson3, 1, probe({ w: 2, b: -4 }))).toBe('right');
  });

  it('step 3 says what is left: the neurons shown, training, or a lower loss', () => {
    const step = lesson3.steps[2];
    if (step.widget !== 'curve') throw new Error('step 3 is not a curve step');
    const curve = (change: Partial<CurveState>): CurveState => ({
      dataset: 'absolute',
      activation: 'relu',
      width: 4,
      showEachNeuron: true,
      epoch: 0,
      trainLoss: 0.17,
      testLoss: 0.12,
      ownPoints: 0,
      config: step.preset.config,
      params: null,
      ...change,
    });
    expect(said(lesson3, 2, curve({}))).toMatch(/press Train/);
    expect(said(lesson3, 2, curve({ showEachNeuron: false, epoch: 40, trainLoss: 0.001 }))).toMatch(/tick Show each neuron/);
    expect(said(lesson3, 2, curve({ epoch: 10, trainLoss: 0.0321 }))).toMatch(/training loss is 0\.032\. Keep training/);
    expect(said(lesson3, 2, curve({ epoch: 40, trainLoss: 0.005 }))).toBe('right');
  });
});

describe('lesson 4: where the probe is and how steep the curve is there', () => {
  it('steps 1 and 2 say where the probe is and where the question asks', () => {
    expect(said(lesson4, 0, probe({ activation: 'sigmoid', x: 0.5 }))).toBe(
      'Not quite yet: the probe is at 0.5. Move it to 0.0, where the question asks.',
    );
    expect(said(lesson4, 1, probe({ activation: 'sigmoid', x: 2 }))).toBe(
      'Not quite yet: the probe is at 2.0. Move it to −2.0, where the question asks.',
    );
    expect(said(lesson4, 1, probe({ activation: 'sigmoid', x: -2 }))).toBe('right');
  });

  it('step 3 gives the slope at the probe', () => {
    expect(said(lesson4, 2, probe({ activation: 'sigmoid', x: 3 }))).toMatch(/slope here is 0\.045\. Move the probe further out/);
    expect(said(lesson4, 2, probe({ activation: 'sigmoid', x: 6 }))).toBe('right');
  });
});

describe('lesson 5: the function picked and what it gives', () => {
  it('step 1 asks for Tanh first, then for further left', () => {
    expect(said(lesson5, 0, probe({ x: -5 }))).toBe('Not quite yet: the menu shows ReLU. Pick Tanh first.');
    expect(said(lesson5, 0, probe({ activation: 'tanh', x: -1 }))).toMatch(
      /tanh gives −0\.762 here, not below −0\.9\. Move the probe further left\./,
    );
    expect(said(lesson5, 0, probe({ activation: 'tanh', x: -2 }))).toBe('right');
  });

  it('step 2 asks for Leaky ReLU, then for the left side', () => {
    expect(said(lesson5, 1, probe({ activation: 'elu', x: -2 }))).toBe('Not quite yet: the menu shows ELU. Pick Leaky ReLU first.');
    expect(said(lesson5, 1, probe({ activation: 'leakyRelu', x: 2 }))).toMatch(/right of 0\. Move it to a negative x/);
    expect(said(lesson5, 1, probe({ activation: 'leakyRelu', x: -2 }))).toBe('right');
  });

  it('step 3 asks for the Sine, not the zero at x = 0, and gives the value elsewhere', () => {
    expect(said(lesson5, 2, probe({ x: 3.1 }))).toBe('Not quite yet: the menu shows ReLU. Pick Sine first.');
    expect(said(lesson5, 2, probe({ activation: 'sin', x: 0 }))).toMatch(/the 0 at x = 0 the question starts from/);
    expect(said(lesson5, 2, probe({ activation: 'sin', x: 2 }))).toMatch(/the sine gives 0\.909 here/);
    expect(said(lesson5, 2, probe({ activation: 'sin', x: 3.1 }))).toBe('right');
  });
});

describe('lesson 19 step 1: what is left once the linear network has failed', () => {
  const step = lesson19.steps[0];
  const preset = (step.widget === 'trainer' ? step.preset : null) as TrainerPreset;
  const withActivation = (activation: 'identity' | 'relu') => {
    const config = JSON.parse(JSON.stringify(preset.config)) as TrainerPreset['config'];
    config.network.hidden = config.network.hidden.map((layer) => ({ ...layer, activation }));
    return config;
  };

  it('asks for a bend while every layer is linear, then for training, then for more', () => {
    expect(said(lesson19, 0, trainerState(preset, { epoch: 300, testAccuracy: 0.4, collapsed: true }))).toMatch(
      /still linear.*ReLU or tanh/,
    );
    expect(said(lesson19, 0, trainerState(preset, { config: withActivation('relu'), epoch: 0, testAccuracy: null }))).toMatch(
      /Press Train/,
    );
    expect(said(lesson19, 0, trainerState(preset, { config: withActivation('relu'), epoch: 50, testAccuracy: 0.8 }))).toMatch(
      /80\.0 %\. Keep training/,
    );
    expect(said(lesson19, 0, trainerState(preset, { config: withActivation('relu'), epoch: 300, testAccuracy: 0.95 }))).toBe('right');
  });
});
