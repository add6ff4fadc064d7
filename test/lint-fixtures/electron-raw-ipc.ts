// Lint fixture: main-process code that goes around the typed IPC contract in every way lint
// must catch — importing ipcMain and ipcRenderer, reaching them through the module object,
// and sending to the page with webContents.send.
import * as electron from 'electron';
import { BrowserWindow, ipcMain, ipcRenderer } from 'electron';

ipcMain.on('engine:command', () => undefined);
ipcRenderer.send('engine:command', {});
electron.ipcMain.handle('app:info', () => ({}));

export function leak(win: BrowserWindow, webContents: Electron.WebContents): void {
  win.webContents.send('app:notice', 'unchecked');
  webContents.send('app:notice', 'unchecked');
}
