/**
 * The One example instrument through the real engine worker (worker_threads) and its host:
 * the trace of the next example and the one-example step reach the page, typed arrays intact.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { presetKnots } from '../../core/engine/drawn';
import { createModel } from '../../core/engine/model';
import { traceExample, trainExample } from '../../core/engine/trace';
import { rigsForThisFile, snapshots, until } from './real-worker';

const rig = rigsForThisFile();

describe('one example through the real worker', () => {
  it("traces the next example, then trains on it alone, with the numbers of core's own functions", async () => {
    const { host, events } = rig();
    const config = defaultConfig();
    config.data.dataset = 'sine';
    config.data.problem = 'regression';
    config.network = { hidden: [{ size: 6, activation: 'drawn' }], outputActivation: 'identity', drawn: presetKnots('absolute') };
    host.send({ type: 'configure', id: 1, config });
    await until(() => snapshots(events).length > 0, 'the first snapshot');
    host.send({ type: 'trace-example', id: 2 });
    host.send({ type: 'step', id: 3, unit: 'example' });
    host.send({ type: 'trace-example', id: 4 });
    await until(
      () => events.filter((e) => e.type === 'trace').length === 2 && events.some((e) => e.type === 'example-step'),
      'the traces and the step',
    );
    const reference = createModel(config, { fastPath: true });
    const first = traceExample(reference, 0);
    const step = trainExample(reference);
    const second = traceExample(reference, 1);
    const traces = events.flatMap((e) => (e.type === 'trace' ? [e.trace] : []));
    expect(traces[0].gradient).toBeInstanceOf(Float64Array);
    expect(traces[0]).toEqual(first);
    expect(traces[1]).toEqual(second);
    const stepped = events.find((e) => e.type === 'example-step');
    expect(stepped?.type === 'example-step' && stepped.step).toEqual(step);
    expect(stepped).toMatchObject({ replyTo: 3 });
    expect(events.some((e) => e.type === 'error')).toBe(false);
  });
});
