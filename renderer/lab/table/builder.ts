/** What the builder for many inputs says and offers for each table data set. */
import { LIMITS, type LabConfig, type LayerSpec, type TableDatasetName } from '../../../core/config';
import { checkPassWork, MAX_PASS_WORK } from '../../../core/engine/work';
import { TABLE_INFO } from '../../../core/tabular/info';
import { tableFor } from '../../../core/tabular/table';

export interface TableBuilderInfo {
  /** The input end, in words ("784 pixel inputs"). */
  inputs: string;
  /** The output end, in words. */
  outputs: string;
  /** Layer widths offered, smallest first. */
  sizes: readonly number[];
  maxLayers: number;
  /** Width of a newly added layer. */
  newLayerSize: number;
}

/** Hidden layers a table network may have here: enough to learn digits, few enough to train live. */
export const TABLE_MAX_LAYERS = 3;

export const TABLE_BUILDER: Record<TableDatasetName, TableBuilderInfo> = {
  digits: {
    inputs: `${TABLE_INFO.digits.columns} pixel inputs (28 × 28 grey values)`,
    outputs: `${TABLE_INFO.digits.classes} outputs, softmax: one probability per digit`,
    sizes: [8, 16, 32, 64, 128, LIMITS.maxTableNeurons],
    maxLayers: TABLE_MAX_LAYERS,
    newLayerSize: 32,
  },
  iris: {
    inputs: `${TABLE_INFO.iris.columns} measurements: sepal length and width, petal length and width`,
    outputs: `${TABLE_INFO.iris.classes} outputs, softmax: one probability per species`,
    sizes: [2, 4, 8, 16, 32],
    maxLayers: TABLE_MAX_LAYERS,
    newLayerSize: 8,
  },
};

/**
 * Null when a network with these hidden layers stays within the engine's work cap
 * (core/engine/work.ts), else the sentence the engine would refuse it with. While the
 * table's data is not loaded yet nothing is refused here: the engine checks it once loaded.
 */
export function tooMuchWork(config: LabConfig, hidden: LayerSpec[]): string | null {
  const dataset = config.data.dataset;
  if ((dataset !== 'digits' && dataset !== 'iris') || tableFor(dataset) === null) return null;
  return checkPassWork({ ...config, network: { ...config.network, hidden }, data: { ...config.data, dataset } });
}

/** The builder's words for choices greyed out because they are too much work. */
export function tooMuchWorkHint(config: LabConfig): string {
  const dataset = config.data.dataset;
  const table = dataset === 'digits' || dataset === 'iris' ? tableFor(dataset) : null;
  const rows = Math.min(table?.rows ?? config.data.size, config.data.size).toLocaleString('en-US');
  return (
    `Greyed-out choices would make the network too big to train here: one pass over the ${rows} examples would need ` +
    `more than ${Math.round(MAX_PASS_WORK / 1e6)} million multiplications, and the Lab stays below that so that training ` +
    `and every button stay responsive. To use them, make another hidden layer narrower, or train on fewer examples.`
  );
}
