/**
 * Project documents in the main process: the only file in electron/documents that imports
 * Electron. It connects the DocumentController (controller.ts) to native dialogs, the
 * window, the page and the user-data folder.
 *
 * How the shell (electron/main.ts) wires it:
 *   const documents = installDocuments({ userData: app.getPath('userData'), window: () => win,
 *     toPage, onRecentChanged: rebuildMenu, log });
 *   - IPC: pass `documents.project` as `project` and `documents.progress` as `progress` to
 *     registerIpcHandlers (the typed helpers of ipc-typed.ts check senders and payloads, then
 *     call these plain functions of the payload). This file registers no IPC handlers itself.
 *   - Menu: File › New / Open… / Save / Save As… → `documents.newProject()` / `open()` /
 *     `save()` / `saveAs()`; Open Recent → `documents.openPath(file)` with
 *     `documents.recentFiles()` as the list; Clear → `documents.clearRecent()`. These show a
 *     native message box when something fails (the page's own buttons get the message back
 *     through `project.action` instead).
 *   - Files from the OS (argv, second-instance, macOS open-file, drops): `documents.openPath(file)`.
 *   - After creating the window: `documents.attachWindow(win)`. That keeps the title, asks
 *     "Save / Don't Save / Cancel" when the window closes or the app quits with unsaved
 *     changes (main process, not beforeunload), once the page has loaded offers the page
 *     work a crash left behind (`offerBackup`; the page's notice restores or discards it), and after the page itself crashed and
 *     reloaded hands it the open document again, unsaved changes included (`pageReloaded`).
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { defaultConfig } from '../../core/config';
import type { ActionResult, ProjectAction, ProjectPreview, ProjectUpdate, RecentProjects } from '../../core/ipc';
import type { PageSend } from '../ipc-typed';
import { createProject, serializeProject } from '../../core/project';
import { Backups } from './backups';
import { DocumentController, type Question } from './controller';
import { readProjectFile, writeProjectFile } from './files';
import { WorkerParser } from './parse-host';
import { createProgressStore, type ProgressStore } from './progress';
import { RecentPreviews } from './previews';
import { RecentFiles } from './recent';

export interface DocumentsDeps {
  userData: string;
  window(): BrowserWindow | null;
  toPage: PageSend;
  /** The recent list changed: rebuild the menu. */
  onRecentChanged(): void;
  log(message: string): void;
  /** The bundled project worker (default: project-worker.cjs beside the bundled main.cjs). */
  projectWorkerFile?: string;
}

export interface Documents {
  /** For registerIpcHandlers: plain functions of the (already checked) payload. */
  project: {
    update(update: ProjectUpdate): void;
    action(action: ProjectAction): Promise<ActionResult>;
    openRecent(file: string): Promise<ActionResult>;
    openDropped(file: string): Promise<ActionResult>;
    /** The recent list with each file's picture, and the files found gone since last asked. */
    recent(): Promise<RecentProjects>;
    /** The page's picture of the open project: kept for the open file while it is on the recent list. */
    preview(preview: ProjectPreview): void;
    /** The page's Restore and Discard for work an earlier run left (offerBackup). */
    restoreBackup(): Promise<ActionResult>;
    discardBackup(): Promise<void>;
  };
  progress: ProgressStore;
  newProject(): Promise<ActionResult>;
  open(): Promise<ActionResult>;
  openPath(file: string): Promise<ActionResult>;
  /** The same as openPath (the name the shell's draft uses). */
  openFile(file: string): Promise<ActionResult>;
  save(): Promise<ActionResult>;
  saveAs(): Promise<ActionResult>;
  /** The recent list as last read (synchronous, for building the menu). */
  recentFiles(): string[];
  clearRecent(): Promise<void>;
  confirmClose(): Promise<boolean>;
  offerBackup(): Promise<boolean>;
  attachWindow(win: BrowserWindow): void;
}

const FILTERS = [{ name: 'Activation Lab projects', extensions: ['actlab'] }];

