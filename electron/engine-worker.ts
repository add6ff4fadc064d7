/**
 * The engine worker's entry (a worker_threads Worker started by the main process from the
 * bundled engine-worker.cjs). It runs core's training session with the generated fast
 * path — no page CSP applies here — and posts every event to the parent; a snapshot's
 * Float64Array parameters survive the structured clone. The digit images arrive as a
 * digits-file message (core/tabular/provide.ts) and stay registered for this worker's life.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { EngineRunner } from '../core/runner';
import { createSession } from '../core/session';
import { receiveDigitsFile } from '../core/tabular/provide';

const port = parentPort;
if (!port) throw new Error('engine-worker must run inside a worker thread.');

const runner = new EngineRunner(createSession({ fastPath: true }), {
  post: (event) => port.postMessage(event),
  now: () => performance.now(),
  later: (fn, ms) => {
    setTimeout(fn, ms);
  },
});

// The host posts the digit images as a digits-file message before any digits configuration.
port.on('message', (message: unknown) => {
  const digits = receiveDigitsFile(message);
  if (digits.kind === 'refused') port.postMessage(digits.event);
  if (digits.kind === 'other') runner.receive(message);
});
