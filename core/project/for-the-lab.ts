/**
 * The Lab shows networks over 2-D data. A project that holds a table network (digits, iris)
 * belongs to the Digits area; both the page and the main process refuse it for the Lab with
 * the same words, so nothing (title, recent list) ever names a file that did not open.
 */
import { TABLE_INFO, isTableDataset } from '../tabular/info';
import type { ParseResult } from './types';

export function forTheLab<T extends ParseResult>(result: T): T | { ok: false; message: string; missing?: undefined } {
  if (!result.ok || !isTableDataset(result.project.config.data.dataset)) return result;
  const label = TABLE_INFO[result.project.config.data.dataset].label.toLowerCase();
  return {
    ok: false,
    message: `This project holds a network for the ${label}, which the Lab cannot show. Open it in the Digits area with "Open network…".`,
  };
}
