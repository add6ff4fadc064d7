/**
 * Saving an exported file in either host: through the desktop app's save dialog (window.lab,
 * core/ipc.ts 'file:export') or, in the browser, as a download.
 */
import type { ExportFile, ExportKind } from '../../../core/ipc';

const MIME: Record<ExportKind, string> = {
  png: 'image/png',
  csv: 'text/csv',
  json: 'application/json',
  py: 'text/x-python',
};

/** Offers the file as a download (the browser host). */
export function download(file: ExportFile): void {
  const part: BlobPart = typeof file.data === 'string' ? file.data : new Uint8Array(file.data);
  const url = URL.createObjectURL(new Blob([part], { type: MIME[file.kind] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves the file: the desktop app asks where (a cancel is no error), the browser downloads.
 * Resolves to a sentence for the learner, or null when there is nothing to say.
 */
export async function saveExport(file: ExportFile): Promise<{ ok: boolean; message: string }> {
  const api = window.lab;
  if (api) return api.files.saveExport(file);
  download(file);
  return { ok: true, message: `${file.name} downloaded.` };
}
