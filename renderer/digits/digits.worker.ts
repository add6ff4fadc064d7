/// <reference lib="webworker" />
/**
 * The Digits area's engine: the core training session behind the same runner and protocol as
 * the Lab's worker. The page first hands over the digit images (message `digits-file`); the
 * session then finds them by name when a digits network is configured.
 */
import { EngineRunner } from '../../core/runner';
import { createSession } from '../../core/session';
import type { EngineEvent } from '../../core/protocol';
import { decodeDigits, digitsTable } from '../../core/tabular/digits';
import { registerTable } from '../../core/tabular/table';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runner = new EngineRunner(createSession(), {
  post: (event: EngineEvent) => scope.postMessage(event),
  now: () => performance.now(),
  later: (fn, ms) => {
    setTimeout(fn, ms);
  },
});

function isDigitsFile(data: unknown): data is { type: 'digits-file'; bytes: ArrayBuffer } {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'digits-file' && (data as { bytes?: unknown }).bytes instanceof ArrayBuffer;
}

scope.onmessage = (message: MessageEvent<unknown>) => {
  if (isDigitsFile(message.data)) {
    try {
      registerTable(digitsTable(decodeDigits(new Uint8Array(message.data.bytes))));
      scope.postMessage({ type: 'digits-ready' });
    } catch (error) {
      scope.postMessage({ type: 'error', replyTo: null, message: error instanceof Error ? error.message : String(error) } satisfies EngineEvent);
    }
    return;
  }
  runner.receive(message.data);
};
