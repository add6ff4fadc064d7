/** The engine learns what the Playground learns, with its default settings. */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../core/config';
import { createSession } from '../../../core/session';
import { configWith } from './helpers';

const forever = Number.POSITIVE_INFINITY;

describe('learning', () => {
  it('tanh 2→4→2→1 reaches 97 % test accuracy on the circle within 300 epochs (Playground defaults)', () => {
    for (const fastPath of [false, true]) {
      const session = createSession({ fastPath });
      const config = defaultConfig();
      expect(config.network.hidden.map((h) => h.size)).toEqual([4, 2]);
      expect(config.training).toMatchObject({ learningRate: 0.03, batchSize: 10, optimizer: 'sgd', loss: 'halfSquared' });
      session.handle({ type: 'configure', id: 1, config });
      let best = 0;
      for (let epoch = 0; epoch < 300; epoch += 10) {
        session.train(10, () => 0, forever);
        best = Math.max(best, session.snapshot().metrics.testAccuracy ?? 0);
      }
      expect(best).toBeGreaterThanOrEqual(0.97);
    }
  });

  it('ReLU 2→8→8→1 with Adam (learning rate 0.01) reaches 90 % test accuracy on the spiral within 2,000 epochs', () => {
    for (const seed of [1, 2, 3]) {
      const session = createSession({ fastPath: true });
      session.handle({
        type: 'configure',
        id: 1,
        config: configWith({
          seed,
          dataset: 'spiral',
          hidden: [
            [8, 'relu'],
            [8, 'relu'],
          ],
          training: { optimizer: 'adam', learningRate: 0.01 },
        }),
      });
      let reached: number | null = null;
      for (let epoch = 0; epoch < 2000 && reached === null; epoch += 10) {
        session.train(10, () => 0, forever);
        const m = session.snapshot().metrics;
        if ((m.testAccuracy ?? 0) >= 0.9) reached = m.epoch;
      }
      expect(reached, `seed ${seed}`).not.toBeNull();
    }
  });

  it('training with the cheaper tanh ends within 1 % of the loss with Math.tanh', () => {
    for (const dataset of ['circle', 'spiral', 'xor'] as const) {
      const loss = (exactTanh: boolean): number => {
        const session = createSession({ exactTanh });
        session.handle({ type: 'configure', id: 1, config: configWith({ dataset }) });
        session.train(300, () => 0, forever);
        return session.snapshot().metrics.trainLoss;
      };
      const exact = loss(true);
      expect(Math.abs(loss(false) - exact) / exact, dataset).toBeLessThan(0.01);
    }
  });

  it('a linear network cannot learn the circle, and one hidden ReLU layer can', () => {
    const accuracy = (activation: 'identity' | 'relu'): number => {
      const session = createSession({ fastPath: true });
      session.handle({
        type: 'configure',
        id: 1,
        config: configWith({
          hidden: [
            [4, activation],
            [4, activation],
          ],
        }),
      });
      session.train(300, () => 0, forever);
      return session.snapshot().metrics.testAccuracy ?? 0;
    };
    expect(accuracy('identity')).toBeLessThan(0.75);
    expect(accuracy('relu')).toBeGreaterThan(0.95);
  });
});
