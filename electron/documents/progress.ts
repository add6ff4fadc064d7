/**
 * Lesson progress that belongs to the learner rather than to one project, kept as JSON text
 * in the user-data folder (the renderer owns its shape). Saved with the same atomic writer
 * as projects, one save after another; a missing or unreadable file reads as "".
 */
import { promises as nodeFs } from 'node:fs';
import { writeAppFile } from './files';

export interface ProgressStore {
  load(): Promise<string>;
  save(json: string): Promise<void>;
}

export function createProgressStore(file: string): ProgressStore {
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      try {
        return await nodeFs.readFile(file, 'utf8');
      } catch {
        return '';
      }
    },
    save(json) {
      const next = queue.then(() => writeAppFile(file, json));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
