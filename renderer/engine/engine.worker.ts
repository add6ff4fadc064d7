/// <reference lib="webworker" />
/**
 * The browser host's engine: the same core session and runner the desktop app runs in its
 * worker_threads Worker, here inside a Web Worker. A digits-file message registers the digit
 * images (core/tabular/provide.ts); every other message goes to the runner, in order.
 */
import { EngineRunner } from '../../core/runner';
import { createSession } from '../../core/session';
import type { EngineEvent } from '../../core/protocol';
import { receiveDigitsFile } from '../../core/tabular/provide';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * "As fast as possible" yields with a zero delay between slices. A chain of zero-delay timers
 * is held to 4 ms each after the fifth, which capped snapshots near 55 a second, under the
 * page's 60 frames; a message to ourselves is not held back, and commands still get through
 * between slices.
 */
const wake = new MessageChannel();
const waiting: (() => void)[] = [];
wake.port1.onmessage = () => waiting.shift()?.();

const runner = new EngineRunner(createSession({ fastPath: true }), {
  post: (event: EngineEvent) => scope.postMessage(event),
  now: () => performance.now(),
  later: (fn, ms) => {
    if (ms > 0) {
      setTimeout(fn, ms);
      return;
    }
    waiting.push(fn);
    wake.port2.postMessage(null);
  },
});

scope.onmessage = (message: MessageEvent<unknown>) => {
  const digits = receiveDigitsFile(message.data);
  if (digits.kind === 'refused') scope.postMessage(digits.event);
  if (digits.kind === 'other') runner.receive(message.data);
};
