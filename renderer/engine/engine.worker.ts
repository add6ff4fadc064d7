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

const runner = new EngineRunner(createSession({ fastPath: true }), {
  post: (event: EngineEvent) => scope.postMessage(event),
  now: () => performance.now(),
  later: (fn, ms) => {
    setTimeout(fn, ms);
  },
});

scope.onmessage = (message: MessageEvent<unknown>) => {
  const digits = receiveDigitsFile(message.data);
  if (digits.kind === 'refused') scope.postMessage(digits.event);
  if (digits.kind === 'other') runner.receive(message.data);
};
