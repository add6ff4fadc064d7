/**
 * Project files in the browser host: reading a file the learner chose (size checked
 * before reading) and saving by download, which every browser can do; where the browser has
 * the system's file dialogs, fileAccess.ts opens and saves through them instead. The same core
 * code decides what is valid.
 */
import { MAX_PROJECT_BYTES, tooLargeMessage, type ParseResult } from '../../core/project';
import { parseOffThread } from './parseOffThread';

/** Reads and checks a chosen file (a big one in a worker); never throws. */
export async function readChosenFile(file: Blob): Promise<ParseResult> {
  const fileName = typeof (file as File).name === 'string' ? (file as File).name : undefined;
  if (file.size > MAX_PROJECT_BYTES) return { ok: false, message: tooLargeMessage(file.size, fileName) };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: 'The browser could not read that file. It may have been moved or deleted; choose it again.' };
  }
  return parseOffThread(text, { fileName });
}

/** Offers the text as a download named `fileName`. */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
