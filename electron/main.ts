/**
 * The main process: thin glue between Electron and the plain modules beside it. Security
 * decisions live in security.ts, the menu in menu.ts, IPC checks in ipc-handlers.ts, the
 * engine's supervision in engine-host.ts, project files in documents/.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen, session } from 'electron';
import type { AppInfo, ExportItem, MenuCommand } from '../core/ipc';
import { registerAppScheme, handleAppProtocol } from './app-protocol';
import { OpenFileQueue, argvSkip, projectFileFromArgv } from './argv';
import { ENGINE_WORKER_LIMITS, EngineHost } from './engine-host';
import { registerIpcHandlers } from './ipc-handlers';
import { appIpc } from './ipc-main';
import { pageSender } from './ipc-typed';
import { aboutText, buildMenuTemplate } from './menu';
import { APP_ENTRY, devServerUrl, permissionAllowed } from './security';
import { backgroundFor, loadThemeChoice, resolveTheme, saveThemeChoice, type ThemeChoice } from './theme';
import { createMainWindow, guardNavigation } from './window';
import { clampToScreens, loadWindowState, saveWindowState } from './window-state';
import { installDocuments, type Documents } from './documents';
import { createExportSaver } from './exports';

const log = (message: string) => console.warn(`[Activation Lab] ${message}`);
// The dev server and DevTools exist only in development, never in an installed app.
const devOrigin = devServerUrl(process.env.ACTLAB_DEV_URL, app.isPackaged);
const openQueue = new OpenFileQueue();

registerAppScheme();
// Every renderer is sandboxed, whatever its own options say.
app.enableSandbox();

// macOS sends files to open before the window exists; they wait in the queue.
app.on('open-file', (event, file) => {
  event.preventDefault();
  openQueue.push(file);
});

// Every web contents (the window, and anything a bug might create) is kept on our pages.
app.on('web-contents-created', (_event, contents) => guardNavigation(contents, log));

/** Brings the window forward (set once the app is ready). */
let focusApp: () => void = () => undefined;

// A second start of the app (say, double-clicking a project) hands its file to this one.
app.on('second-instance', (_event, argv, workingDirectory) => {
  focusApp();
  const file = projectFileFromArgv(argv, argvSkip(app.isPackaged, Boolean(process.defaultApp)), workingDirectory);
  if (file) openQueue.push(file);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`Could not start: ${message}`);
      dialog.showErrorBox('Activation Lab could not start', message);
      app.quit();
    });
}

function appInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
  };
}

async function start(): Promise<void> {
  // Windows groups the taskbar button and file associations under this id (the installer's appId).
  if (process.platform === 'win32') app.setAppUserModelId('org.activationlab.desktop');
  const userData = app.getPath('userData');
  const settingsFile = path.join(userData, 'settings.json');
  const windowStateFile = path.join(userData, 'window-state.json');
  let theme: ThemeChoice = await loadThemeChoice(settingsFile);
  nativeTheme.themeSource = theme;

  handleAppProtocol(path.join(__dirname, '..', 'renderer'), log);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));

  let win: BrowserWindow | null = null;
  const toPage = pageSender(() => (win && !win.isDestroyed() ? win.webContents : null));

  const engine = new EngineHost({
    createWorker: () => new Worker(path.join(__dirname, 'engine-worker.cjs'), { name: 'engine', resourceLimits: ENGINE_WORKER_LIMITS }),
    onEvent: (event) => toPage('engine:event', event),
    onNotice: (message) => toPage('app:notice', message),
    log,
  });
  engine.start();
  app.on('will-quit', () => void engine.dispose());

  /** File › Export items the page says apply now; none until it says. */
  let exportsAvailable: readonly ExportItem[] = [];
  const documents: Documents = installDocuments({
    userData,
    window: () => win,
    toPage,
    onRecentChanged: () => rebuildMenu(),
    log,
  });

  const saveExport = createExportSaver({
    chooseSave: async (options) => {
      const result = await (win && !win.isDestroyed() ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (file, data) => writeFile(file, data),
    startFolder: () => app.getPath('documents'),
  });

  registerIpcHandlers(appIpc({ devOrigin, log }), {
    engine,
    project: documents.project,
    progress: documents.progress,
    appInfo,
    saveExport,
    exportsAvailable: (items) => {
      if (items.length === exportsAvailable.length && items.every((item) => exportsAvailable.includes(item))) return;
      exportsAvailable = items;
      rebuildMenu();
    },
  });

  const sendCommand = (command: MenuCommand) => toPage('menu:command', command);
  function rebuildMenu(): void {
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: app.getName(),
      recentFiles: documents.recentFiles(),
      theme,
      hasWindow: win !== null && !win.isDestroyed(),
      developer: !app.isPackaged,
      onProjectAction: (action) => {
        const run = { new: documents.newProject, open: documents.open, save: documents.save, 'save-as': documents.saveAs }[action];
        void run();
      },
      onOpenRecent: (file) => void documents.openPath(file),
      onClearRecent: () => void documents.clearRecent(),
      onCommand: sendCommand,
      exports: exportsAvailable,
      onExport: (item) => toPage('menu:export', item),
      onTheme: (choice) => {
        theme = choice;
        nativeTheme.themeSource = choice;
        void saveThemeChoice(settingsFile, choice).catch((error: unknown) => log(`Could not save the theme: ${String(error)}`));
        rebuildMenu();
      },
      onAbout: () => {
        const info = appInfo();
        const options = {
          type: 'info' as const,
          title: `About ${info.name}`,
          message: info.name,
          detail: aboutText(info),
          buttons: ['OK'],
        };
        void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  nativeTheme.on('updated', () => {
    const resolved = resolveTheme(theme, nativeTheme.shouldUseDarkColors);
    if (win && !win.isDestroyed()) win.setBackgroundColor(backgroundFor(resolved));
  });

  async function openWindow(): Promise<void> {
    const saved = await loadWindowState(windowStateFile);
    const state = clampToScreens(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    win = createMainWindow({
      theme: resolveTheme(theme, nativeTheme.shouldUseDarkColors),
      preload: path.join(__dirname, 'preload.cjs'),
      state,
      url: devOrigin ? `${devOrigin}/` : APP_ENTRY,
      devTools: !app.isPackaged,
      onPageGone: (reason) => log(`The page's process ended (${reason}); reloading it.`),
      onStateChange: (next) =>
        void saveWindowState(windowStateFile, next).catch((error: unknown) => log(`Could not save the window state: ${String(error)}`)),
    });
    documents.attachWindow(win);
    const current = win;
    current.on('closed', () => {
      openQueue.detach();
      if (win === current) win = null;
      rebuildMenu();
    });
    current.webContents.once('did-finish-load', () => openQueue.attach((file) => void documents.openPath(file)));
    rebuildMenu();
  }

  focusApp = () => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    } else {
      void openWindow();
    }
  };

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const firstFile = projectFileFromArgv(process.argv, argvSkip(app.isPackaged, Boolean(process.defaultApp)), process.cwd());
  if (firstFile) openQueue.push(firstFile);
  await openWindow();
}
