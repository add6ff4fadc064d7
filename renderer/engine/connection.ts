/**
 * The two ways the page reaches the training engine. In Electron the preload's `window.lab`
 * relays to a worker_threads Worker in the main process; in a plain browser the same core
 * session runs in a Web Worker. Both speak core/protocol.ts, so the UI sees one interface.
 */
import type { LabApi } from '../../core/ipc';
import type { Command, EngineEvent } from '../../core/protocol';
import { DIGITS_FILE_MESSAGE, type DigitsFileMessage } from '../../core/tabular/provide';

export interface EngineHost {
  readonly kind: 'electron' | 'browser';
  send(command: Command): void;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /**
   * Hands the packed digit file (as core/tabular/digits decodes it) to the engine, which
   * keeps it for every later digits configuration; call it before configuring a digits
   * network. Commands sent after it are handled after it, in both hosts. The bytes are
   * copied, so the caller keeps its array. A file the engine cannot use is answered with an
   * error event (replyTo null).
   */
  provideDigits(bytes: Uint8Array): void;
  dispose(): void;
}

declare global {
  interface Window {
    lab?: LabApi;
  }
}

/** The desktop API when running inside Electron, undefined in a plain browser. */
export function desktopApi(): LabApi | undefined {
  return typeof window !== 'undefined' ? window.lab : undefined;
}

class ElectronEngineHost implements EngineHost {
  readonly kind = 'electron';
  constructor(private readonly api: LabApi) {}
  send(command: Command): void {
    this.api.engine.send(command);
  }
  onEvent(listener: (event: EngineEvent) => void): () => void {
    return this.api.engine.onEvent(listener);
  }
  provideDigits(bytes: Uint8Array): void {
    // The preload sends it on its own channel, ahead of any command sent after this call.
    this.api.engine.provideDigits(bytes);
  }
  dispose(): void {}
}

class WebWorkerEngineHost implements EngineHost {
  readonly kind = 'browser';
  private readonly worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  private readonly listeners = new Set<(event: EngineEvent) => void>();

  constructor() {
    this.worker.onmessage = (message: MessageEvent<EngineEvent>) => {
      for (const listener of this.listeners) listener(message.data);
    };
  }
  send(command: Command): void {
    this.worker.postMessage(command);
  }
  provideDigits(bytes: Uint8Array): void {
    // A copy of our own to transfer; one worker port delivers messages in the order posted.
    const copy = bytes.slice();
    const message: DigitsFileMessage = { type: DIGITS_FILE_MESSAGE, bytes: copy };
    this.worker.postMessage(message, [copy.buffer]);
  }
  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  dispose(): void {
    this.worker.terminate();
    this.listeners.clear();
  }
}

export function createEngineHost(): EngineHost {
  const api = desktopApi();
  return api ? new ElectronEngineHost(api) : new WebWorkerEngineHost();
}
