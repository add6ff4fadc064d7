import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  isStepDone,
  keepPrediction,
  lessonStatus,
  markStepDone,
  parseProgress,
  predictionKey,
  serializeProgress,
  setLast,
  stepsDoneCount,
} from '../../../renderer/lessons/progress';
import { ProgressSaver, type ProgressBackend } from '../../../renderer/lessons/progressStore';

describe('progress', () => {
  it('marks steps done once and reports lesson status', () => {
    let p = emptyProgress();
    expect(lessonStatus(p, 'a', ['s1', 's2'])).toBe('not-started');
    p = markStepDone(p, 'a', 's1');
    expect(markStepDone(p, 'a', 's1')).toBe(p);
    expect(isStepDone(p, 'a', 's1')).toBe(true);
    expect(lessonStatus(p, 'a', ['s1', 's2'])).toBe('in-progress');
    p = markStepDone(p, 'a', 's2');
    expect(lessonStatus(p, 'a', ['s1', 's2'])).toBe('done');
    expect(stepsDoneCount(p, 'a', ['s1', 's2', 's3'])).toBe(2);
  });

  it('ignores saved steps that no longer exist when counting', () => {
    const p = markStepDone(emptyProgress(), 'a', 'gone');
    expect(lessonStatus(p, 'a', ['s1'])).toBe('not-started');
  });

  it('round-trips through JSON', () => {
    const p = setLast(markStepDone(emptyProgress(), 'x', 'y'), { lesson: 'x', step: 1 });
    expect(parseProgress(serializeProgress(p))).toEqual(p);
  });

  it('drops anything malformed', () => {
    expect(parseProgress('')).toEqual(emptyProgress());
    expect(parseProgress('not json')).toEqual(emptyProgress());
    expect(parseProgress('[1,2]')).toEqual(emptyProgress());
    const mixed = parseProgress(JSON.stringify({ done: { a: ['s1', 3, null], b: 'x' }, last: { lesson: 'a', step: -1 } }));
    expect(mixed.done).toEqual({ a: ['s1'] });
    expect(mixed.last).toBeNull();
  });

  it('saves in order and loads what was saved', async () => {
    let stored = '';
    const writes: string[] = [];
    const backend: ProgressBackend = {
      load: async () => stored,
      save: async (json) => {
        await new Promise((r) => setTimeout(r, json.includes('s1') ? 5 : 0));
        writes.push(json);
        stored = json;
      },
    };
    const saver = new ProgressSaver(backend);
    const one = markStepDone(emptyProgress(), 'a', 's1');
    const two = markStepDone(one, 'a', 's2');
    void saver.save(one);
    await saver.save(two);
    expect(writes).toHaveLength(2);
    expect((await saver.load()).done.a).toEqual(['s1', 's2']);
  });

  it('starts empty when the backend fails to load', async () => {
    const saver = new ProgressSaver({ load: () => Promise.reject(new Error('disk')), save: async () => {} });
    expect(await saver.load()).toEqual(emptyProgress());
  });
});

describe('committed predictions', () => {
  it('are kept with the progress by lesson and step id, and read back as committed', () => {
    let p = keepPrediction(emptyProgress(), predictionKey('11-dead-neurons', 'kill'), { value: 4, correct: null });
    p = keepPrediction(p, predictionKey('11-dead-neurons', 'kill'), { value: 4, correct: false, measured: 9 });
    p = keepPrediction(p, predictionKey('14-training', 'race'), { value: 'ReLU', correct: true, measured: ['ReLU', 'Tanh'] });
    const back = parseProgress(serializeProgress(p));
    expect(back.predictions).toEqual({
      '11-dead-neurons/kill': { value: 4, correct: false, measured: 9 },
      '14-training/race': { value: 'ReLU', correct: true, measured: ['ReLU', 'Tanh'] },
    });
  });

  it('drops malformed entries rather than trusting them', () => {
    const json = JSON.stringify({
      version: 2,
      done: {},
      last: null,
      predictions: {
        good: { value: 3, correct: true },
        noValue: { correct: true },
        badCorrect: { value: 3, correct: 'yes' },
        badMeasured: { value: 3, correct: false, measured: { n: 1 } },
        notANumber: { value: null, correct: null },
      },
    });
    expect(parseProgress(json).predictions).toEqual({ good: { value: 3, correct: true } });
    expect(parseProgress(JSON.stringify({ version: 2, done: {}, last: null, predictions: [1] })).predictions).toBeUndefined();
  });
});
