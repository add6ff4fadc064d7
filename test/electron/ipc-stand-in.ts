/** A stand-in for Electron's ipcMain that keeps what was registered, for Node tests. */
import type { IpcMainLike, SenderEvent } from '../../electron/ipc-typed';

export type StandInListener = (event: SenderEvent, ...args: unknown[]) => unknown;

export function standInIpcMain() {
  const on: Record<string, StandInListener> = {};
  const handle: Record<string, StandInListener> = {};
  const ipc: IpcMainLike = {
    on: (channel, listener) => {
      if (on[channel]) throw new Error(`${channel} registered twice`);
      on[channel] = listener;
    },
    handle: (channel, handler) => {
      if (handle[channel]) throw new Error(`${channel} registered twice`);
      handle[channel] = handler;
    },
  };
  return { ipc, on, handle };
}
