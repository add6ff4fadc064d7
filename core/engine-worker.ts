/**
 * The one entry of every engine worker: the app's shared engine (electron/engine-worker.ts,
 * a worker_threads Worker) and every Web Worker the page starts (renderer/engine/engine.worker.ts,
 * the browser's shared engine and each dedicated one). A digits-file message registers the digit
 * images (tabular/provide.ts); every other message goes to the runner, in order. The two
 * adapters only say how to post, listen and read the clock; all else is here, so a fix lands
 * in every engine at once.
 */
import { EngineRunner } from './runner';
import { createSession } from './session';
import type { EngineEvent } from './protocol';
import { receiveDigitsFile } from './tabular/provide';

/** What a worker's own side of its channel offers, in either kind of worker. */
export interface WorkerSide {
  post(event: EngineEvent): void;
  listen(receive: (message: unknown) => void): void;
  now(): number;
}

/**
 * A message channel to ourselves. Both the DOM and Node have it as a global (with
 * `onmessage` on the port); core is compiled with neither library, so it is declared here.
 */
interface WakeChannel {
  port1: { onmessage: ((event: unknown) => void) | null; unref?: () => void };
  port2: { postMessage(message: null): void };
}
declare const MessageChannel: new () => WakeChannel;
declare function setTimeout(fn: () => void, ms: number): unknown;

/**
 * Runs the training engine on `side`. Between slices "as fast as possible" yields with a
 * message to itself: a chain of zero-delay timers is held to 4 ms each after the fifth (in
 * browsers), which capped snapshots near 55 a second, under the page's 60 frames; a message
 * is not held back, and commands still get through between slices. Longer waits use a timer.
 */
export function serveEngine(side: WorkerSide): EngineRunner {
  const wake = new MessageChannel();
  const waiting: (() => void)[] = [];
  wake.port1.onmessage = () => waiting.shift()?.();
  // In Node an open port would keep the thread alive on its own; the host ends the worker anyway.
  wake.port1.unref?.();
  const runner = new EngineRunner(createSession({ fastPath: true }), {
    post: (event) => side.post(event),
    now: () => side.now(),
    later: (fn, ms) => {
      if (ms > 0) {
        setTimeout(fn, ms);
        return;
      }
      waiting.push(fn);
      wake.port2.postMessage(null);
    },
  });
  side.listen((message) => {
    const digits = receiveDigitsFile(message);
    if (digits.kind === 'refused') side.post(digits.event);
    if (digits.kind === 'other') runner.receive(message);
  });
  return runner;
}
