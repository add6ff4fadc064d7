/** What the builder for many inputs says and offers for each table data set. */
import { LIMITS, type TableDatasetName } from '../../../core/config';
import { TABLE_INFO } from '../../../core/tabular/info';

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
