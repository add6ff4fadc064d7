/**
 * The desktop engine worker (a worker_threads Worker started by the main process from the
 * bundled engine-worker.cjs). It is core/engine-worker.ts, the same entry the page's Web
 * Workers run, told how to post and listen here: every event goes to the parent (a snapshot's
 * Float64Array parameters survive the structured clone) and the digit images arrive as a
 * digits-file message that stays registered for this worker's life. No page CSP applies here,
 * so the generated fast path runs.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { serveEngine } from '../core/engine-worker';

const port = parentPort;
if (!port) throw new Error('engine-worker must run inside a worker thread.');

serveEngine({
  post: (event) => port.postMessage(event),
  listen: (receive) => port.on('message', receive),
  now: () => performance.now(),
});
