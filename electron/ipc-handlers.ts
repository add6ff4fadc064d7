/**
 * One handler per channel of core/ipc.ts, as plain functions of (event, payload). Each
 * checks that the message comes from our own page (the sender frame's URL) and that the
 * payload has the right shape, and throws an IpcRejection with a clear sentence otherwise.
 * main.ts registers them with ipcMain; tests call them with fake events.
 */
import path from 'node:path';
import { CHANNELS, type ActionResult, type AppInfo, type ProjectAction, type ProjectUpdate } from '../core/ipc';
import { MAX_PROJECT_BYTES } from '../core/project';
import { checkDigitsPayload, DIGITS_REFUSED_PREFIX } from '../core/tabular/provide';
import { isTrustedUrl } from './security';
import { PROJECT_EXTENSION } from './argv';

/** The part of Electron's IpcMainEvent / IpcMainInvokeEvent the handlers look at. */
export interface SenderEvent {
  senderFrame: { url: string } | null | undefined;
}

export class IpcRejection extends Error {
  constructor(channel: string, reason: string) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcRejection';
  }
}

/** What the handlers call into; main.ts connects these to the engine host and documents. */
export interface IpcDeps {
  /** Dev-server origin allowed besides app://lab, or null. */
  devOrigin: string | null;
  engine: {
    send(command: unknown): void;
    /** Takes a digits file that passed the cheap check here. */
    provideDigits(bytes: Uint8Array): void;
    /** Tells the page why something was refused (an error event answering no command). */
    reportError(message: string): void;
  };
  project: {
    update(update: ProjectUpdate): void;
    action(action: ProjectAction): Promise<ActionResult>;
    openPath(file: string): Promise<ActionResult>;
    recent(): Promise<string[]>;
  };
  progress: { load(): Promise<string>; save(json: string): Promise<void> };
  appInfo(): AppInfo;
}

/**
 * Largest project text accepted over IPC: the same limit as for project files (a text of n
 * characters takes at least n bytes on disk, so anything longer could never be opened again).
 */
export const MAX_PROJECT_CHARS = MAX_PROJECT_BYTES;
/** Largest lesson-progress text accepted. */
export const MAX_PROGRESS_CHARS = 1024 * 1024;
const PROJECT_ACTIONS: readonly ProjectAction[] = ['new', 'open', 'save', 'save-as'];

function checkSender(channel: string, event: SenderEvent, devOrigin: string | null): void {
  const url = event?.senderFrame?.url;
  if (!isTrustedUrl(url, devOrigin)) {
    throw new IpcRejection(channel, `refused a message from ${url ? JSON.stringify(url) : 'an unknown frame'}; only the app's own page may call it.`);
  }
}

function noPayload(channel: string, args: unknown[]): void {
  if (args.length > 0 && !(args.length === 1 && args[0] === undefined)) {
    throw new IpcRejection(channel, 'takes no arguments.');
  }
}

export function validateProjectUpdate(value: unknown): ProjectUpdate | string {
  if (typeof value !== 'object' || value === null) return 'needs { json, dirty }.';
  const { json, dirty } = value as Record<string, unknown>;
  if (typeof json !== 'string') return 'json must be a string.';
  if (json.length > MAX_PROJECT_CHARS) return 'the project is too large.';
  if (typeof dirty !== 'boolean') return 'dirty must be true or false.';
  return { json, dirty };
}

/** Said to the learner (not thrown) when a file that is not a project is dropped or chosen. */
export const NOT_A_PROJECT_MESSAGE = `Only Activation Lab projects (files ending in ${PROJECT_EXTENSION}) can be opened here.`;

export function validateProjectPath(value: unknown): string | { error: string } | { notProject: true } {
  if (typeof value !== 'string' || value.length === 0) return { error: 'needs a file path.' };
  if (value.length > 4096 || value.includes('\0')) return { error: 'the path is not valid.' };
  if (!path.isAbsolute(value) && !path.win32.isAbsolute(value)) return { error: 'the path must be absolute.' };
  if (!value.toLowerCase().endsWith(PROJECT_EXTENSION)) return { notProject: true };
  return value;
}

