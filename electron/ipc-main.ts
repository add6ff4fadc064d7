/**
 * Binds the typed IPC helpers (ipc-typed.ts) to Electron's ipcMain. The one place in main
 * that touches ipcMain; everything else registers through the object this returns.
 */
import { ipcMain } from 'electron';
import { typedIpcMain, type IpcPolicy, type TypedIpcMain } from './ipc-typed';

export function appIpc(policy: IpcPolicy): TypedIpcMain {
  return typedIpcMain(ipcMain, policy);
}
