/**
 * Runs project and backup parsing in a worker_threads worker (electron/project-worker.ts),
 * one worker per file, so no file can hold the main process's event loop: the main process
 * opens the file and checks its handle, the worker reads the bytes from that same open file
 * (so the main process never holds them), decodes, checks and writes the canonical text,
 * and only that text comes back — as UTF-8 bytes whose buffer is transferred, not copied (a
 * project file's and a backup's alike), so receiving even the largest project costs main's
 * event loop next to nothing (a 39 MB string
 * had held it for 240–400 ms; issue 13, item 1). A worker that runs out of its memory limit or its time is
 * ended and the learner gets a sentence instead. No Electron import; tests start the real
 * bundled worker.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { DecodedBackup, ProjectReply } from './decode';

/** An open ordinary file: its descriptor (valid in every thread of the process) and the size fstat gave. */
export interface OpenFile {
  fd: number;
  size: number;
  /** The file's name, for messages. */
  name: string;
}

/** What the main process asks the worker. */
export type ParseTask = { kind: 'project' | 'backup'; file: OpenFile };

/** What the worker answers. */
export type WorkerReply = { kind: 'project'; reply: ProjectReply } | { kind: 'backup'; backup: DecodedBackup | null };

/**
 * The buffers a reply hands over instead of copying: a read project's or a backup's bytes,
 * when they own their whole buffer (a view over a larger one is copied as usual, rather than
 * handing over the rest of that buffer too).
 */
export function replyTransfer(reply: WorkerReply): ArrayBuffer[] {
  const bytes = reply.kind === 'project' ? (reply.reply.ok ? reply.reply.bytes : null) : (reply.backup?.bytes ?? null);
  if (bytes === null) return [];
  const owns = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return owns ? [bytes.buffer as ArrayBuffer] : [];
}

/** Reads a file the main process has opened and checked (an ordinary file within the cap); it stays open until the answer. */
export interface ProjectParser {
  project(file: OpenFile): Promise<ProjectReply>;
  /** A backup's decoded contents, or null when it is damaged or could not be read in time. */
  backup(file: OpenFile): Promise<DecodedBackup | null>;
}

/**
 * The largest real project (50 MB of text, two million numbers) parses and is written out
 * again in a few hundred MB; a file that needs more is refused.
 */
export const PROJECT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 };

/** The largest real project reads in about 2 s here; far past that, something is wrong with the file. */
export const PARSE_TIME_LIMIT_MS = 20_000;

export const TOO_SLOW_MESSAGE =
  'Reading this file took far longer than any project takes, so Activation Lab stopped. The file is not a project it can open; ask for the file again.';
export const TOO_BIG_MESSAGE =
  'This file needs far more memory to read than any project does, so Activation Lab stopped reading it. Ask for the file again, or open another project.';
export const WORKER_FAILED_MESSAGE =
  'Activation Lab could not read this file because its file reader stopped unexpectedly. Try again; if it happens again, please report it with the file.';

export interface WorkerParserOptions {
  /** The bundled project-worker.cjs. */
  workerFile: string;
  timeLimitMs?: number;
  resourceLimits?: ResourceLimits;
}

/** One fresh worker per task, ended as soon as it answers, fails or runs out of time. */
export class WorkerParser implements ProjectParser {
  constructor(private readonly options: WorkerParserOptions) {}

  async project(file: OpenFile): Promise<ProjectReply> {
    const answer = await this.run({ kind: 'project', file });
    if (answer.kind === 'failed') return { ok: false, message: answer.message };
    return answer.reply.kind === 'project' ? answer.reply.reply : { ok: false, message: WORKER_FAILED_MESSAGE };
  }

  async backup(file: OpenFile): Promise<DecodedBackup | null> {
    const answer = await this.run({ kind: 'backup', file });
    return answer.kind === 'done' && answer.reply.kind === 'backup' ? answer.reply.backup : null;
  }

  private run(task: ParseTask): Promise<{ kind: 'done'; reply: WorkerReply } | { kind: 'failed'; message: string }> {
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(this.options.workerFile, {
          name: 'project-reader',
          resourceLimits: this.options.resourceLimits ?? PROJECT_WORKER_LIMITS,
        });
      } catch {
        resolve({ kind: 'failed', message: WORKER_FAILED_MESSAGE });
        return;
      }
      let settled = false;
      const finish = (answer: { kind: 'done'; reply: WorkerReply } | { kind: 'failed'; message: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        // Only once the worker has stopped may the caller close the file it reads from.
        void worker.terminate().finally(() => resolve(answer));
      };
      const timer = setTimeout(
        () => finish({ kind: 'failed', message: TOO_SLOW_MESSAGE }),
        this.options.timeLimitMs ?? PARSE_TIME_LIMIT_MS,
      );
      worker.on('message', (reply: WorkerReply) => finish({ kind: 'done', reply }));
      worker.on('error', (error: Error & { code?: string }) =>
        finish({ kind: 'failed', message: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? TOO_BIG_MESSAGE : WORKER_FAILED_MESSAGE }),
      );
      worker.on('exit', () => finish({ kind: 'failed', message: WORKER_FAILED_MESSAGE }));
      worker.postMessage(task);
    });
  }
}
