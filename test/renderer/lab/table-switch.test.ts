import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, LIMITS } from '../../../core/config';
import { checkConfig } from '../../../core/engine/validate';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { registerTable } from '../../../core/tabular/table';
import { digitsTable } from '../../../core/tabular/digits';
import { TABLE_BUILDER } from '../../../renderer/lab/table/builder';
import { DataMemory, kindOf, startingConfig } from '../../../renderer/lab/table/switch';
import { tableTestSet, tableTestSetInSlices, testSetKey } from '../../../renderer/lab/table/testSet';
import { splitRows } from '../../../core/engine/table-split';
import { digitSlice } from '../../core/tabular/slice';

const slice = digitSlice(20);
// The engine checks digits networks against the loaded table.
beforeAll(() => registerTable(digitsTable(slice)));

describe('switching the Lab between kinds of data', () => {
  it('tells 2-D data from the table sets', () => {
    expect(kindOf(defaultConfig())).toBe('plane');
    expect(kindOf({ ...defaultConfig(), data: { ...defaultConfig().data, dataset: 'custom' } })).toBe('plane');
    expect(kindOf(digitsConfig())).toBe('digits');
    expect(kindOf(irisConfig())).toBe('iris');
  });

  it('picking digits from 2-D data builds the usual digits network: 784 inputs, softmax over ten', () => {
    const next = new DataMemory().configFor('digits', defaultConfig());
    expect(next).toEqual(digitsConfig());
    expect(next.network.outputActivation).toBe('softmax');
    expect(next.training.loss).toBe('softmaxCrossEntropy');
    expect(startingConfig('iris')).toEqual(irisConfig());
  });

  it('within 2-D data only the data set changes; the network stays', () => {
    const current = defaultConfig();
    current.network.hidden = [{ size: 7, activation: 'relu' }];
    const next = new DataMemory().configFor('spiral', current);
    expect(next.data.dataset).toBe('spiral');
    expect(next.network.hidden).toEqual([{ size: 7, activation: 'relu' }]);
  });

  it('going back to 2-D data brings back the small network, never a 64-neuron one the engine would refuse', () => {
    const memory = new DataMemory();
    const plane = defaultConfig();
    plane.network.hidden = [{ size: 5, activation: 'sigmoid' }];
    plane.training.learningRate = 0.1;
    memory.remember(plane);
    const digits = memory.configFor('digits', plane);
    const back = memory.configFor('moons', digits);
    expect(back.data.dataset).toBe('moons');
    expect(back.network.hidden).toEqual([{ size: 5, activation: 'sigmoid' }]);
    expect(back.training.learningRate).toBe(0.1);
    expect(checkConfig(back)).toBeNull();
    // Without anything remembered, the Lab's own defaults.
    const fresh = new DataMemory().configFor('xor', digitsConfig());
    expect(fresh.network.hidden).toEqual(defaultConfig().network.hidden);
    expect(checkConfig(fresh)).toBeNull();
  });

  it('brings back the digits network last built, and keeps it when digits are picked again', () => {
    const memory = new DataMemory();
    const built = digitsConfig(
      [
        { size: 128, activation: 'tanh' },
        { size: 32, activation: 'relu' },
      ],
      4,
    );
    memory.remember(built);
    expect(memory.configFor('digits', defaultConfig())).toEqual(built);
    expect(memory.configFor('digits', built)).toEqual(built);
    // Iris has its own memory.
    expect(memory.configFor('iris', built)).toEqual(irisConfig());
  });

  it('remembers a copy, so later edits of the live config do not leak in', () => {
    const memory = new DataMemory();
    const built = digitsConfig();
    memory.remember(built);
    built.network.hidden[0].size = 8;
    expect(memory.configFor('digits', defaultConfig()).network.hidden[0].size).toBe(64);
  });
});

describe('the builder for many inputs', () => {
  it('offers only layer sizes and depths the engine accepts for each table set', () => {
    for (const [dataset, info] of Object.entries(TABLE_BUILDER)) {
      const base = dataset === 'digits' ? digitsConfig() : irisConfig();
      expect(Math.max(...info.sizes)).toBeLessThanOrEqual(LIMITS.maxTableNeurons);
      expect(info.maxLayers).toBeLessThanOrEqual(LIMITS.maxHiddenLayers);
      expect(info.sizes).toContain(info.newLayerSize);
      const widest = Array.from({ length: info.maxLayers }, () => ({ size: Math.max(...info.sizes), activation: 'relu' as const }));
      expect(checkConfig({ ...base, network: { ...base.network, hidden: widest } })).toBeNull();
      expect(checkConfig({ ...base, network: { ...base.network, hidden: [] } })).toBeNull();
    }
    expect(TABLE_BUILDER.digits.inputs).toMatch(/^784 pixel inputs/);
    expect(TABLE_BUILDER.digits.outputs).toMatch(/^10 outputs, softmax/);
    expect(TABLE_BUILDER.iris.inputs).toMatch(/^4 measurements/);
    expect(TABLE_BUILDER.iris.outputs).toMatch(/^3 outputs, softmax/);
  });
});

describe('the test set kept in the page', () => {
  it('is the engine\u2019s own split of the table, as network inputs', () => {
    const set = slice;
    const config = digitsConfig(undefined, 3);
    config.data.size = 200;
    const test = tableTestSet(config);
    expect(test).not.toBeNull();
    const expected = splitRows(200, config.data.trainRatio, 3).test;
    expect(Array.from(test!.rows)).toEqual(Array.from(expected));
    expect(test!.x.length).toBe(expected.length * 784);
    expect(Array.from(test!.labels)).toEqual(Array.from(expected, (r) => set.labels[r]));
    const row = expected[0];
    for (let i = 0; i < 784; i++) expect(test!.x[i]).toBeCloseTo(set.pixels[row * 784 + i] / 255, 12);
    // Another seed, another split.
    expect(Array.from(tableTestSet({ ...config, seed: 4 })!.rows)).not.toEqual(Array.from(expected));
  });

  it('gathered slice by slice, is the same set; and only the data spec and seed decide it', async () => {
    const config = digitsConfig(undefined, 3);
    config.data.size = 200;
    const whole = tableTestSet(config)!;
    const sliced = (await tableTestSetInSlices(config, 7))!;
    expect(Array.from(sliced.rows)).toEqual(Array.from(whole.rows));
    expect(sliced.x).toEqual(whole.x);
    expect(sliced.labels).toEqual(whole.labels);
    expect(await tableTestSetInSlices(defaultConfig())).toBeNull();
    const other = { ...config, training: { ...config.training, learningRate: 0.5 }, network: { ...config.network, hidden: [] } };
    expect(testSetKey(other)).toBe(testSetKey(config));
    expect(testSetKey({ ...config, seed: 4 })).not.toBe(testSetKey(config));
    expect(testSetKey({ ...config, data: { ...config.data, size: 100 } })).not.toBe(testSetKey(config));
    expect(testSetKey({ ...config, data: { ...config.data, trainRatio: 0.5 } })).not.toBe(testSetKey(config));
  });

  it('is null for 2-D data', () => {
    expect(tableTestSet(defaultConfig())).toBeNull();
  });

  it('covers Iris too: 45 of 150 flowers', () => {
    const test = tableTestSet(irisConfig());
    expect(test?.labels.length).toBe(45);
    expect(test?.x.length).toBe(45 * 4);
  });
});
