import { describe, expect, it } from 'vitest';
import { momentCount, paramCount, parseProject } from '../../../core/project';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { asDigitsProject, digitsProjectText } from '../../../renderer/digits/digitsFile';

function work(config = digitsConfig([{ size: 16, activation: 'relu' }])) {
  const count = paramCount(config);
  const params = Array.from({ length: count }, (_, i) => Math.sin(i) / 7);
  return {
    config,
    state: { epoch: 2, params, optimizer: Array.from({ length: momentCount(config.training.optimizer) }, () => params.map((p) => p * p)), step: 500 },
    history: [
      { epoch: 0, trainLoss: 2.3, testLoss: 2.3, trainAccuracy: 0.1, testAccuracy: 0.1 },
      { epoch: 2, trainLoss: 0.3, testLoss: 0.35, trainAccuracy: 0.92, testAccuracy: 0.91 },
    ],
    savedAt: new Date(Date.UTC(2026, 10, 28, 22, 5)),
  };
}

describe('digits networks as project files', () => {
  it('saves a network that opens again in the Digits area with the same weights', () => {
    const saved = work();
    const result = asDigitsProject(parseProject(digitsProjectText(saved)));
    if (!result.ok) throw new Error(result.message);
    expect(result.project.name).toBe('digits');
    expect(result.project.config).toEqual(saved.config);
    expect(result.project.state).toEqual(saved.state);
    expect(result.project.history).toEqual(saved.history);
    expect(result.project.lessons).toEqual({});
  });

  it('refuses to save weights that do not fit the network, saying so', () => {
    const broken = work();
    broken.state.params = broken.state.params.slice(1);
    expect(() => digitsProjectText(broken)).toThrow(/The network could not be saved: .*"state.params"/);
  });

  it('opens only digits networks, and passes a damaged file\'s message through', () => {
    const iris = asDigitsProject(parseProject(digitsProjectText({ ...work(irisConfig()), history: [] })));
    expect(iris.ok ? 'opened' : iris.message).toBe('This project holds a network for the iris data, not for digits. Only digits networks open here.');
    const spiral = { ...work(digitsConfig()), history: [] };
    spiral.config = { ...spiral.config, data: { ...spiral.config.data, dataset: 'spiral', size: 500 }, network: { hidden: [], outputActivation: 'tanh' }, training: { ...spiral.config.training, loss: 'halfSquared' } };
    spiral.state = { epoch: 0, params: [0, 0, 0], optimizer: [[0, 0, 0], [0, 0, 0]], step: 0 };
    const lab = asDigitsProject(parseProject(digitsProjectText(spiral)));
    expect(lab.ok ? 'opened' : lab.message).toBe('This project holds a network for the spiral data, not for digits. Open it from the Projects area instead.');
    const damaged = asDigitsProject(parseProject('{"format":"activation-lab-project"'));
    expect(damaged.ok ? 'opened' : damaged.message).toMatch(/cut off/);
  });
});
