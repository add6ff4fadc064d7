/** Valid projects for the tests, with parameters from a seeded generator (no Math.random). */
import { defaultConfig, type LabConfig } from '../../../core/config';
import { createProject, momentCount, paramCount, type Project } from '../../../core/project';

/** A small seeded generator (mulberry32) giving doubles in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleConfig(): LabConfig {
  const config = defaultConfig();
  config.data.dataset = 'spiral';
  config.data.noise = 10;
  config.features = ['x1', 'x2', 'x1Squared', 'sinX1'];
  config.network.hidden = [
    { size: 6, activation: 'relu' },
    { size: 3, activation: 'tanh' },
  ];
  config.training.optimizer = 'adam';
  config.seed = 42;
  return config;
}

export function sampleProject(config: LabConfig = sampleConfig(), seed = 7): Project {
  const random = seeded(seed);
  const count = paramCount(config);
  const values = () => Array.from({ length: count }, () => (random() - 0.5) * 3.7);
  const history = Array.from({ length: 50 }, (_, i) => ({
    epoch: i * 10,
    trainLoss: 0.5 / (i + 1) + random() * 1e-3,
    testLoss: 0.6 / (i + 1),
    trainAccuracy: Math.min(1, 0.5 + i / 100),
    testAccuracy: Math.min(1, 0.45 + i / 100),
  }));
  return createProject({
    name: 'spiral',
    config,
    state: {
      epoch: 490,
      params: values(),
      optimizer: Array.from({ length: momentCount(config.training.optimizer) }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
      step: config.training.optimizer === 'adam' ? 12345 : 0,
    },
    history,
    lessons: { 'why-activations': { stepsDone: [0, 1, 3], completed: false } },
    view: { area: 'lab', showTestData: true, discretize: false, layerSpaceLayer: 1 },
    savedAt: new Date(Date.UTC(2026, 10, 28, 20, 46, 29)),
  });
}
