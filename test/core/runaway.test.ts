/**
 * Runaway training is caught by loss growth and parameter magnitude, long before a number
 * overflows, and the weights from before the blow-up come back (issue 13, item 6).
 */
import { describe, expect, it } from 'vitest';
import type { LabConfig } from '../../core/config';
import {
  largestMagnitude,
  lossRunaway,
  PARAM_LIMIT,
  runawayCause,
  runawayLimits,
  runawayMessage,
  withinLimit,
} from '../../core/engine/runaway';
import type { EngineEvent, Snapshot } from '../../core/protocol';
import { createSession, type TrainingSession } from '../../core/session';
import { configWith } from './engine/helpers';

const forever = Number.POSITIVE_INFINITY;

function configured(config: LabConfig, fastPath: boolean): { session: TrainingSession; start: Snapshot } {
  const session = createSession({ fastPath });
  const [event] = session.handle({ type: 'configure', id: 1, config });
  if (event.type !== 'snapshot') throw new Error(`configure failed: ${JSON.stringify(event)}`);
  session.handle({ type: 'play', id: 2 });
  return { session, start: event.snapshot };
}

/** Trains epoch by epoch until an event or `epochs`; returns the event (or null) and the epochs trained. */
function trainUntilEvent(session: TrainingSession, epochs: number): { event: EngineEvent | null; largest: number } {
  let largest = 0;
  for (let e = 0; e < epochs; e++) {
    const events = session.train(1, () => 0, forever);
    if (events.length > 0) return { event: events[0], largest };
    largest = Math.max(largest, largestMagnitude(session.snapshot().params));
  }
  return { event: null, largest };
}

function diverged(event: EngineEvent | null): { snapshot: Snapshot; message: string } {
  if (event === null || event.type !== 'diverged') throw new Error(`expected a divergence, got ${JSON.stringify(event)}`);
  return event;
}

describe('runaway training', () => {
  it('spiral3, 2→8 ReLU, softmax, learning rate 10: caught after one epoch, and the starting weights are back', () => {
    const config = configWith({
      dataset: 'spiral3',
      hidden: [[8, 'relu']],
      output: 'softmax',
      training: { loss: 'softmaxCrossEntropy', learningRate: 10 },
    });
    const { session, start } = configured(config, true);
    const { snapshot, message } = diverged(trainUntilEvent(session, 200).event);
    // It used to reach weights of 1e68 and more with no message at all.
    expect(message).toMatch(
      /^Training ran away at epoch 1: a weight or bias reached \d\.\de\+\d+ \(the largest was 0\.\d+ when training started\)\. /,
    );
    expect(message).toMatch(
      /Training is paused and back at epoch 0: the weights it started with \(training loss 1\.\d\d\) are back\. Try a smaller learning rate, such as 1\.$/,
    );
    expect(message).not.toMatch(/good/);
    expect(snapshot.running).toBe(false);
    expect(session.isRunning()).toBe(false);
    expect(snapshot.epoch).toBe(0);
    expect(snapshot.params).toEqual(start.params);
    expect(snapshot.metrics.trainLoss).toBe(start.metrics.trainLoss);
  });

  it('plane, linear network, learning rate 10: the weights that come back are the ones with the lowest loss, not astronomic ones', () => {
    const config = configWith({
      dataset: 'plane',
      hidden: [
        [4, 'identity'],
        [4, 'identity'],
      ],
      output: 'identity',
      training: { learningRate: 10 },
    });
    for (const fastPath of [false, true]) {
      const { session } = configured(config, fastPath);
      const { event, largest } = trainUntilEvent(session, 500);
      const { snapshot, message } = diverged(event);
      // Nothing ever grew past the bound before the event, and what comes back is small.
      expect(largest).toBeLessThanOrEqual(PARAM_LIMIT);
      expect(largestMagnitude(snapshot.params)).toBeLessThan(10);
      expect(Number.isFinite(snapshot.metrics.trainLoss)).toBe(true);
      expect(message).toMatch(/^Training (ran away|blew up) at epoch \d+: /);
      // Said as the epoch read-out then says it.
      const restored = Number(/back at epoch (\d+)/.exec(message)?.[1]);
      expect(restored).toBe(snapshot.epoch);
      expect(snapshot.history.at(-1)?.epoch).toBe(restored);
    }
  });

  it('says which weights are back in the words of the epoch read-out', () => {
    const later = runawayMessage(
      'Training ran away at epoch 7: the training loss grew to 584 from 0.503 when training started.',
      1,
      0.4986,
      0.3,
    );
    expect(later).toContain(
      'Training is paused and back at epoch 1, where the training loss was lowest before the blow-up: the weights of epoch 1 (training loss 0.499) are back.',
    );
    expect(later).not.toMatch(/before it began/);
    expect(runawayMessage('Training blew up at epoch 1.', 0, 1.1, 1)).toContain(
      'back at epoch 0: the weights it started with (training loss 1.10) are back.',
    );
  });

  it('a loss that grows tenfold is caught while the weights are still small', () => {
    // One linear neuron on x₁² (up to 36, mean x₁⁴ about 259) overshoots a little further every step at learning rate 0.01 (stable below about 2/259).
    const config = configWith({
      dataset: 'plane',
      hidden: [],
      features: ['x1Squared'],
      output: 'identity',
      training: { learningRate: 0.01, batchSize: 100 },
    });
    for (const fastPath of [false, true]) {
      const { session, start } = configured(config, fastPath);
      const { snapshot, message } = diverged(trainUntilEvent(session, 100).event);
      expect(message).toMatch(/^Training ran away at epoch \d+: the training loss grew to [\d.e+]+ from [\d.]+ when training started\. /);
      const grown = Number(/grew to ([\d.e+]+)/.exec(message)?.[1]);
      expect(grown).toBeGreaterThan(10);
      expect(grown).toBeLessThan(1e30);
      expect(snapshot.metrics.trainLoss).toBeLessThanOrEqual(start.metrics.trainLoss);
    }
  });

  it('ordinary training at large but workable rates raises no alarm', () => {
    const cases: LabConfig[] = [
      configWith({
        dataset: 'circle',
        hidden: [[4, 'sigmoid']],
        output: 'sigmoid',
        training: { learningRate: 3, loss: 'binaryCrossEntropy' },
      }),
      configWith({
        dataset: 'xor',
        hidden: [
          [8, 'relu'],
          [8, 'relu'],
        ],
        output: 'sigmoid',
        training: { learningRate: 0.1, loss: 'binaryCrossEntropy', optimizer: 'adam' },
      }),
      configWith({ dataset: 'gaussian', hidden: [], output: 'sigmoid', training: { learningRate: 10, loss: 'binaryCrossEntropy' } }),
      configWith({
        dataset: 'spiral',
        hidden: [
          [8, 'relu'],
          [8, 'relu'],
          [8, 'relu'],
        ],
        training: { learningRate: 0.1 },
      }),
    ];
    for (const config of cases) {
      const { session } = configured(config, true);
      expect(session.train(1500, () => 0, forever)).toEqual([]);
    }
  });

  it('a weight the learner sets large is the new starting point, not a runaway', () => {
    const { session } = configured(configWith({}), true);
    session.handle({ type: 'set-parameter', id: 3, index: 0, value: 5e4 });
    expect(session.train(5, () => 0, forever)).toEqual([]);
  });
});

