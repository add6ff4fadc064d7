/// <reference lib="webworker" />
/**
 * The digits lesson's engine: the core training session behind the same runner and protocol as
 * the Lab's worker. The page first hands over the digit images (message `digits-file`); the
 * session then finds them by name when a digits network is configured.
 */
import { EngineRunner } from '../../core/runner';
import { createSession } from '../../core/session';
import type { EngineEvent } from '../../core/protocol';
import { receiveDigitsFile } from '../../core/tabular/provide';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runner = new EngineRunner(createSession(), {
  post: (event: EngineEvent) => scope.postMessage(event),
  now: () => performance.now(),
  later: (fn, ms) => {
    setTimeout(fn, ms);
  },
});

scope.onmessage = (message: MessageEvent<unknown>) => {
  const digits = receiveDigitsFile(message.data);
  if (digits.kind === 'registered') scope.postMessage({ type: 'digits-ready' });
  else if (digits.kind === 'refused') scope.postMessage(digits.event);
  else runner.receive(message.data);
};
