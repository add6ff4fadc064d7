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
  port1: { onmessage: ((event: unknown) => void) | null };
  port2: { postMessage(message: null): void };
}
declare const MessageChannel: new () => WakeChannel;
declare function setTimeout(fn: () => void, ms: number): unknown;
/** Node's own "after pending I/O", absent in browsers. */
declare const setImmediate: ((fn: () => void) => unknown) | undefined;

/**
 * Runs `fn` as soon as the messages already waiting have been handled. A browser holds a chain
 * of zero-delay timers to 4 ms each after the fifth, which capped snapshots near 55 a second,
 * under the page's 60 frames; a message to ourselves is not held back. Node does not clamp,
 * but it handles a port's messages in one long batch, so messages to ourselves would starve
 * the parent's commands for seconds: there setImmediate, which runs after pending messages.
 */
function yielder(): (fn: () => void) => void {
  if (typeof setImmediate === 'function') {
    const immediate = setImmediate;
    return (fn) => void immediate(fn);
  }
  const wake = new MessageChannel();
  const waiting: (() => void)[] = [];
  wake.port1.onmessage = () => waiting.shift()?.();
  return (fn) => {
    waiting.push(fn);
    wake.port2.postMessage(null);
  };
}

/**
 * Runs the training engine on `side`: a time slice at a time, yielding between slices
 * (see yielder) so commands get through; longer waits use a timer.
 */
export function serveEngine(side: WorkerSide): EngineRunner {
  const soon = yielder();
  const runner = new EngineRunner(createSession({ fastPath: true }), {
    post: (event) => side.post(event),
    now: () => side.now(),
    later: (fn, ms) => {
      if (ms > 0) {
        setTimeout(fn, ms);
        return;
      }
      soon(fn);
    },
  });
  side.listen((message) => {
    const digits = receiveDigitsFile(message);
    if (digits.kind === 'refused') side.post(digits.event);
    if (digits.kind === 'other') runner.receive(message);
  });
  return runner;
}
