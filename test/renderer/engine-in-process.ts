/**
 * The real training engine (core/engine-worker.ts, the entry every engine worker runs) served
 * in this thread: happy-dom has no Web Worker, so a component test that needs a TrainerModel
 * gets an EngineConnection whose messages are copied and delivered a task later, as a worker's
 * would be. Nothing is scripted: configure, load-state and snapshots are the engine's own.
 */
import { serveEngine } from '../../core/engine-worker';
import type { Command, EngineEvent } from '../../core/protocol';
import { EngineConnection, type EngineLink } from '../../renderer/engine/connection';

export function inProcessEngine(): EngineConnection {
  const listeners = new Set<(event: EngineEvent) => void>();
  let receive: (message: unknown) => void = () => {};
  let open = true;
  serveEngine({
    post: (event) => {
      const copy = structuredClone(event);
      setTimeout(() => {
        if (open) for (const listener of listeners) listener(copy);
      });
    },
    listen: (r) => (receive = r),
    now: () => performance.now(),
  });
  const link: EngineLink = {
    post: (command: Command) => {
      const copy = structuredClone(command);
      setTimeout(() => {
        if (open) receive(copy);
      });
    },
    provideDigits: () => {
      throw new Error('The in-process engine in these tests has no digits file.');
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      open = false;
    },
  };
  return new EngineConnection(link, 'browser');
}
