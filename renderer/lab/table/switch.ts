/**
 * Moving the Lab between 2-D data, the curve sets and the table sets. Each kind of data has its own kind of
 * network (two inputs and a few small layers; one input x; 784 pixels and wide layers), so switching
 * kinds does not carry the network over: it brings back the network last used with that
 * kind of data, or its usual starting one.
 */
import { defaultConfig, type DatasetName, type LabConfig, type TableDatasetName } from '../../../core/config';
import { isCurveDataset } from '../../../core/engine';
import { isTableDataset } from '../../../core/tabular/info';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { setDataset } from '../edit';

/** 'plane' for the 2-D sets (and the learner's own points), 'curve' for the curve sets, else the table set's name. */
export type DataKind = 'plane' | 'curve' | TableDatasetName;

export function kindOf(config: LabConfig): DataKind {
  const dataset = config.data.dataset;
  return isTableDataset(dataset) ? dataset : isCurveDataset(dataset) ? 'curve' : 'plane';
}

/** The usual first network for a table set. */
export function startingConfig(dataset: TableDatasetName): LabConfig {
  return dataset === 'digits' ? digitsConfig() : irisConfig();
}

/**
 * The usual first network for curve fitting: one hidden layer of eight ReLUs into a linear
 * output, so "Show each neuron" draws eight hinges that add up to the curve.
 */
export function curveStartingConfig(): LabConfig {
  const config = defaultConfig();
  config.data = { ...config.data, dataset: 'sine', problem: 'regression', size: 200, trainRatio: 0.7, points: [] };
  config.network = { hidden: [{ size: 8, activation: 'relu' }], outputActivation: 'identity' };
  config.training = { ...config.training, learningRate: 0.03, batchSize: 10, loss: 'halfSquared' };
  return config;
}

export class DataMemory {
  private readonly last = new Map<DataKind, LabConfig>();

  /** Keeps `config` as the one to come back to for its kind of data. */
  remember(config: LabConfig): void {
    this.last.set(kindOf(config), structuredClone(config));
  }

  /** The configuration for showing `dataset`, starting from `current`. */
  configFor(dataset: DatasetName, current: LabConfig): LabConfig {
    if (isTableDataset(dataset)) {
      if (kindOf(current) === dataset) return structuredClone(current);
      return structuredClone(this.last.get(dataset) ?? startingConfig(dataset));
    }
    const kind: DataKind = isCurveDataset(dataset) ? 'curve' : 'plane';
    const base = kindOf(current) === kind ? current : (this.last.get(kind) ?? (kind === 'curve' ? curveStartingConfig() : defaultConfig()));
    return setDataset(base, dataset);
  }
}
