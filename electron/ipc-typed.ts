/**
 * Main's side of the IPC contract (core/ipc.ts), typed by its channel maps: `handle` for
 * requests, `on` for messages, and `pageSender` for events to the page. Every incoming
 * message passes the same two gates here, once, before its handler runs: the sender frame
 * must be the app's own page (security.ts, isTrustedUrl), and the payload must pass its
 * channel's parser (ipc-payloads.ts). Plain functions over a stand-in-able `ipcMain`, so Node
 * tests drive them; ipc-main.ts binds them to Electron's. Lint allows raw ipcMain and
 * webContents.send only in these files.
 */
import type {
  MainEventChannel,
  MainEvents,
  PageMessageChannel,
  PageMessages,
  PageRequestChannel,
  RequestArgs,
  RequestReply,
} from '../core/ipc';
import { MESSAGE_PARSERS, REQUEST_PARSERS } from './ipc-payloads';
import { isTrustedUrl } from './security';

/** The part of Electron's IpcMainEvent / IpcMainInvokeEvent the gates look at. */
export interface SenderEvent {
  senderFrame: { url: string } | null | undefined;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  on(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => void): unknown;
  handle(channel: string, handler: (event: SenderEvent, ...args: unknown[]) => unknown): unknown;
}

/** The part of a WebContents that events are sent through. */
export interface PageContents {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export class IpcRejection extends Error {
  constructor(channel: string, reason: string) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcRejection';
  }
}

export interface IpcPolicy {
  /** Dev-server origin allowed besides app://lab, or null. */
  devOrigin: string | null;
  /** Where refusals of fire-and-forget messages go (there is no reply to carry them). */
  log(message: string): void;
}

export interface TypedIpcMain {
  /** Answers a request channel; a refused request rejects the page's promise with the reason. */
  handle<C extends PageRequestChannel>(channel: C, handler: (...args: RequestArgs<C>) => RequestReply<C> | Promise<RequestReply<C>>): void;
  /**
   * Listens on a message channel. A refused message is logged and, when given, `refused`
   * hears why (say, to tell the page in its own words); the listener never sees it.
   */
  on<C extends PageMessageChannel>(channel: C, listener: (payload: PageMessages[C]) => void, refused?: (reason: string) => void): void;
}

function checkSender(channel: string, event: SenderEvent, devOrigin: string | null): void {
  const url = event?.senderFrame?.url;
  if (!isTrustedUrl(url, devOrigin)) {
    throw new IpcRejection(
      channel,
      `refused a message from ${url ? JSON.stringify(url) : 'an unknown frame'}; only the app's own page may call it.`,
    );
  }
}

export function typedIpcMain(ipc: IpcMainLike, policy: IpcPolicy): TypedIpcMain {
  return {
    handle(channel, handler) {
      const parse = REQUEST_PARSERS[channel];
      ipc.handle(channel, async (event, ...args) => {
        checkSender(channel, event, policy.devOrigin);
        const parsed = parse(args);
        if (!parsed.ok) throw new IpcRejection(channel, parsed.reason);
        return handler(...(parsed.value as RequestArgs<typeof channel>));
      });
    },
    on(channel, listener, refused) {
      const parse = MESSAGE_PARSERS[channel];
      ipc.on(channel, (event, ...args) => {
        try {
          checkSender(channel, event, policy.devOrigin);
          const parsed = parse(args);
          if (!parsed.ok) {
            refused?.(parsed.reason);
            throw new IpcRejection(channel, parsed.reason);
          }
          listener(parsed.value as PageMessages[typeof channel]);
        } catch (error) {
          policy.log(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}

/** Sends a typed event to the page, if there is a live one. */
export type PageSend = <C extends MainEventChannel>(channel: C, payload: MainEvents[C]) => void;

export function pageSender(page: () => PageContents | null | undefined): PageSend {
  return (channel, payload) => {
    const contents = page();
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  };
}
