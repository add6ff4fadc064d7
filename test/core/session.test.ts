import { describe, expect, it } from 'vitest';
import { defaultConfig, type LabConfig } from '../../core/config';
import { networkShape } from '../../core/engine';
import { parseCommand, type EngineEvent, type EngineState, type Snapshot } from '../../core/protocol';
import { createSession, smallerLearningRate, type TrainingSession } from '../../core/session';
import { configWith } from './engine/helpers';

const forever = Number.POSITIVE_INFINITY;
let nextId = 1;

function send(session: TrainingSession, command: Record<string, unknown>): EngineEvent[] {
  return session.handle({ id: nextId++, ...command } as never);
}

function snapshotOf(events: EngineEvent[]): Snapshot {
  expect(events).toHaveLength(1);
  const e = events[0];
  if (e.type !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(e)}`);
  return e.snapshot;
}

function configured(config: LabConfig = defaultConfig(), fastPath = false): TrainingSession {
  const session = createSession({ fastPath });
  snapshotOf(send(session, { type: 'configure', config }));
  return session;
}

function stateOf(session: TrainingSession): EngineState {
  const [event] = send(session, { type: 'get-state' });
  if (event.type !== 'state') throw new Error('expected a state');
  return event.state;
}

describe('training session', () => {
  it('configures: epoch 0, paused, fresh weights from the seed, a new configVersion', () => {
    const session = createSession();
    expect(session.snapshot().configVersion).toBe(0);
    const snap = snapshotOf(send(session, { type: 'configure', config: defaultConfig() }));
    expect(snap).toMatchObject({ configVersion: 1, epoch: 0, running: false });
    expect(snap.params).toBeInstanceOf(Float64Array);
    expect(snap.params).toHaveLength(networkShape(defaultConfig()).paramCount);
    expect(snap.history.map((h) => h.epoch)).toEqual([0]);
    expect(snap.confusion).toHaveLength(2);
    const total = snap.confusion!.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(250);
    // Playground initialisation: biases 0.1, weights in [−0.5, 0.5).
    const shape = networkShape(defaultConfig());
    expect(snap.params[shape.biasIndex(0, 0)]).toBe(0.1);
    expect(Math.abs(snap.params[shape.weightIndex(0, 0, 0)])).toBeLessThan(0.5);
    const again = snapshotOf(send(session, { type: 'configure', config: defaultConfig() }));
    expect(again.configVersion).toBe(2);
    expect(again.params).toEqual(snap.params);
    const other = snapshotOf(send(session, { type: 'configure', config: configWith({ seed: 99 }) }));
    expect(other.params).not.toEqual(snap.params);
  });

  it('refuses a bad configuration with a plain message and changes nothing', () => {
    const session = configured();
    const before = session.snapshot();
    const bad: [string, (c: LabConfig) => void, RegExp][] = [
      ['unknown data set', (c) => ((c.data as { dataset: string }).dataset = 'donut'), /no data set called "donut"/],
      ['too many neurons', (c) => (c.network.hidden[0].size = 17), /from 1 to 16 neurons/],
      [
        'too many layers',
        (c) => (c.network.hidden = Array.from({ length: 9 }, () => ({ size: 2, activation: 'tanh' }))),
        /at most 8 hidden layers/,
      ],
      ['unknown activation', (c) => ((c.network.hidden[0] as { activation: string }).activation = 'step'), /no activation called "step"/],
      ['no features', (c) => (c.features = []), /at least one input feature/],
      ['zero learning rate', (c) => (c.training.learningRate = 0), /learning rate must be above 0/],
      ['batch too large', (c) => (c.training.batchSize = 101), /batch size/],
      ['noise out of range', (c) => (c.data.noise = 80), /Noise/],
      ['negative seed', (c) => (c.seed = -1), /seed/],
      ['softmax loss without softmax', (c) => (c.training.loss = 'softmaxCrossEntropy'), /needs a softmax output/],
      ['cross-entropy on regression', (c) => ((c.data.dataset = 'plane'), (c.training.loss = 'binaryCrossEntropy')), /regression/],
      ['too few own points', (c) => ((c.data.dataset = 'custom'), (c.data.points = [])), /at least two points/],
    ];
    for (const [name, spoil, message] of bad) {
      const config = defaultConfig();
      spoil(config);
      const events = send(session, { type: 'configure', config });
      expect(events, name).toHaveLength(1);
      expect(events[0].type, name).toBe('error');
      if (events[0].type === 'error') expect(events[0].message, name).toMatch(message);
    }
    const after = session.snapshot();
    expect(after.configVersion).toBe(before.configVersion);
    expect(after.params).toEqual(before.params);
  });

  it('plays and pauses', () => {
    const session = configured();
    expect(snapshotOf(send(session, { type: 'play' })).running).toBe(true);
    expect(session.isRunning()).toBe(true);
    expect(snapshotOf(send(session, { type: 'pause' })).running).toBe(false);
    expect(session.isRunning()).toBe(false);
  });

  it('pauses by itself at the epoch play was told to stop at, however big the slice', () => {
    const session = configured();
    snapshotOf(send(session, { type: 'play', stop: { epoch: 7 } }));
    session.train(20, () => 0, forever);
    expect(session.isRunning()).toBe(false);
    const snap = session.snapshot();
    expect(snap).toMatchObject({ epoch: 7, running: false });
    // A fresh play without a stop trains on.
    send(session, { type: 'play' });
    session.train(3, () => 0, forever);
    expect(session.snapshot().epoch).toBe(10);
  });

  it('pauses by itself at the first measured test accuracy at the target', () => {
    const session = configured();
    snapshotOf(send(session, { type: 'play', stop: { epoch: 500, testAccuracy: 0.9 } }));
    for (let slice = 0; slice < 500 && session.isRunning(); slice++) session.train(1, () => 0, forever);
    const snap = session.snapshot();
    expect(snap.running).toBe(false);
    expect(snap.epoch).toBeLessThan(500);
    const last = snap.history.at(-1)!;
    expect(last.epoch).toBe(snap.epoch);
    expect(last.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(snap.history.at(-2)!.testAccuracy).toBeLessThan(0.9);
  });

  it('refuses a play stop that is no epoch or accuracy', () => {
    expect(parseCommand({ type: 'play', id: 1, stop: { epoch: 0 } })).toMatch(/stop/);
    expect(parseCommand({ type: 'play', id: 1, stop: { testAccuracy: 2 } })).toMatch(/stop/);
    expect(parseCommand({ type: 'play', id: 1, stop: { epoch: 5, testAccuracy: 0.9 } })).toMatchObject({ type: 'play' });
  });

  it('steps by epoch and by batch', () => {
    const session = configured();
    expect(snapshotOf(send(session, { type: 'step', unit: 'epoch' })).epoch).toBe(1);
    const first = snapshotOf(send(session, { type: 'step', unit: 'batch' }));
    expect(first.epoch).toBe(1);
    let snap = first;
    for (let b = 1; b < 25; b++) snap = snapshotOf(send(session, { type: 'step', unit: 'batch' }));
    expect(snap.epoch).toBe(2); // 250 training points in batches of 10
    expect(snap.params).not.toEqual(first.params);
  });

  it('trains whole epochs until the deadline, and records history for each early epoch of the slice', () => {
    const session = configured();
    session.snapshot();
    let t = 0;
    const clock = (): number => (t += 1);
    expect(session.train(forever, clock, 5)).toEqual([]);
    const snap = session.snapshot();
    expect(snap.epoch).toBe(5);
    expect(snap.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(session.snapshot().history).toEqual([]);
    session.train(3, clock, forever);
    expect(session.snapshot().epoch).toBe(8);
  });

  it('trains a network with long epochs batch by batch, so a slice ends on time', () => {
    const big = defaultConfig();
    big.data = { ...big.data, size: 5000, trainRatio: 0.9 };
    big.network.hidden = Array.from({ length: 8 }, () => ({ size: 16, activation: 'tanh' as const }));
    for (const fastPath of [false, true]) {
      const session = configured(big, fastPath);
      const before = session.snapshot().params;
      // The clock is already past the deadline: only one batch may run, not a whole epoch.
      session.train(forever, () => 1, 0);
      const after = session.snapshot();
      expect(after.epoch).toBe(0);
      expect(after.params).not.toEqual(before);
      // Whole epochs still count as before once enough batches have run.
      session.train(1, () => 0, forever);
      expect(session.snapshot().epoch).toBe(1);
    }
    // A small network keeps training whole epochs per check of the clock.
    const small = configured();
    small.train(forever, () => 1, 0);
    expect(small.snapshot().epoch).toBe(1);
  });

  it('steps a long epoch in slices: answered at once, trained by the runner, paused at the end of the epoch', () => {
    const big = defaultConfig();
    big.data = { ...big.data, size: 5000, trainRatio: 0.9 };
    big.network.hidden = Array.from({ length: 8 }, () => ({ size: 16, activation: 'tanh' as const }));
    const session = configured(big, true);
    const before = session.snapshot().params;
    const reply = snapshotOf(send(session, { type: 'step', unit: 'epoch' }));
    // Nothing trained yet: the command answers at once and the runner does the work.
    expect(reply).toMatchObject({ epoch: 0, running: false });
    expect(reply.params).toEqual(before);
    expect(session.isRunning()).toBe(true);
    // Slices as the runner trains them (one batch each here), never past the end of the epoch.
    let slices = 0;
    while (session.isRunning()) {
      session.train(forever, () => performance.now(), performance.now());
      slices += 1;
      expect(session.snapshot().running).toBe(false);
    }
    expect(slices).toBe(Math.ceil(4500 / 10));
    expect(session.snapshot().epoch).toBe(1);
    // The same epoch as a small network's one-shot step would train.
    const whole = configured(big, true);
    whole.train(1, () => 0, forever);
    expect(session.snapshot().params).toEqual(whole.snapshot().params);
    // Pause and play end a step in progress.
    send(session, { type: 'step', unit: 'epoch' });
    send(session, { type: 'pause' });
    expect(session.isRunning()).toBe(false);
    // A small network still steps its epoch in one go.
    const small = configured();
    expect(snapshotOf(send(small, { type: 'step', unit: 'epoch' })).epoch).toBe(1);
    expect(small.isRunning()).toBe(false);
  });

  it('resets to the seeded weights with the history cleared', () => {
    const session = configured();
    const initial = session.snapshot().params;
    session.train(20, () => 0, forever);
    send(session, { type: 'play' });
    const snap = snapshotOf(send(session, { type: 'reset' }));
    expect(snap).toMatchObject({ epoch: 0, running: false });
    expect(snap.params).toEqual(initial);
    expect(snap.history.map((h) => h.epoch)).toEqual([0]);
  });

  it('changes training settings at once without a reset', () => {
    const session = configured();
    session.train(10, () => 0, forever);
    const before = session.snapshot();
    const snap = snapshotOf(send(session, { type: 'set-training', training: { learningRate: 0.3 } }));
    expect(snap.epoch).toBe(10);
    expect(snap.params).toEqual(before.params);
    expect(session.config().training.learningRate).toBe(0.3);
    // The new rate is used by the very next epoch.
    const slow = configured();
    slow.train(10, () => 0, forever);
    slow.train(1, () => 0, forever);
    session.train(1, () => 0, forever);
    expect(session.snapshot().params).not.toEqual(slow.snapshot().params);
    const refused = send(session, { type: 'set-training', training: { batchSize: 0 } });
    expect(refused[0].type).toBe('error');
    const mismatch = send(session, { type: 'set-training', training: { loss: 'softmaxCrossEntropy' } });
    expect(mismatch[0].type).toBe('error');
    expect(session.config().training.loss).toBe('halfSquared');
  });

  it('restarts the optimizer moments when the optimizer changes', () => {
    const session = configured(configWith({ training: { optimizer: 'adam', learningRate: 0.01 } }));
    session.train(3, () => 0, forever);
    const adam = stateOf(session);
    expect(adam.optimizer).toHaveLength(2);
    expect(adam.step).toBe(75);
    expect(adam.optimizer[0].some((v) => v !== 0)).toBe(true);
    send(session, { type: 'set-training', training: { learningRate: 0.02 } });
    expect(stateOf(session).optimizer).toEqual(adam.optimizer);
    send(session, { type: 'set-training', training: { optimizer: 'momentum' } });
    const momentum = stateOf(session);
    expect(momentum.optimizer).toHaveLength(1);
    expect(momentum.optimizer[0].every((v) => v === 0)).toBe(true);
    expect(momentum.params).toEqual(adam.params);
  });

  it('edits one parameter and keeps training from there', () => {
    const session = configured();
    session.train(5, () => 0, forever);
    const snap = snapshotOf(send(session, { type: 'set-parameter', index: 3, value: 1.25 }));
    expect(snap.params[3]).toBe(1.25);
    expect(snap.epoch).toBe(5);
    expect(send(session, { type: 'set-parameter', index: 999, value: 1 })[0].type).toBe('error');
  });

  it('sets the speed', () => {
    const session = configured();
    send(session, { type: 'set-speed', speed: { mode: 'max' } });
    expect(session.speed()).toEqual({ mode: 'max' });
  });

  it('saves and restores the exact training state', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const config = configWith({ training: { optimizer, learningRate: 0.01 } });
      const session = configured(config);
      session.train(7, () => 0, forever);
      const saved = stateOf(session);
      session.train(5, () => 0, forever);
      const expected = session.snapshot().params;
      const other = configured(config);
      const loaded = snapshotOf(send(other, { type: 'load-state', state: JSON.parse(JSON.stringify(saved)) }));
      expect(loaded.epoch).toBe(7);
      expect(stateOf(other)).toEqual(saved);
      other.train(5, () => 0, forever);
      expect(other.snapshot().params).toEqual(expected);
    }
    const session = configured();
    const state = stateOf(session);
    expect(send(session, { type: 'load-state', state: { ...state, params: state.params.slice(1) } })[0].type).toBe('error');
    expect(send(session, { type: 'load-state', state: { ...state, optimizer: [[1, 2]] } })[0].type).toBe('error');
  });

  it('reports a blow-up, goes back to the weights from before it and pauses', () => {
    for (const fastPath of [false, true]) {
      const config = configWith({
        dataset: 'plane',
        hidden: [
          [4, 'identity'],
          [4, 'identity'],
        ],
        output: 'identity',
        training: { learningRate: 10 },
      });
      const session = configured(config, fastPath);
      send(session, { type: 'play' });
      let events: EngineEvent[] = [];
      for (let i = 0; i < 50 && events.length === 0; i++) events = session.train(20, () => 0, forever);
      expect(events).toHaveLength(1);
      const event = events[0];
      if (event.type !== 'diverged') throw new Error('expected a divergence');
      expect(event.message).toMatch(
        /^Training (blew up|ran away) at epoch \d+: .*\. Training is paused and back at epoch \d+(: the weights it started with|, where the training loss was lowest before the blow-up: the weights of epoch \d+) \(training loss [\d.e+-]+\) are back\. Try a smaller learning rate, such as 1\.$/,
      );
      expect(event.snapshot.running).toBe(false);
      expect(session.isRunning()).toBe(false);
      expect(event.snapshot.params.every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(event.snapshot.metrics.trainLoss)).toBe(true);
    }
    expect(smallerLearningRate(3)).toBe(0.3);
    expect(smallerLearningRate(0.03)).toBe(0.003);
  });

  it('hands out copies', () => {
    const session = configured();
    const snap = session.snapshot();
    snap.params[0] = 42;
    snap.confusion![0][0] = -1;
    expect(session.snapshot().params[0]).not.toBe(42);
    expect(session.snapshot().confusion![0][0]).not.toBe(-1);
  });

  it('keeps accuracy and confusion counts consistent', () => {
    const session = configured(configWith({ dataset: 'blobs3', output: 'softmax', training: { loss: 'softmaxCrossEntropy' } }));
    session.train(30, () => 0, forever);
    const snap = session.snapshot();
    const confusion = snap.confusion!;
    expect(confusion).toHaveLength(3);
    const total = confusion.flat().reduce((a, b) => a + b, 0);
    const right = confusion.reduce((sum, row, k) => sum + row[k], 0);
    expect(total).toBe(250);
    expect(snap.metrics.testAccuracy).toBeCloseTo(right / total, 12);
    expect(snap.metrics.testAccuracy!).toBeGreaterThan(0.9);
  });

  it('configures every built-in 2-D data set with the Playground network', () => {
    for (const dataset of [
      'circle',
      'xor',
      'gaussian',
      'spiral',
      'moons',
      'checkerboard',
      'spiral3',
      'blobs3',
      'plane',
      'multiGaussian',
    ] as const) {
      const session = createSession();
      const events = send(session, { type: 'configure', config: configWith({ dataset }) });
      expect(events[0].type, dataset).toBe('snapshot');
      session.train(5, () => 0, forever);
      expect(session.snapshot().params.every(Number.isFinite), dataset).toBe(true);
    }
  });

  it('reports accuracy as null and no confusion for regression', () => {
    const snap = configured(configWith({ dataset: 'multiGaussian', output: 'identity' })).snapshot();
    expect(snap.metrics.trainAccuracy).toBeNull();
    expect(snap.confusion).toBeNull();
  });
});
