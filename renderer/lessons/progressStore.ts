/**
 * Loads and saves lesson progress: through `window.lab.progress` in Electron, through
 * localStorage in the browser host. Saves are chained so they land in order.
 */
import type { LabApi } from '../../core/ipc';
import { parseProgress, serializeProgress, type Progress } from './progress';

export const STORAGE_KEY = 'activation-lab.lesson-progress';

export interface ProgressBackend {
  load(): Promise<string>;
  save(json: string): Promise<void>;
}

function labApi(): LabApi | undefined {
  return (globalThis as { lab?: LabApi }).lab;
}

export function localStorageBackend(storage: Storage): ProgressBackend {
  return {
    load: async () => storage.getItem(STORAGE_KEY) ?? '',
    save: async (json) => storage.setItem(STORAGE_KEY, json),
  };
}

export function defaultBackend(): ProgressBackend {
  const lab = labApi();
  if (lab) return { load: () => lab.progress.load(), save: (json) => lab.progress.save(json) };
  return localStorageBackend(globalThis.localStorage);
}

export class ProgressSaver {
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly backend: ProgressBackend) {}

  async load(): Promise<Progress> {
    try {
      return parseProgress(await this.backend.load());
    } catch {
      return parseProgress('');
    }
  }

  save(progress: Progress): Promise<void> {
    const json = serializeProgress(progress);
    this.pending = this.pending.then(() => this.backend.save(json)).catch(() => undefined);
    return this.pending;
  }
}
