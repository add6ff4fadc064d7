// Lint fixture: the page must never reach into the main process's code.
import { ipcRenderer } from 'electron';
import { buildMenuTemplate } from '../electron/menu';

export const leaked = [ipcRenderer, buildMenuTemplate];
