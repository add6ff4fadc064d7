/**
 * Training continued from a saved and reopened project gives the same numbers as training
 * that never stopped: the file keeps everything the engine needs.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type LabConfig } from '../../../core/config';
import type { EngineEvent, EngineState } from '../../../core/protocol';
import { createSession, type TrainingSession } from '../../../core/session';
import { createProject, parseProject, serializeProject } from '../../../core/project';

let nextId = 1;

function run(session: TrainingSession, events: EngineEvent[]): EngineEvent[] {
  const error = events.find((e) => e.type === 'error');
  if (error && error.type === 'error') throw new Error(error.message);
  return events;
}

function configured(config: LabConfig): TrainingSession {
  const session = createSession();
  run(session, session.handle({ type: 'configure', id: nextId++, config }));
  return session;
}

function trainEpochs(session: TrainingSession, epochs: number): void {
  run(
    session,
    session.train(epochs, () => 0, Number.POSITIVE_INFINITY),
  );
}

function stateOf(session: TrainingSession): EngineState {
  const events = run(session, session.handle({ type: 'get-state', id: nextId++ }));
  const reply = events.find((e) => e.type === 'state');
  if (!reply || reply.type !== 'state') throw new Error('no state reply');
  return reply.state;
}

function configs(): [string, LabConfig][] {
  const sgd = defaultConfig();
  const adam = defaultConfig();
  adam.data.dataset = 'spiral';
  adam.features = ['x1', 'x2', 'sinX1', 'sinX2'];
  adam.network.hidden = [
    { size: 8, activation: 'relu' },
    { size: 4, activation: 'tanh' },
  ];
  adam.training = {
    ...adam.training,
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 7,
    regularization: 'l2',
    regularizationRate: 0.001,
  };
  adam.seed = 99;
  const momentum = defaultConfig();
  momentum.data.dataset = 'blobs3';
  momentum.network.outputActivation = 'softmax';
  momentum.training = { ...momentum.training, optimizer: 'momentum', loss: 'softmaxCrossEntropy', learningRate: 0.1 };
  return [
    ['sgd, circle', sgd],
    ['adam, spiral', adam],
    ['momentum, three blobs', momentum],
  ];
}

describe('continuing from a reopened project', () => {
  for (const [label, config] of configs()) {
    it(`matches training that never stopped (${label})`, () => {
      const straight = configured(config);
      trainEpochs(straight, 12);

      const first = configured(config);
      trainEpochs(first, 5);
      const text = serializeProject(createProject({ config, state: stateOf(first), name: 'continue' }));
      const reopened = parseProject(text);
      if (!reopened.ok) throw new Error(reopened.message);
      const second = configured(reopened.project.config);
      run(second, second.handle({ type: 'load-state', id: nextId++, state: reopened.project.state! }));
      trainEpochs(second, 7);

      const expected = stateOf(straight);
      const actual = stateOf(second);
      expect(actual.epoch).toBe(12);
      expect(actual.step).toBe(expected.step);
      expect(actual.params.length).toBe(expected.params.length);
      actual.params.forEach((value, i) => expect(Object.is(value, expected.params[i])).toBe(true));
      actual.optimizer.forEach((moment, m) => moment.forEach((value, i) => expect(Object.is(value, expected.optimizer[m][i])).toBe(true)));
    });
  }
});
