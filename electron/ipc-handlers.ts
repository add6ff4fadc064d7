/**
 * What each page → main channel of core/ipc.ts does, registered through the typed helpers
 * (ipc-typed.ts), which have already checked the sender and parsed the payload by the time a
 * handler here runs. main.ts passes Electron's ipcMain (through ipc-main.ts); tests pass a
 * stand-in.
 */
import type {
  ActionResult,
  AppInfo,
  ExportFile,
  ExportItem,
  ProjectAction,
  ProjectPreview,
  ProjectUpdate,
  RecentProjects,
} from '../core/ipc';
import type { Command } from '../core/protocol';
import { DIGITS_REFUSED_PREFIX } from '../core/tabular/provide';
import { PROJECT_EXTENSION } from './argv';
import type { TypedIpcMain } from './ipc-typed';

export { IpcRejection, type SenderEvent } from './ipc-typed';
export { MAX_PROGRESS_CHARS, MAX_PROJECT_CHARS } from './ipc-payloads';

/** What the handlers call into; main.ts connects these to the engine host and documents. */
export interface IpcDeps {
  engine: {
    send(command: Command): void;
    /** Takes a digits file that passed the cheap check (an exact-length copy). */
    provideDigits(bytes: Uint8Array): void;
    /** Tells the page why something was refused (an error event answering no command). */
    reportError(message: string): void;
  };
  project: {
    update(update: ProjectUpdate): void;
    action(action: ProjectAction): Promise<ActionResult>;
    /** Opens a file of the recent list; refuses any other path. */
    openRecent(file: string): Promise<ActionResult>;
    /** Opens a file dropped on the window (its path came from the dropped File in the preload). */
    openDropped(file: string): Promise<ActionResult>;
    recent(): Promise<RecentProjects>;
    /** The page's picture of the open project, for its place on the recent list. */
    preview(preview: ProjectPreview): void;
    /** The page's answer to the unsaved work an earlier run left. */
    restoreBackup(): Promise<ActionResult>;
    discardBackup(): Promise<void>;
  };
  progress: { load(): Promise<string>; save(json: string): Promise<void> };
  appInfo(): AppInfo;
  /** Asks where to save an export and writes it (electron/exports.ts). */
  saveExport(file: ExportFile): Promise<ActionResult>;
  /** The page says which File › Export items apply now (main greys out the rest). */
  exportsAvailable(items: ExportItem[]): void;
}

/** Said to the learner (not thrown) when a file that is not a project is dropped or chosen. */
export const NOT_A_PROJECT_MESSAGE = `Only Activation Lab projects (files ending in ${PROJECT_EXTENSION}) can be opened here.`;

/** A file that is not a project gets a friendly answer rather than an error. */
function projectsOnly(open: (file: string) => Promise<ActionResult>): (file: string) => Promise<ActionResult> {
  return async (file) => (file.toLowerCase().endsWith(PROJECT_EXTENSION) ? open(file) : { ok: false, message: NOT_A_PROJECT_MESSAGE });
}

export function registerIpcHandlers(ipc: TypedIpcMain, deps: IpcDeps): void {
  ipc.on('engine:command', (command) => deps.engine.send(command));
  // Refused digits are also told to the page, as an error event answering no command.
  ipc.on(
    'engine:digits',
    (bytes) => deps.engine.provideDigits(bytes),
    (reason) => deps.engine.reportError(DIGITS_REFUSED_PREFIX + reason),
  );
  ipc.on('project:update', (update) => deps.project.update(update));
  ipc.on('project:preview', (preview) => deps.project.preview(preview));
  ipc.on('export:available', (items) => deps.exportsAvailable(items));
  ipc.handle('project:action', (action) => deps.project.action(action));
  ipc.handle(
    'project:open-recent',
    projectsOnly((file) => deps.project.openRecent(file)),
  );
  ipc.handle(
    'project:open-dropped',
    projectsOnly((file) => deps.project.openDropped(file)),
  );
  ipc.handle('project:recent', () => deps.project.recent());
  ipc.handle('project:restore-backup', () => deps.project.restoreBackup());
  ipc.handle('project:discard-backup', () => deps.project.discardBackup());
  ipc.handle('progress:load', () => deps.progress.load());
  ipc.handle('progress:save', (json) => deps.progress.save(json));
  ipc.handle('app:info', () => deps.appInfo());
  ipc.handle('file:export', (file) => deps.saveExport(file));
}