type Handler = (event: SenderEvent, ...args: unknown[]) => unknown;

export interface IpcHandlers {
  /** Channels used with ipcRenderer.send (no answer): registered with ipcMain.on. */
  on: Record<string, Handler>;
  /** Channels used with ipcRenderer.invoke: registered with ipcMain.handle. */
  handle: Record<string, Handler>;
}

export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  const guard = (channel: string, event: SenderEvent) => checkSender(channel, event, deps.devOrigin);
  return {
    on: {
      [CHANNELS.engineCommand]: (event, command) => {
        guard(CHANNELS.engineCommand, event);
        // The engine host validates the command itself and answers a bad one with an error event.
        deps.engine.send(command);
      },
      [CHANNELS.engineDigits]: (event, bytes) => {
        guard(CHANNELS.engineDigits, event);
        // Cheap: type, size and header only; the engine reads the rest. The thrown rejection is logged by main.
        const checked = checkDigitsPayload(bytes);
        if (typeof checked === 'string') {
          deps.engine.reportError(DIGITS_REFUSED_PREFIX + checked);
          throw new IpcRejection(CHANNELS.engineDigits, checked);
        }
        deps.engine.provideDigits(checked);
      },
      [CHANNELS.projectUpdate]: (event, payload) => {
        guard(CHANNELS.projectUpdate, event);
        const update = validateProjectUpdate(payload);
        if (typeof update === 'string') throw new IpcRejection(CHANNELS.projectUpdate, update);
        deps.project.update(update);
      },
    },
    handle: {
      [CHANNELS.projectAction]: async (event, action) => {
        guard(CHANNELS.projectAction, event);
        if (typeof action !== 'string' || !(PROJECT_ACTIONS as readonly string[]).includes(action)) {
          throw new IpcRejection(CHANNELS.projectAction, `unknown action ${JSON.stringify(action)}; use one of ${PROJECT_ACTIONS.join(', ')}.`);
        }
        return deps.project.action(action as ProjectAction);
      },
      [CHANNELS.projectOpenPath]: async (event, file) => {
        guard(CHANNELS.projectOpenPath, event);
        const checked = validateProjectPath(file);
        if (typeof checked === 'string') return deps.project.openPath(checked);
        if ('notProject' in checked) return { ok: false, message: NOT_A_PROJECT_MESSAGE } satisfies ActionResult;
        throw new IpcRejection(CHANNELS.projectOpenPath, checked.error);
      },
      [CHANNELS.projectRecent]: async (event, ...args) => {
        guard(CHANNELS.projectRecent, event);
        noPayload(CHANNELS.projectRecent, args);
        return deps.project.recent();
      },
      [CHANNELS.progressLoad]: async (event, ...args) => {
        guard(CHANNELS.progressLoad, event);
        noPayload(CHANNELS.progressLoad, args);
        return deps.progress.load();
      },
      [CHANNELS.progressSave]: async (event, json) => {
        guard(CHANNELS.progressSave, event);
        if (typeof json !== 'string') throw new IpcRejection(CHANNELS.progressSave, 'needs the progress as JSON text.');
        if (json.length > MAX_PROGRESS_CHARS) throw new IpcRejection(CHANNELS.progressSave, 'the progress text is too large.');
        try {
          JSON.parse(json);
        } catch {
          throw new IpcRejection(CHANNELS.progressSave, 'the progress text is not valid JSON.');
        }
        await deps.progress.save(json);
      },
      [CHANNELS.appInfo]: async (event, ...args) => {
        guard(CHANNELS.appInfo, event);
        noPayload(CHANNELS.appInfo, args);
        return deps.appInfo();
      },
    },
  };
}

/** Channels main sends to the page (no handler on this side). */
export const MAIN_TO_PAGE_CHANNELS: readonly string[] = [
  CHANNELS.engineEvent,
  CHANNELS.projectLoad,
  CHANNELS.projectSaved,
  CHANNELS.menuCommand,
  CHANNELS.notice,
];
