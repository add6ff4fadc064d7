/**
 * The one module in the page that starts Web Workers: the engine (renderer/engine/engine.worker.ts)
 * and the project-file reader (renderer/projects/parse.worker.ts). Vite bundles a worker only
 * when it sees the literal `new Worker(new URL('…', import.meta.url))` form, so each keeps it.
 */

/** A new engine worker running core/engine-worker.ts. */
export function startEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

/** A new worker that reads project files off the page's thread. */
export function startParseWorker(): Worker {
  return new Worker(new URL('../projects/parse.worker.ts', import.meta.url), { type: 'module' });
}
