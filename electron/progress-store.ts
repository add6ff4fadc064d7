/**
 * Lesson progress in the user-data folder, kept as the JSON text the renderer hands over
 * (the renderer owns its shape). Reading a missing file gives ""; writing is atomic.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export function createProgressStore(file: string): { load(): Promise<string>; save(json: string): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      try {
        return await fs.readFile(file, 'utf8');
      } catch {
        return '';
      }
    },
    save(json: string) {
      // Saves land in the order they were asked for.
      const next = queue.then(async () => {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await fs.writeFile(temporary, json, 'utf8');
        await fs.rename(temporary, file);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