describe('runaway bounds', () => {
  it('finds the largest magnitude, and NaN anywhere', () => {
    expect(largestMagnitude(Float64Array.from([0.5, -3, 2]))).toBe(3);
    expect(largestMagnitude(Float64Array.from([1, NaN, 2]))).toBeNaN();
    expect(largestMagnitude(Float64Array.from([1, -Infinity]))).toBe(Infinity);
    expect(withinLimit(Float64Array.from([1, -10]), 10)).toBe(true);
    expect(withinLimit(Float64Array.from([1, -10.5]), 10)).toBe(false);
    expect(withinLimit(Float64Array.from([1, NaN]), 10)).toBe(false);
  });

  it('holds training to ten times its starting loss (at least 10) and to 10,000 or a hundred times its largest parameter', () => {
    const small = runawayLimits(0.3, Float64Array.from([0.5, -0.2]));
    expect(small).toEqual({ param: PARAM_LIMIT, loss: 10, startLoss: 0.3, startMagnitude: 0.5 });
    const big = runawayLimits(4, Float64Array.from([300]));
    expect(big).toMatchObject({ param: 30_000, loss: 40 });
    expect(lossRunaway(9.9, 1, small)).toBeNull();
    expect(lossRunaway(10.1, 1, small)).toEqual({ kind: 'loss', set: 'training', loss: 10.1 });
    expect(lossRunaway(NaN, 1, small)).toEqual({ kind: 'loss', set: 'training', loss: NaN });
    expect(lossRunaway(1, Infinity, small)).toEqual({ kind: 'loss', set: 'test', loss: Infinity });
    expect(runawayCause({ kind: 'weights', magnitude: NaN }, 7, small)).toBe(
      'Training blew up at epoch 7: the weights stopped being numbers.',
    );
    expect(runawayCause({ kind: 'loss', set: 'test', loss: Infinity }, 7, small)).toBe(
      'Training blew up at epoch 7: the test loss became infinite.',
    );
  });
});
