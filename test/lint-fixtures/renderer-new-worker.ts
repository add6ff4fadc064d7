// Lint fixture: a renderer module that starts a Web Worker of its own instead of asking
// renderer/engine/workers.ts (only checked by test/core/page-workers-lint.test.ts).
export function ownWorker(): Worker {
  return new Worker(new URL('./elsewhere.worker.ts', import.meta.url), { type: 'module' });
}
