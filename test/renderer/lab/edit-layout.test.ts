import { describe, expect, it } from 'vitest';
import { defaultConfig, LIMITS } from '../../../core/config';
import { networkShape } from '../../../core/engine';
import {
  addLayer,
  harmonize,
  lossChoices,
  outputChoices,
  removeLayer,
  setActivation,
  setAllActivations,
  setDataset,
  setNeurons,
  setOutputActivation,
  setProblem,
  toggleFeature,
} from '../../../renderer/lab/edit';
import { BIAS_STRIDE, LINK_STRIDE, describeParameter, diagramLayout, fittingGap, hitParameter } from '../../../renderer/lab/layout';

describe('configuration edits', () => {
  it('never change the configuration they are given', () => {
    const config = defaultConfig();
    const copy = structuredClone(config);
    addLayer(config);
    setNeurons(config, 0, 9);
    setAllActivations(config, 'relu');
    toggleFeature(config, 'x1Squared');
    setDataset(config, 'plane');
    expect(config).toEqual(copy);
  });

  it('add and remove hidden layers within 0 to 8', () => {
    let config = defaultConfig();
    for (let i = 0; i < 20; i++) config = addLayer(config);
    expect(config.network.hidden).toHaveLength(LIMITS.maxHiddenLayers);
    expect(config.network.hidden[7]).toEqual({ size: 2, activation: 'tanh' });
    for (let i = 0; i < 20; i++) config = removeLayer(config);
    expect(config.network.hidden).toHaveLength(0);
    expect(addLayer(config).network.hidden).toEqual([{ size: 4, activation: 'tanh' }]);
  });

  it('keep neurons per layer within 1 to 16 and set activations per layer or for all', () => {
    const config = defaultConfig();
    expect(setNeurons(config, 0, 40).network.hidden[0].size).toBe(LIMITS.maxNeuronsPerLayer);
    expect(setNeurons(config, 1, 0).network.hidden[1].size).toBe(1);
    expect(setActivation(config, 1, 'relu').network.hidden.map((h) => h.activation)).toEqual(['tanh', 'relu']);
    expect(setAllActivations(config, 'sin').network.hidden.map((h) => h.activation)).toEqual(['sin', 'sin']);
  });

  it('toggle input features but keep at least one', () => {
    const config = defaultConfig();
    expect(toggleFeature(config, 'sinX1').features).toEqual(['x1', 'x2', 'sinX1']);
    const one = toggleFeature(config, 'x1');
    expect(one.features).toEqual(['x2']);
    expect(toggleFeature(one, 'x2').features).toEqual(['x2']);
  });

  it('make the output activation and loss follow the problem type', () => {
    const plane = setDataset(defaultConfig(), 'plane');
    expect(plane.network.outputActivation).toBe('identity');
    expect(plane.training.loss).toBe('halfSquared');
    const three = setDataset(defaultConfig(), 'spiral3');
    expect(three.network.outputActivation).toBe('softmax');
    expect(three.training.loss).toBe('softmaxCrossEntropy');
    const back = setDataset(three, 'circle');
    expect(back.network.outputActivation).toBe('tanh');
    expect(back.training.loss).toBe('halfSquared');
    const sigmoid = setOutputActivation(defaultConfig(), 'sigmoid');
    expect(lossChoices('sigmoid')).toContain(sigmoid.training.loss);
    // A choice that already fits is kept.
    expect(setDataset(sigmoid, 'xor').network.outputActivation).toBe('sigmoid');
    expect(outputChoices('regression', 1)).not.toContain('softmax');
    expect(harmonize(defaultConfig())).toEqual(defaultConfig());
  });

  it('turn own points into regression targets and back', () => {
    const config = setDataset(defaultConfig(), 'custom');
    config.data.points = [
      { x1: 0, x2: 0, label: 0 },
      { x1: 1, x2: 1, label: 1 },
    ];
    const regression = setProblem(config, 'regression');
    expect(regression.data.points.map((p) => p.label)).toEqual([-1, 1]);
    expect(regression.network.outputActivation).toBe('identity');
    const classes = setProblem(regression, 'classification');
    expect(classes.data.points.map((p) => p.label)).toEqual([0, 1]);
    expect(classes.network.outputActivation).toBe('tanh');
  });
});

describe('network diagram layout', () => {
  const config = defaultConfig(); // 2 → 4 → 2 → 1
  const shape = networkShape(config);
  const layout = diagramLayout(shape, config.features);

  it('has one link per weight and one bias marker per neuron, each naming its parameter', () => {
    expect(layout.links.length / LINK_STRIDE).toBe(2 * 4 + 4 * 2 + 2 * 1);
    expect(layout.biases.length / BIAS_STRIDE).toBe(4 + 2 + 1);
    const indices = new Set<number>();
    for (let i = 4; i < layout.links.length; i += LINK_STRIDE) indices.add(layout.links[i]);
    for (let i = 2; i < layout.biases.length; i += BIAS_STRIDE) indices.add(layout.biases[i]);
    expect(indices.size).toBe(shape.paramCount);
  });

  it('finds the link or bias under the pointer', () => {
    // Midpoint of the first link (x1 → layer 1, neuron 1).
    const [x1, y1, x2, y2, index] = layout.links.slice(0, LINK_STRIDE);
    expect(hitParameter(layout, (x1 + x2) / 2, (y1 + y2) / 2)).toBe(index);
    expect(index).toBe(shape.weightIndex(0, 0, 0));
    const [bx, by, bias] = layout.biases.slice(layout.biases.length - BIAS_STRIDE);
    expect(hitParameter(layout, bx + 1, by - 1)).toBe(bias);
    expect(bias).toBe(shape.biasIndex(2, 0));
    expect(hitParameter(layout, -50, -50)).toBe(-1);
  });

  it('describes parameters in plain words', () => {
    const labels = ['x₁', 'x₂'];
    expect(describeParameter(shape, labels, shape.weightIndex(0, 1, 1))).toBe('weight from x₂ to layer 1, neuron 2');
    expect(describeParameter(shape, labels, shape.weightIndex(2, 0, 1))).toBe('weight from layer 2, neuron 2 to the output');
    expect(describeParameter(shape, labels, shape.biasIndex(2, 0))).toBe('bias of the output');
  });

  it('narrows the columns to fit the width, within bounds', () => {
    expect(fittingGap(2000, 3)).toBe(110);
    expect(fittingGap(300, 10)).toBe(84);
    const gap = fittingGap(1000, 8);
    const wide = diagramLayout(
      networkShape({
        ...config,
        network: { ...config.network, hidden: Array.from({ length: 6 }, () => ({ size: 8, activation: 'tanh' as const })) },
      }),
      config.features,
      gap,
    );
    expect(gap).toBeLessThan(110);
    expect(wide.width).toBeLessThanOrEqual(1000);
  });
});
