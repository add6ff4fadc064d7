/** The session's One example commands: trace the next training example, then train on it alone. */
import { describe, expect, it } from 'vitest';
import { parseCommand, type EngineEvent } from '../../core/protocol';
import { createSession, type TrainingSession } from '../../core/session';
import { createModel, trainBatch } from '../../core/engine/model';
import { traceExample } from '../../core/engine/trace';
import { configWith } from './engine/helpers';

let nextId = 1;
function send(session: TrainingSession, command: Record<string, unknown>): EngineEvent[] {
  return session.handle({ id: nextId++, ...command } as never);
}

const config = configWith({
  dataset: 'sine',
  size: 30,
  hidden: [[5, 'relu']],
  output: 'identity',
  problem: 'regression',
  training: { batchSize: 10, learningRate: 0.1 },
});

describe('session: one example', () => {
  it('traces the next training example without changing anything', () => {
    for (const fastPath of [false, true]) {
      const session = createSession({ fastPath });
      send(session, { type: 'configure', config });
      const before = session.snapshot();
      const [event] = send(session, { type: 'trace-example' });
      if (event.type !== 'trace') throw new Error(`expected a trace, got ${event.type}`);
      const model = createModel(config);
      expect(event.trace).toEqual(traceExample(model, 0));
      expect(session.snapshot().params).toEqual(before.params);
    }
  });

  it("steps one example as a batch of one: the next trace is of the next example, and the weights are training's", () => {
    const session = createSession({ fastPath: true });
    send(session, { type: 'configure', config });
    const reference = createModel({ ...config, training: { ...config.training, batchSize: 1 } });
    const n = reference.data.train.length;
    for (let s = 0; s < n + 2; s++) {
      const traced = send(session, { type: 'trace-example' })[0];
      if (traced.type !== 'trace') throw new Error('expected a trace');
      expect(traced.trace.row).toBe(s % n);
      const events = send(session, { type: 'step', unit: 'example' });
      expect(events.map((e) => e.type)).toEqual(['example-step', 'snapshot']);
      const [step, snap] = events;
      if (step.type !== 'example-step' || snap.type !== 'snapshot') throw new Error('unexpected events');
      trainBatch(reference);
      expect(step.step.row).toBe(s % n);
      expect(step.step.after).toEqual(reference.params);
      expect(snap.snapshot.params).toEqual(reference.params);
      expect(snap.snapshot.running).toBe(false);
      expect(snap.snapshot.epoch).toBe(s + 1 >= n ? 1 : 0);
    }
  });

  it('is part of the protocol', () => {
    expect(parseCommand({ type: 'trace-example', id: 3 })).toEqual({ type: 'trace-example', id: 3 });
    expect(parseCommand({ type: 'step', id: 4, unit: 'example' })).toEqual({ type: 'step', id: 4, unit: 'example' });
    expect(parseCommand({ type: 'step', id: 5, unit: 'sample' })).toMatch(/"batch", "epoch" or "example"/);
  });
});
