/**
 * The page's one way to talk to a training engine. Every screen holds an EngineConnection,
 * got in one of two ways:
 *  - `sharedEngine()`: the app's engine, the Lab's. In Electron the preload's `window.lab`
 *    relays to a worker_threads Worker in the main process; in a plain browser it is a Web
 *    Worker.
 *  - `dedicatedEngine()`: a Web Worker of its own, always, for a lesson widget or a racer,
 *    so they never wait for (or disturb) the Lab.
 * Both speak core/protocol.ts through the same entry (core/engine-worker.ts). The connection
 * numbers the commands and matches replies to requests, like a small host class per worker.
 */
import type { LabApi } from '../../core/ipc';
import type { Command, EngineEvent, EngineState } from '../../core/protocol';
import { ipcLink, workerLink, type EngineLink } from './links';

export type { EngineLink } from './links';

/** A command without its id: the connection gives each one the next number. */
export type CommandBody = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never;

/** How long a request waits for the engine's answer. */
export const REPLY_TIMEOUT_MS = 5000;

declare global {
  interface Window {
    lab?: LabApi;
  }
}

/** The desktop API when running inside Electron, undefined in a plain browser. */
export function desktopApi(): LabApi | undefined {
  return typeof window !== 'undefined' ? window.lab : undefined;
}

interface Pending {
  resolve(state: EngineState): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class EngineConnection {
  private nextId = 1;
  /** Requests waiting for their reply, by command id. */
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly stop: () => void;

  constructor(
    private readonly link: EngineLink,
    /** Where the engine runs: behind the desktop app's IPC, or in a Web Worker of the page. */
    readonly kind: 'electron' | 'browser',
  ) {
    this.stop = link.listen((event) => this.dispatch(event));
  }

  /** Sends a command; returns the id it went with. */
  send(body: CommandBody): number {
    const id = this.nextId++;
    this.link.post({ ...body, id } as Command);
    return id;
  }

  /** Asks the engine for its exact state (parameters, optimizer moments, epoch). */
  requestState(): Promise<EngineState> {
    return new Promise((resolve, reject) => {
      const id = this.send({ type: 'get-state' });
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('The training engine did not answer. Try again in a moment.'));
      }, REPLY_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
    });
  }

  /** Subscribes to every event the engine sends; returns a function that unsubscribes. */
  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hands the packed digit file (as core/tabular/digits decodes it) to the engine, which
   * keeps it for every later digits configuration; call it before configuring a digits
   * network. Commands sent after it are handled after it. The bytes are copied, so the caller
   * keeps its array. A file the engine cannot use is answered with an error event (replyTo null).
   */
  provideDigits(bytes: Uint8Array): void {
    this.link.provideDigits(bytes);
  }

  /** Ends the engine (a dedicated worker) or stops listening (the shared one); open requests fail. */
  dispose(): void {
    this.stop();
    this.link.close();
    this.listeners.clear();
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error('The training engine was closed before it answered.'));
      this.pending.delete(id);
    }
  }

  private dispatch(event: EngineEvent): void {
    const replyTo = event.type === 'state' || event.type === 'error' ? event.replyTo : null;
    const pending = replyTo === null ? undefined : this.pending.get(replyTo);
    if (pending && replyTo !== null) {
      this.pending.delete(replyTo);
      clearTimeout(pending.timer);
      if (event.type === 'state') pending.resolve(event.state);
      else if (event.type === 'error') pending.reject(new Error(event.message));
    }
    for (const listener of this.listeners) listener(event);
  }
}

/** The app's engine: the desktop app's over IPC, or one Web Worker in a plain browser. Call once per page. */
export function sharedEngine(): EngineConnection {
  const api = desktopApi();
  return api ? new EngineConnection(ipcLink(api), 'electron') : new EngineConnection(workerLink(), 'browser');
}

/** An engine of its own in a new Web Worker (the page may start workers in Electron too); dispose it when done. */
export function dedicatedEngine(): EngineConnection {
  return new EngineConnection(workerLink(), 'browser');
}