export function installDocuments(deps: DocumentsDeps): Documents {
  const live = () => {
    const win = deps.window();
    return win && !win.isDestroyed() ? win : null;
  };
  const messageBox = (options: MessageBoxOptions) => {
    const win = live();
    return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  };
  let lastFolder: string | null = null;

  const recent = new RecentFiles({
    file: path.join(deps.userData, 'recent-projects.json'),
    caseInsensitive: process.platform === 'win32' || process.platform === 'darwin',
  });
  const previews = new RecentPreviews({
    file: path.join(deps.userData, 'recent-previews.json'),
    caseInsensitive: process.platform === 'win32' || process.platform === 'darwin',
  });
  // Pictures are kept only for files on the list: they go when their file leaves it.
  const recentChanged = <T>(task: Promise<T>): Promise<T> =>
    task.finally(() => {
      deps.onRecentChanged();
      void previews.keepOnly(recent.cached());
    });

  // Project files and backups are parsed in a worker: no file can hold this event loop.
  const parser = new WorkerParser({ workerFile: deps.projectWorkerFile ?? path.join(__dirname, 'project-worker.cjs') });
  const backups = new Backups({
    dir: path.join(deps.userData, 'backups'),
    parser,
    sessionId: `${Date.now()}-${process.pid}`,
    onError: deps.log,
  });

  const controller = new DocumentController({
    platform: process.platform,
    files: { read: (file) => readProjectFile(file, parser), write: (file, text) => writeProjectFile(file, text) },
    dialogs: {
      async chooseOpen() {
        const options = {
          title: 'Open Project',
          defaultPath: lastFolder ?? undefined,
          properties: ['openFile' as const],
          filters: FILTERS,
        };
        const win = live();
        const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
        const file = result.canceled ? null : (result.filePaths[0] ?? null);
        if (file) lastFolder = path.dirname(file);
        return file;
      },
      async chooseSave(defaultName) {
        const folder = lastFolder ?? app.getPath('documents');
        const options = { title: 'Save Project', defaultPath: path.join(folder, defaultName), filters: FILTERS };
        const win = live();
        const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
        const file = result.canceled || !result.filePath ? null : result.filePath;
        if (file) lastFolder = path.dirname(file);
        return file;
      },
    },
    ask: async (question: Question) => (await messageBox({ type: 'question', noLink: true, ...question })).response,
    page: {
      load: (project) => deps.toPage('project:load', project),
      saved: (saved) => deps.toPage('project:saved', saved),
      offer: (offer) => deps.toPage('project:backup-found', offer),
    },
    recent: {
      has: (file) => recent.has(file),
      add: (file) => {
        app.addRecentDocument(file);
        return recentChanged(recent.add(file));
      },
      remove: (file) => recentChanged(recent.remove(file)),
    },
    backups,
    newProjectJson: () => serializeProject(createProject({ config: defaultConfig() })),
    now: () => new Date(),
  });

  void recentChanged(recent.load());

  /** Menu and OS actions have no page button to show a failure next to: use a message box. */
  const withMessage = (title: string) => async (result: Promise<ActionResult>) => {
    const outcome = await result;
    if (!outcome.ok && outcome.message) await messageBox({ type: 'warning', message: title, detail: outcome.message, buttons: ['OK'] });
    return outcome;
  };
  const opening = withMessage('The project could not be opened');
  const saving = withMessage('The project could not be saved');

  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  return {
    project: {
      update: (update) => controller.update(update),
      action: (action) => controller.action(action),
      openRecent: (file) => controller.openRecent(file),
      openDropped: (file) => controller.openPath(file),
      recent: async () => {
        const files = await recent.load();
        await previews.load();
        return { projects: files.map((file) => ({ path: file, details: previews.get(file) })), removed: recent.takeGone() };
      },
      preview: ({ loaded, ...details }) => {
        const file = controller.current().path;
        if (!controller.describes(loaded) || file === null || !recent.has(file)) return;
        void previews.set(file, details, recent.cached());
      },
      restoreBackup: () => controller.restoreOffered(),
      discardBackup: () => controller.discardOffered(),
    },
    progress: createProgressStore(path.join(deps.userData, 'lesson-progress.json')),
    newProject: () => controller.newProject(),
    open: () => opening(controller.open()),
    openPath: (file) => opening(controller.openPath(file)),
    openFile: (file) => opening(controller.openPath(file)),
    save: () => saving(controller.save()),
    saveAs: () => saving(controller.saveAs()),
    recentFiles: () => recent.cached(),
    clearRecent: () => recentChanged(recent.clear()),
    confirmClose: () => controller.confirmClose(),
    offerBackup: () => controller.offerBackup(),
    attachWindow(win) {
      controller.attachWindow({
        setTitle: (title) => win.setTitle(title),
        setDocumentEdited: (edited) => win.setDocumentEdited(edited),
        setRepresentedFilename: (file) => win.setRepresentedFilename(file),
      });
      // The page's <title> must not replace the document title.
      win.on('page-title-updated', (event) => event.preventDefault());
      let mayClose = false;
      win.on('close', (event) => {
        if (mayClose) return;
        event.preventDefault();
        const wasQuitting = quitting;
        quitting = false;
        void controller.confirmClose().then((go) => {
          if (!go || win.isDestroyed()) return;
          mayClose = true;
          if (wasQuitting) app.quit();
          else win.close();
        });
      });
      win.on('closed', () => controller.attachWindow(null));
      // The first load is told of an earlier run's backup; every later one (the page crashed and
      // window.ts reloaded it, or View › Reload) gets the open document back, unsaved or not.
      let firstLoad = true;
      win.webContents.on('did-finish-load', () => {
        const task = firstLoad ? controller.offerBackup() : controller.pageReloaded();
        firstLoad = false;
        void task.catch((error: unknown) => deps.log(`Could not hand the project to the page: ${String(error)}`));
      });
    },
  };
}
