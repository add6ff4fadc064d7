/** CSV files the Lab writes: the loss and accuracy history, and the current data points. */
import type { DataPoint, ProblemType } from '../config';
import type { HistoryPoint } from '../protocol';
import { exact } from './text';

export const HISTORY_CSV_HEADER = 'epoch,train_loss,test_loss,train_accuracy,test_accuracy';

/** One line per history point; accuracies are shares from 0 to 1, empty for regression. */
export function historyCsv(history: readonly HistoryPoint[]): string {
  const cell = (v: number | null) => (v === null ? '' : exact(v));
  const lines = history.map((h) => [h.epoch, h.trainLoss, h.testLoss, h.trainAccuracy, h.testAccuracy].map(cell).join(','));
  return [HISTORY_CSV_HEADER, ...lines].join('\n') + '\n';
}

/** The points as x1, x2 and class (or value): the same columns the CSV import reads. */
export function pointsCsv(points: readonly DataPoint[], problem: ProblemType): string {
  const header = problem === 'regression' ? 'x1,x2,value' : 'x1,x2,class';
  return [header, ...points.map((p) => `${exact(p.x1)},${exact(p.x2)},${exact(p.label)}`)].join('\n') + '\n';
}
