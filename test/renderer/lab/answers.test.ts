import { describe, expect, it } from 'vitest';
import { classify, createPredictor, galleryOrder } from '../../../core/engine/table-predict';
import { irisConfig } from '../../../core/tabular/presets';
import { tableTestSet } from '../../../renderer/lab/table/testSet';
import { networkShape } from '../../../core/engine/shape';
import { createRandom } from '../../../core/engine/rng';
import { ChunkedAnswers, type Answers } from '../../../renderer/lab/digits/answers';

/** A hand-driven task queue: each queued function is one later task. */
function queue() {
  const tasks: (() => void)[] = [];
  return {
    later: (fn: () => void) => void tasks.push(fn),
    tasks,
    runAll: () => {
      let n = 0;
      while (tasks.length > 0) {
        tasks.shift()!();
        n++;
      }
      return n;
    },
  };
}

describe('gallery answers worked out in pieces', () => {
  const config = irisConfig([{ size: 6, activation: 'tanh' }]);
  const test = tableTestSet(config)!;
  const random = createRandom(3);
  const weights = () => Float64Array.from({ length: networkShape(config).paramCount }, () => random() * 2 - 1);

  function direct(params: Float64Array): Answers {
    const k = 3;
    const rows = test.labels.length;
    const classified = classify(createPredictor(config).outputs(params, test.x, rows).slice(), rows, k);
    return { ...classified, order: galleryOrder(test.labels, classified).slice(0, 10) };
  }

  it('gives what one pass over all the test rows gives, one piece per task', () => {
    const q = queue();
    const got: Answers[] = [];
    const answers = new ChunkedAnswers(createPredictor(config), test, 10, (a) => got.push(a), q.later, 7);
    const params = weights();
    answers.request(params);
    expect(got).toEqual([]);
    const tasks = q.runAll();
    expect(test.labels.length).toBeGreaterThan(7 * 5);
    expect(tasks).toBe(Math.ceil(test.labels.length / 7));
    expect(got).toHaveLength(1);
    expect(got[0]).toEqual(direct(params));
  });

  it('finishes a run with the weights it began with, then runs only the newest of those that came meanwhile', () => {
    const q = queue();
    const got: Answers[] = [];
    const answers = new ChunkedAnswers(createPredictor(config), test, 10, (a) => got.push(a), q.later, 7);
    const [a, b, c] = [weights(), weights(), weights()];
    answers.request(a);
    q.tasks.shift()!();
    answers.request(b);
    answers.request(c);
    q.runAll();
    expect(got).toHaveLength(2);
    expect(got[0]).toEqual(direct(a));
    expect(got[1]).toEqual(direct(c));
  });

  it('says when it is busy: from the first request until the last run ends', () => {
    const q = queue();
    const busy: boolean[] = [];
    const answers = new ChunkedAnswers(
      createPredictor(config),
      test,
      10,
      () => {},
      q.later,
      7,
      (b) => busy.push(b),
    );
    answers.request(weights());
    expect(busy).toEqual([true]);
    q.tasks.shift()!();
    answers.request(weights());
    q.runAll();
    expect(busy).toEqual([true, false]);
  });

  it('stops when disposed', () => {
    const q = queue();
    const got: Answers[] = [];
    const answers = new ChunkedAnswers(createPredictor(config), test, 10, (a) => got.push(a), q.later);
    answers.request(weights());
    answers.dispose();
    q.runAll();
    answers.request(weights());
    expect(q.runAll()).toBe(0);
    expect(got).toEqual([]);
  });
});
