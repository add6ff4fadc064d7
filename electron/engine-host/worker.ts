/** What the engine host needs of its worker thread, and the limits it starts one with. */

/** The part of a worker_threads Worker the host uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  removeAllListeners(): unknown;
  terminate(): Promise<number>;
}

/**
 * Limits for the worker thread: a runaway network that eats memory kills only the worker
 * (which the host then restarts), never the whole app.
 */
export const ENGINE_WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 } as const;

/**
 * Passes a worker's messages on, and its error or exit as the reason it stopped, for as long
 * as `isCurrent()` says it is still the host's worker; a replaced worker's are ignored.
 */
export function watchWorker(
  worker: WorkerLike,
  isCurrent: () => boolean,
  handlers: { message(message: unknown): void; stopped(reason: string): void },
): void {
  worker.on('message', (message) => {
    if (isCurrent()) handlers.message(message);
  });
  worker.on('error', (error) => {
    if (!isCurrent()) return;
    handlers.stopped(`worker error: ${error.message}`);
  });
  worker.on('exit', (code) => {
    if (!isCurrent()) return;
    handlers.stopped(`worker exited with code ${code}`);
  });
}
