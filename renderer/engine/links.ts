/**
 * The two transports under an EngineConnection: the desktop app's IPC (window.lab) and a Web
 * Worker running renderer/engine/engine.worker.ts, started by ./workers.ts (the one module in
 * the page that starts workers).
 */
import type { LabApi } from '../../core/ipc';
import type { Command, EngineEvent } from '../../core/protocol';
import { startEngineWorker } from './workers';
import { DIGITS_FILE_MESSAGE, type DigitsFileMessage } from '../../core/tabular/provide';

/** What a connection needs from the way its messages travel. */
export interface EngineLink {
  post(command: Command): void;
  /** Hands the digit file over ahead of every command posted after it. */
  provideDigits(bytes: Uint8Array): void;
  /** Subscribes to the engine's events; returns a function that unsubscribes. */
  listen(listener: (event: EngineEvent) => void): () => void;
  close(): void;
}

/** The desktop engine, relayed by the preload; closing only stops listening (the app owns the engine). */
export function ipcLink(api: LabApi): EngineLink {
  return {
    post: (command) => api.engine.send(command),
    // The preload sends it on its own channel, ahead of any command sent after this call.
    provideDigits: (bytes) => api.engine.provideDigits(bytes),
    listen: (listener) => api.engine.onEvent(listener),
    close: () => {},
  };
}

/** A new Web Worker of the page's own; closing ends it. */
export function workerLink(): EngineLink {
  const worker = startEngineWorker();
  return {
    post: (command) => worker.postMessage(command),
    provideDigits: (bytes) => {
      // A copy of our own to transfer; one worker port delivers messages in the order posted.
      const copy = bytes.slice();
      const message: DigitsFileMessage = { type: DIGITS_FILE_MESSAGE, bytes: copy };
      worker.postMessage(message, [copy.buffer]);
    },
    listen: (listener) => {
      const receive = (message: MessageEvent<EngineEvent>) => listener(message.data);
      worker.addEventListener('message', receive);
      return () => worker.removeEventListener('message', receive);
    },
    close: () => worker.terminate(),
  };
}
