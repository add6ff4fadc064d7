import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import type { HistoryPoint } from '../../core/protocol';
import { createSession, type TrainingSession } from '../../core/session';
import { HISTORY_DENSITY, historyDue } from '../../core/session/measuring';

const forever = Number.POSITIVE_INFINITY;

function configured(fastPath = false): TrainingSession {
  const session = createSession({ fastPath });
  session.handle({ id: 1, type: 'configure', config: defaultConfig() });
  session.snapshot();
  return session;
}

/** Plays `epochs` epochs in slices of `perSlice` (full speed trains many in one), collecting the history sent. */
function play(session: TrainingSession, epochs: number, perSlice: number): HistoryPoint[] {
  session.handle({ id: 2, type: 'play' });
  const history: HistoryPoint[] = [];
  for (let done = 0; done < epochs; done += perSlice) {
    session.train(Math.min(perSlice, epochs - done), () => 0, forever);
    history.push(...session.snapshot().history);
  }
  return history;
}

describe('history points while training fast', () => {
  it('are due every epoch at first, then every (epoch / HISTORY_DENSITY)-th epoch', () => {
    expect(historyDue(1, 0)).toBe(true);
    expect(historyDue(2 * HISTORY_DENSITY - 1, 2 * HISTORY_DENSITY - 2)).toBe(true);
    expect(historyDue(2 * HISTORY_DENSITY + 1, 2 * HISTORY_DENSITY)).toBe(false);
    expect(historyDue(2 * HISTORY_DENSITY + 2, 2 * HISTORY_DENSITY)).toBe(true);
    expect(historyDue(10 * HISTORY_DENSITY, 10 * HISTORY_DENSITY - 9)).toBe(false);
    expect(historyDue(10 * HISTORY_DENSITY, 10 * HISTORY_DENSITY - 10)).toBe(true);
    // Training went back (reset): nothing is due until the run passes the last point again.
    expect(historyDue(5, 40)).toBe(false);
  });

  it('leave a 300-epoch run trained in 3 slices with enough points to draw how the loss fell', () => {
    const epochs = play(configured(), 300, 100).map((p) => p.epoch);
    expect(epochs[0]).toBe(1);
    expect(epochs.at(-1)).toBe(300);
    expect(epochs.every((e, i) => i === 0 || e > epochs[i - 1])).toBe(true);
    // Every epoch of the first 200, and still one every other epoch in the newer half.
    expect(epochs.slice(0, 200)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(epochs.filter((e) => e > 150).length).toBeGreaterThanOrEqual(90);
  });

  it('keep some 70 points in the newer half of a long run, and only a few hundred in all', () => {
    const epochs = play(configured(), 4000, 1000).map((p) => p.epoch);
    expect(epochs.at(-1)).toBe(4000);
    expect(epochs.filter((e) => e > 2000).length).toBeGreaterThanOrEqual(65);
    expect(epochs.length).toBeLessThan(600);
  });

  it('measure the same losses as a run trained one epoch a slice: measuring changes no weight', () => {
    for (const fastPath of [false, true]) {
      const fast = play(configured(fastPath), 40, 40);
      const slow = play(configured(fastPath), 40, 1);
      expect(fast).toEqual(slow);
    }
  });
});
