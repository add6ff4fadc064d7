/**
 * What is known about the table data sets without loading them: how many input columns and
 * classes each has and what to call them. The engine sizes networks from this, so a config
 * can be checked and drawn before the digit images have arrived.
 */
import { TABLE_DATASET_NAMES, type DatasetName, type TableDatasetName } from '../config';

export interface TableInfo {
  label: string;
  /** Number of inputs per row. */
  columns: number;
  classes: number;
  columnLabels: readonly string[];
  classLabels: readonly string[];
}

/** Side of a digit image in pixels. */
export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;

const DIGIT_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export const TABLE_INFO: Record<TableDatasetName, TableInfo> = {
  iris: {
    label: 'Iris flowers',
    columns: 4,
    classes: 3,
    columnLabels: ['Sepal length', 'Sepal width', 'Petal length', 'Petal width'],
    classLabels: ['Setosa', 'Versicolor', 'Virginica'],
  },
  digits: {
    label: 'Handwritten digits',
    columns: DIGIT_PIXELS,
    classes: 10,
    columnLabels: Array.from(
      { length: DIGIT_PIXELS },
      (_, i) => `Pixel row ${Math.floor(i / DIGIT_SIDE) + 1}, column ${(i % DIGIT_SIDE) + 1}`,
    ),
    classLabels: DIGIT_NAMES,
  },
};

export function isTableDataset(name: DatasetName | unknown): name is TableDatasetName {
  return typeof name === 'string' && (TABLE_DATASET_NAMES as readonly string[]).includes(name);
}
