/** Starting configurations for the table data sets. */
import { defaultConfig, type LabConfig, type LayerSpec } from '../config';

/** Digits: all 10,000 images split 8,000 / 2,000, softmax over ten classes, Adam. */
export function digitsConfig(hidden: LayerSpec[] = [{ size: 64, activation: 'relu' }], seed = 1): LabConfig {
  const base = defaultConfig();
  return {
    ...base,
    data: { ...base.data, dataset: 'digits', size: 10000, trainRatio: 0.8, noise: 0 },
    network: { hidden, outputActivation: 'softmax' },
    training: { ...base.training, loss: 'softmaxCrossEntropy', optimizer: 'adam', learningRate: 0.001, batchSize: 32, initializer: 'he' },
    seed,
  };
}

/** Iris: 150 flowers split 70 / 30 %, one small hidden layer, softmax over three species. */
export function irisConfig(hidden: LayerSpec[] = [{ size: 8, activation: 'tanh' }], seed = 1): LabConfig {
  const base = defaultConfig();
  return {
    ...base,
    data: { ...base.data, dataset: 'iris', size: 150, trainRatio: 0.7, noise: 0 },
    network: { hidden, outputActivation: 'softmax' },
    training: {
      ...base.training,
      loss: 'softmaxCrossEntropy',
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 10,
      initializer: 'glorot',
    },
    seed,
  };
}
