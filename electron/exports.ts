/**
 * Saving an exported file (core/ipc.ts 'file:export'): ask where with a save dialog that
 * offers the export's own kind, then write it. The dialog and the disk are passed in, so
 * tests run this without Electron; main.ts passes Electron's dialog and fs.
 */
import path from 'node:path';
import type { ActionResult, ExportFile, ExportKind } from '../core/ipc';

/** The save dialog's filter for each kind of export. */
export const EXPORT_FILTERS: Record<ExportKind, { name: string; extensions: string[] }> = {
  png: { name: 'PNG pictures', extensions: ['png'] },
  csv: { name: 'CSV tables', extensions: ['csv'] },
  json: { name: 'JSON files', extensions: ['json'] },
  py: { name: 'Python scripts', extensions: ['py'] },
};

export interface ExportDeps {
  /** Shows a save dialog; the chosen path, or null when cancelled. */
  chooseSave(options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  /** Where the first dialog opens (the user's documents folder). */
  startFolder(): string;
}

export function createExportSaver(deps: ExportDeps): (file: ExportFile) => Promise<ActionResult> {
  let lastFolder: string | null = null;
  return async (file) => {
    const folder = lastFolder ?? deps.startFolder();
    const chosen = await deps.chooseSave({
      title: 'Export',
      defaultPath: path.join(folder, file.name),
      filters: [EXPORT_FILTERS[file.kind]],
    });
    if (chosen === null) return { ok: false, message: '' };
    lastFolder = path.dirname(chosen);
    try {
      await deps.writeFile(chosen, file.data);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `${path.basename(chosen)} could not be saved (${reason}). Choose another folder and try again.` };
    }
    return { ok: true, message: `Saved ${path.basename(chosen)}.` };
  };
}
