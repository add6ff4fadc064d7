/**
 * parseProject, run in a Web Worker for big files so that opening or restoring a digits
 * network does not stall the page. Small files (every 2-D project) are read at once, and
 * where no worker can run (tests under Node, a worker that failed) the page reads the file
 * itself: the answer is the same either way.
 */
import { parseProject, type ParseResult } from '../../core/project';

/** Below this many characters parsing takes a few milliseconds: not worth a worker. */
export const OFF_THREAD_CHARS = 256 * 1024;

type Reply = { id: number; result: ParseResult };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (result: ParseResult) => void>();

function startWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    // Vite bundles the worker only when it sees this exact `new Worker(new URL(...))` form.
    worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  worker.onmessage = (message: MessageEvent<Reply>) => {
    waiting.get(message.data.id)?.(message.data.result);
    waiting.delete(message.data.id);
  };
  worker.onerror = () => {
    // The worker could not start or broke: whatever it was asked is read in the page instead.
    worker?.terminate();
    worker = null;
    for (const finish of waiting.values()) finish({ ok: false, message: '' });
    waiting.clear();
  };
  return worker;
}

/** Reads and checks project file text; never throws. */
export function parseOffThread(text: string): Promise<ParseResult> {
  const reader = text.length >= OFF_THREAD_CHARS ? startWorker() : null;
  if (!reader) return Promise.resolve(parseProject(text));
  const id = nextId++;
  return new Promise<ParseResult>((resolve) => {
    waiting.set(id, (result) => resolve(result.ok || result.message ? result : parseProject(text)));
    reader.postMessage({ id, text });
  });
}
