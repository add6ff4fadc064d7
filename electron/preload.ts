/**
 * The sandboxed preload: exposes exactly `LabApi` as `window.lab`, one function per
 * operation, over the typed channels of core/ipc.ts (ipc-page.ts). The page never sees
 * ipcRenderer or an IPC event object. Bundled on its own into one CommonJS file.
 */
import { contextBridge, webUtils } from 'electron';
import type { ActionResult, LabApi } from '../core/ipc';
import { invoke, listen, send } from './ipc-page';

/** Said when something dropped is not a file from this computer (it has no path). */
export const NOT_A_LOCAL_FILE = 'That file could not be opened: only files from this computer can be dropped here.';

/**
 * The path of a dropped File. Only a File the browser made for a real file has one; a File
 * built by script (or anything else) has none, so the page cannot name a path of its own.
 */
function droppedPath(file: object): string {
  try {
    return webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]);
  } catch {
    return '';
  }
}

const lab = {
  engine: {
    send: (command) => send('engine:command', command),
    onEvent: (listener) => listen('engine:event', listener),
    // Same renderer-to-main pipe as engine commands, so the order between them is kept.
    provideDigits: (bytes) => send('engine:digits', bytes),
  },
  project: {
    update: (update) => send('project:update', update),
    action: (action) => invoke('project:action', action),
    openPath: (file) => invoke('project:open-recent', file),
    openDropped: async (file): Promise<ActionResult> => {
      const path = droppedPath(file);
      return path ? invoke('project:open-dropped', path) : { ok: false, message: NOT_A_LOCAL_FILE };
    },
    recent: () => invoke('project:recent'),
    preview: (preview) => send('project:preview', preview),
    onLoad: (listener) => listen('project:load', listener),
    onSaved: (listener) => listen('project:saved', listener),
    onBackupFound: (listener) => listen('project:backup-found', listener),
    restoreBackup: () => invoke('project:restore-backup'),
    discardBackup: () => invoke('project:discard-backup'),
  },
  menu: {
    onCommand: (listener) => listen('menu:command', listener),
  },
  onNotice: (listener) => listen('app:notice', listener),
  progress: {
    load: () => invoke('progress:load'),
    save: (json) => invoke('progress:save', json),
  },
  appInfo: () => invoke('app:info'),
  files: {
    saveExport: (file) => invoke('file:export', file),
    setAvailableExports: (items) => send('export:available', items),
    onExport: (listener) => listen('menu:export', listener),
  },
} satisfies LabApi;

contextBridge.exposeInMainWorld('lab', lab);
