import { describe, expect, it } from 'vitest';
import { defaultConfig, type LabConfig } from '../../../core/config';
import { createModel, trainEpoch } from '../../../core/engine/model';
import { networkShape } from '../../../core/engine/shape';
import { presetKnots } from '../../../core/engine/drawn';
import { historyCsv, HISTORY_CSV_HEADER } from '../../../core/exchange/csv-write';
import { networkJson, networkJsonText, NETWORK_JSON_FORMAT } from '../../../core/exchange/network-json';
import { pytorchScript } from '../../../core/exchange/pytorch';
import { base64, exact, fileStem, real } from '../../../core/exchange/text';
import { irisConfig } from '../../../core/tabular/presets';
import type { HistoryPoint } from '../../../core/protocol';

function trained(config: LabConfig, epochs = 2): Float64Array {
  const model = createModel(config);
  for (let e = 0; e < epochs; e++) trainEpoch(model);
  return Float64Array.from(model.params);
}

describe('exact numbers and base64', () => {
  it('writes numbers that read back to the same bits, as Python floats where asked', () => {
    for (const x of [0.1 + 0.2, -1e-300, 123456789.123, 5e-324, 1.7976931348623157e308, -0]) {
      expect(Number(exact(x))).toBe(x);
    }
    expect(real(3)).toBe('3.0');
    expect(real(-0)).toBe('-0.0');
    expect(real(1e21)).toBe('1e+21');
    expect(real(NaN)).toBe('float("nan")');
  });

  it('encodes base64 as the standard does, padding included', () => {
    const text = (s: string) => base64(Array.from(s, (c) => c.charCodeAt(0)));
    expect(text('')).toBe('');
    expect(text('f')).toBe('Zg==');
    expect(text('fo')).toBe('Zm8=');
    expect(text('foo')).toBe('Zm9v');
    expect(text('foobar')).toBe('Zm9vYmFy');
    expect(base64([255, 254, 0, 1])).toBe('//4AAQ==');
  });

  it('makes file names of letters, digits and dashes', () => {
    expect(fileStem('Spiral — 2 → 8 ReLU!')).toBe('spiral-2-8-relu');
    expect(fileStem('…')).toBe('network');
  });
});

describe('the loss history as CSV', () => {
  it('writes one row per history point, with empty accuracies for regression, that parse back equal', () => {
    const history: HistoryPoint[] = [
      { epoch: 0, trainLoss: 0.5123456789012345, testLoss: 0.6, trainAccuracy: 0.5, testAccuracy: 0.48 },
      { epoch: 10, trainLoss: 0.1 + 0.2, testLoss: 1e-9, trainAccuracy: null, testAccuracy: null },
    ];
    const text = historyCsv(history);
    const [header, ...rows] = text.trimEnd().split('\n');
    expect(header).toBe(HISTORY_CSV_HEADER);
    const back = rows.map((r) => r.split(',').map((c) => (c === '' ? null : Number(c))));
    expect(back).toEqual(history.map((h) => [h.epoch, h.trainLoss, h.testLoss, h.trainAccuracy, h.testAccuracy]));
    expect(historyCsv([])).toBe(`${HISTORY_CSV_HEADER}\n`);
  });
});

