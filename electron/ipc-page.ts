/**
 * The preload's side of the IPC contract (core/ipc.ts), typed by its channel maps: `send`
 * for messages, `invoke` for requests, `listen` for main's events. Listeners get only the
 * payload, never the IPC event. Lint allows raw ipcRenderer only here.
 */
import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  MainEventChannel,
  MainEvents,
  PageMessageChannel,
  PageMessages,
  PageRequestChannel,
  RequestArgs,
  RequestReply,
} from '../core/ipc';

export function send<C extends PageMessageChannel>(channel: C, payload: PageMessages[C]): void {
  ipcRenderer.send(channel, payload);
}

export function invoke<C extends PageRequestChannel>(channel: C, ...args: RequestArgs<C>): Promise<RequestReply<C>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<RequestReply<C>>;
}

/** Subscribes to one of main's events; returns a function that unsubscribes. */
export function listen<C extends MainEventChannel>(channel: C, listener: (payload: MainEvents[C]) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
  const wrapped = (_event: IpcRendererEvent, payload: MainEvents[C]) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}
