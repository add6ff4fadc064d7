/**
 * A configuration whose training or test set would be empty is refused with a sentence that
 * says what to change (issue 13, item 7): two points of your own at a 10 % training share
 * used to "train" with loss 0, and a set with no test points reported a test loss of 0.
 */
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../core/config';
import { checkConfig, generateData } from '../../../core/engine';
import { createSession } from '../../../core/session';
import { irisConfig } from '../../../core/tabular/presets';
import { configWith, XOR_POINTS } from './helpers';

const two = XOR_POINTS.slice(0, 2);

describe('empty training or test sets', () => {
  it('refuses two own points with a 10 % training share: nothing to train on', () => {
    const config = configWith({ dataset: 'custom', points: two, trainRatio: 0.1 });
    expect(generateData(config.data, config.seed).train).toHaveLength(0);
    expect(checkConfig(config)).toBe(
      'With 2 points and a training share of 10 %, no example is left to train on: add more points or raise the training share.',
    );
  });

  it('refuses a split that leaves no test point', () => {
    const config = configWith({ dataset: 'custom', points: two, trainRatio: 0.9 });
    expect(generateData(config.data, config.seed).test).toHaveLength(0);
    expect(checkConfig(config)).toBe(
      'With 2 points and a training share of 90 %, no example is left to test on: add more points or lower the training share.',
    );
    // A generated set of two points too, and a table set of two rows.
    expect(checkConfig(configWith({ dataset: 'circle', size: 2, trainRatio: 0.8 }))).toMatch(
      /^With 2 points and a training share of 80 %, no example is left to test on/,
    );
    const iris = irisConfig();
    iris.data.size = 3;
    iris.data.trainRatio = 0.1;
    expect(checkConfig(iris)).toBe(
      'With 3 examples and a training share of 10 %, no example is left to train on: add more examples or raise the training share.',
    );
  });

  it('accepts the smallest splits that leave one example on each side', () => {
    expect(checkConfig(configWith({ dataset: 'custom', points: two, trainRatio: 0.5 }))).toBeNull();
    expect(checkConfig(configWith({ dataset: 'custom', points: XOR_POINTS, trainRatio: 0.8 }))).toBeNull();
    expect(checkConfig(configWith({ dataset: 'circle', size: 10, trainRatio: 0.1 }))).toBeNull();
  });

  it('the check counts the points exactly as the split does, for every generated set', () => {
    for (const dataset of DATASET_NAMES.filter((d) => d !== 'custom')) {
      for (const size of [2, 3, 5, 11]) {
        for (const trainRatio of [0.1, 0.3, 0.5, 0.9]) {
          const config = configWith({ dataset, size, trainRatio, noise: 10 });
          const { train, test } = generateData(config.data, config.seed);
          const refused = checkConfig(config) !== null;
          expect(refused, `${dataset} ${size} ${trainRatio}`).toBe(train.length === 0 || test.length === 0);
        }
      }
    }
  });

  it('the session refuses them and keeps the network it had', () => {
    const session = createSession();
    const before = session.snapshot();
    const events = session.handle({ type: 'configure', id: 5, config: configWith({ dataset: 'custom', points: two, trainRatio: 0.1 }) });
    expect(events).toEqual([{ type: 'error', replyTo: 5, message: expect.stringMatching(/no example is left to train on/) }]);
    expect(session.snapshot().params).toEqual(before.params);
    expect(session.snapshot().configVersion).toBe(before.configVersion);
  });
});
