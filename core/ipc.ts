/**
 * The one IPC contract between the renderer and the Electron main process. The preload
 * exposes `LabApi` as `window.lab`; the main process registers a handler per channel. The
 * renderer never sees `ipcRenderer` or an IPC event object — only these functions.
 */
import type { Command, EngineEvent } from './protocol';

/** Channel names, in one place for both sides. */
export const CHANNELS = {
  engineCommand: 'engine:command',
  engineEvent: 'engine:event',
} as const;

export interface LabApi {
  engine: {
    /** Sends one command to the engine worker. */
    send(command: Command): void;
    /** Subscribes to engine events; returns a function that unsubscribes. */
    onEvent(listener: (event: EngineEvent) => void): () => void;
  };
}