describe('the network as JSON', () => {
  it('holds every weight and bias at its place, exactly, and the architecture', () => {
    const config = defaultConfig();
    config.features = ['x1', 'x2', 'x1x2'];
    config.network.hidden = [
      { size: 3, activation: 'drawn' },
      { size: 2, activation: 'relu' },
    ];
    config.network.drawn = presetKnots('absolute');
    const params = trained(config);
    const text = networkJsonText({ config, params, epoch: 2 });
    const json = JSON.parse(text) as ReturnType<typeof networkJson>;
    expect(json.format).toBe(NETWORK_JSON_FORMAT);
    expect(json.inputs).toEqual({ count: 3, names: ['x1', 'x2', 'x1x2'], features: ['x1', 'x2', 'x1x2'] });
    expect(json.layers.map((l) => [l.inputs, l.size, l.activation])).toEqual([
      [3, 3, 'drawn'],
      [3, 2, 'relu'],
      [2, 1, 'tanh'],
    ]);
    expect(json.drawn).toEqual(presetKnots('absolute'));
    const shape = networkShape(config);
    json.layers.forEach((layer, l) => {
      layer.weights.forEach((row, to) => row.forEach((w, from) => expect(w).toBe(params[shape.weightIndex(l, to, from)])));
      layer.biases.forEach((b, j) => expect(b).toBe(params[shape.biasIndex(l, j)]));
    });
    // A row of numbers stays on one line.
    expect(text).toMatch(/"biases": \[-?[\d.e-]+, -?[\d.e-]+, -?[\d.e-]+\]/);
  });

  it('names a table set’s columns, and refuses parameters of another network', () => {
    const config = irisConfig();
    const json = networkJson({ config, params: trained(config, 1), epoch: 1 });
    expect(json.inputs.names).toEqual(['Sepal length', 'Sepal width', 'Petal length', 'Petal width']);
    expect(json.inputs.features).toBeNull();
    expect(json.data).toEqual({ dataset: 'iris', label: 'Iris flowers', problem: 'classification', classes: 3 });
    expect(() => networkJson({ config, params: new Float64Array(3), epoch: 0 })).toThrow(/parameters but 3 were given/);
  });
});

describe('the PyTorch script', () => {
  it('contains every weight exactly, the features, the network and only the activations it uses', () => {
    const config = defaultConfig();
    config.features = ['x1', 'x2', 'x1Squared', 'cosX2'];
    config.network.hidden = [
      { size: 3, activation: 'sin' },
      { size: 2, activation: 'leakyRelu' },
    ];
    const params = trained(config);
    const script = pytorchScript({
      config,
      params,
      epoch: 2,
      metrics: { epoch: 2, trainLoss: 0.25, testLoss: 0.5, trainAccuracy: 1, testAccuracy: null },
    });
    for (const p of params) expect(script).toContain(real(p));
    expect(script).toContain('return torch.stack([x1, x2, x1 * x1, torch.cos(x2)], dim=1)');
    expect(script).toContain('nn.Linear(4, 3), Sine(),');
    expect(script).toContain('nn.Linear(3, 2), nn.LeakyReLU(0.01),');
    expect(script).toContain('nn.Linear(2, 1),');
    expect(script).toContain('class Sine(nn.Module):');
    expect(script).not.toContain('class Cosine');
    expect(script).not.toContain('class Drawn');
    expect(script).toContain('return 0.5 * ((y - t) ** 2).sum(dim=1)');
    expect(script).toContain('LOW_TARGET = -1.0');
    expect(script).toContain('APP_METRICS = {"epoch":2,"trainLoss":0.25,"testLoss":0.5,"trainAccuracy":1,"testAccuracy":None}');
    // Every generated point is embedded, in training order.
    const model = createModel(config);
    expect(script).toContain(`(${real(model.data.train[0].x1)}, ${real(model.data.train[0].x2)}, ${real(model.data.train[0].label)}),`);
    expect(script.match(/^ {4}\(-?[\d.e-]+, -?[\d.e-]+, -?[\d.]+\),$/gm)).toHaveLength(model.data.train.length + model.data.test.length);
  });

  it('writes the drawn activation with its knots, and cross-entropy on a tanh output through sigmoid(2z)', () => {
    const config = defaultConfig();
    config.network.hidden = [{ size: 2, activation: 'drawn' }];
    config.network.drawn = presetKnots('stepLike');
    config.training.loss = 'binaryCrossEntropy';
    const script = pytorchScript({ config, params: trained(config, 0), epoch: 0 });
    expect(script).toContain('KNOTS = [(-3.0, -1.0), (-2.0, -1.0), (-0.5, -1.0), (0.0, 0.0), (0.5, 1.0), (2.0, 1.0), (3.0, 1.0)]');
    expect(script).toContain('nn.Linear(2, 2), Drawn(KNOTS),');
    expect(script).toContain('s = 2 * z');
    expect(script).toContain('LOW_TARGET = 0.0');
    expect(script).toContain('MOMENTS = []');
  });
});
