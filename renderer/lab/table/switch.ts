/**
 * Moving the Lab between 2-D data and the table sets. Each kind of data has its own kind of
 * network (two inputs and a few small layers; 784 pixels and wide layers), so switching
 * kinds does not carry the network over: it brings back the network last used with that
 * kind of data, or its usual starting one.
 */
import { defaultConfig, type DatasetName, type LabConfig, type TableDatasetName } from '../../../core/config';
import { isTableDataset } from '../../../core/tabular/info';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { setDataset } from '../edit';

/** 'plane' for the 2-D sets (and the learner's own points), else the table set's name. */
export type DataKind = 'plane' | TableDatasetName;

export function kindOf(config: LabConfig): DataKind {
  const dataset = config.data.dataset;
  return isTableDataset(dataset) ? dataset : 'plane';
}

/** The usual first network for a table set. */
export function startingConfig(dataset: TableDatasetName): LabConfig {
  return dataset === 'digits' ? digitsConfig() : irisConfig();
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
    const base = kindOf(current) === 'plane' ? current : (this.last.get('plane') ?? defaultConfig());
    return setDataset(base, dataset);
  }
}
