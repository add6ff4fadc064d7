/**
 * parseProject, run in a Web Worker for big files so that opening or restoring a digits
 * network does not stall the page. It takes the file's text, or its UTF-8 bytes (what the
 * desktop app's main process sends: decoding 39 MB is a long task too, so it happens in the
 * worker as well). Small files (every 2-D project) are read at once, and
 * where no worker can run (tests under Node, a worker that failed) the page reads the file
 * itself: the answer is the same either way. parseProject refuses structures far beyond a
 * project before building them; a worker that still takes too long is ended, and the file
 * refused, rather than waited on.
 */
import { startParseWorker } from '../engine/workers';
import { parseProject, type ParseOptions, type ParseResult } from '../../core/project';
import { projectText } from './projectText';

/** Below this many characters (or bytes) parsing takes a few milliseconds: not worth a worker. */
export const OFF_THREAD_CHARS = 256 * 1024;

/** The largest real project reads in a few seconds; far past that, something is wrong with the file. */
export const PARSE_TIME_LIMIT_MS = 20_000;

export const TOO_SLOW_MESSAGE =
  'Reading this file took far longer than any project takes, so Activation Lab stopped. The file is not a project it can open; ask for the file again.';

type Reply = { id: number; result: ParseResult };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (result: ParseResult) => void>();

function startWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = startParseWorker();
  } catch {
    return null;
  }
  worker.onmessage = (message: MessageEvent<Reply>) => {
    waiting.get(message.data.id)?.(message.data.result);
    waiting.delete(message.data.id);
  };
  // The worker could not start or broke: whatever it was asked is read in the page instead.
  worker.onerror = () => stopWorker({ ok: false, message: '' });
  return worker;
}

/** Ends the worker and answers everything it was asked with `result`. */
function stopWorker(result: ParseResult): void {
  worker?.terminate();
  worker = null;
  const finishing = [...waiting.values()];
  waiting.clear();
  for (const finish of finishing) finish(result);
}

export interface OffThreadOptions extends ParseOptions {
  timeLimitMs?: number;
}

/** Reads and checks project file text, or its UTF-8 bytes; never throws. */
export function parseOffThread(text: string | Uint8Array, options: OffThreadOptions = {}): Promise<ParseResult> {
  const { timeLimitMs = PARSE_TIME_LIMIT_MS, ...parseOptions } = options;
  const reader = text.length >= OFF_THREAD_CHARS ? startWorker() : null;
  if (!reader) return Promise.resolve(parseProject(projectText(text), parseOptions));
  const id = nextId++;
  return new Promise<ParseResult>((resolve) => {
    const timer = setTimeout(() => stopWorker({ ok: false, message: TOO_SLOW_MESSAGE }), timeLimitMs);
    waiting.set(id, (result) => {
      clearTimeout(timer);
      resolve(result.ok || result.message ? result : parseProject(projectText(text), parseOptions));
    });
    reader.postMessage({ id, text, fileName: parseOptions.fileName });
  });
}
