/// <reference lib="webworker" />
/**
 * The browser host's engine: the same core session and runner the desktop app runs in its
 * worker_threads Worker, here inside a Web Worker.
 */
import { EngineRunner } from '../../core/runner';
import { createSession } from '../../core/session';
import type { EngineEvent } from '../../core/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runner = new EngineRunner(createSession({ fastPath: true }), {
  post: (event: EngineEvent) => scope.postMessage(event),
  now: () => performance.now(),
  later: (fn, ms) => {
    setTimeout(fn, ms);
  },
});

scope.onmessage = (message: MessageEvent<unknown>) => runner.receive(message.data);
