/// <reference lib="webworker" />
/**
 * Every engine Web Worker the page starts (engine/connection.ts): the browser's shared engine
 * and each dedicated one. It is core/engine-worker.ts, the same entry the desktop app's
 * worker_threads Worker runs, told how to post and listen here.
 */
import { serveEngine } from '../../core/engine-worker';

const scope = self as unknown as DedicatedWorkerGlobalScope;

serveEngine({
  post: (event) => scope.postMessage(event),
  listen: (receive) => {
    scope.onmessage = (message: MessageEvent<unknown>) => receive(message.data);
  },
  now: () => performance.now(),
});
