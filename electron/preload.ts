/**
 * The sandboxed preload: exposes exactly `LabApi` as `window.lab`, one function per
 * operation. The page never sees ipcRenderer or an IPC event object: listeners are wrapped
 * and receive only the payload. Bundled on its own into one CommonJS file.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS, type LabApi } from '../core/ipc';

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
  const wrapped = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const lab = {
  engine: {
    send: (command) => ipcRenderer.send(CHANNELS.engineCommand, command),
    onEvent: (listener) => subscribe(CHANNELS.engineEvent, listener),
    // Same renderer-to-main pipe as engine commands, so the order between them is kept.
    provideDigits: (bytes) => ipcRenderer.send(CHANNELS.engineDigits, bytes),
  },
  project: {
    update: (update) => ipcRenderer.send(CHANNELS.projectUpdate, update),
    action: (action) => ipcRenderer.invoke(CHANNELS.projectAction, action),
    openPath: (file) => ipcRenderer.invoke(CHANNELS.projectOpenPath, file),
    pathForFile: (file) => webUtils.getPathForFile(file as Parameters<typeof webUtils.getPathForFile>[0]),
    recent: () => ipcRenderer.invoke(CHANNELS.projectRecent),
    onLoad: (listener) => subscribe(CHANNELS.projectLoad, listener),
    onSaved: (listener) => subscribe(CHANNELS.projectSaved, listener),
  },
  menu: {
    onCommand: (listener) => subscribe(CHANNELS.menuCommand, listener),
  },
  onNotice: (listener) => subscribe(CHANNELS.notice, listener),
  progress: {
    load: () => ipcRenderer.invoke(CHANNELS.progressLoad),
    save: (json) => ipcRenderer.invoke(CHANNELS.progressSave, json),
  },
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
} satisfies LabApi;

contextBridge.exposeInMainWorld('lab', lab);
