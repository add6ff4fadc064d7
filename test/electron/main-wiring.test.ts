/**
 * electron/main.ts run against a stand-in `electron` module (the real binary cannot run
 * here): checks the glue calls the tested functions the way it should — scheme, lock,
 * permissions, window options, IPC registration with sender checks, menu, OS file opening.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, PAGE_MESSAGE_CHANNELS, PAGE_REQUEST_CHANNELS } from '../../core/ipc';
import { defaultConfig } from '../../core/config';
import { createProject, serializeProject } from '../../core/project';

type Fn = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const listeners: Record<string, Fn[]> = {};
  const state = {
    userData: '',
    ready: null as null | (() => void),
    privileged: [] as unknown[],
    protocolHandlers: {} as Record<string, Fn>,
    permissionRequest: null as null | Fn,
    permissionCheck: null as null | Fn,
    ipcOn: {} as Record<string, Fn>,
    ipcHandle: {} as Record<string, Fn>,
    windows: [] as Array<{
      options: Record<string, unknown>;
      url: string;
      events: Record<string, Fn[]>;
      sent: unknown[][];
      focused: number;
    }>,
    menus: [] as unknown[],
    lockRequested: 0,
    messageBoxes: [] as Array<Record<string, unknown>>,
    sandboxEnabled: false,
    openedExternally: [] as string[],
  };
  return { listeners, state };
});

vi.mock('node:worker_threads', async () => {
  const { EventEmitter } = await import('node:events');
  const { decodeBackupFile, decodeProjectFile } = await import('../../electron/documents/decode');
  type Task = { kind: 'project' | 'backup'; file: { fd: number; size: number; name: string } };
  class Worker extends EventEmitter {
    constructor(private readonly script: string) {
      super();
    }
    /** The engine worker stays silent; the project worker's job (documents/parse-host.ts) is done here, a moment later. */
    postMessage(task: Task) {
      if (!String(this.script).endsWith('project-worker.cjs')) return;
      const { kind, file } = task;
      setTimeout(() => {
        this.emit(
          'message',
          kind === 'backup'
            ? { kind, backup: decodeBackupFile(file.fd, file.size) }
            : { kind, reply: decodeProjectFile(file.fd, file.size, file.name) },
        );
      }, 0);
    }
    async terminate() {
      return 0;
    }
  }
  return { Worker, default: { Worker } };
});

vi.mock('electron', () => {
  const { listeners, state } = fake;
  const on = (name: string, listener: Fn) => {
    (listeners[name] ??= []).push(listener);
  };
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows() {
      return BrowserWindow.all;
    }
    record: (typeof state.windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, url: '', events: {}, sent: [], focused: 0 };
      state.windows.push(this.record);
      BrowserWindow.all.push(this);
      const record = this.record;
      this.webContents = {
        send: (...args: unknown[]) => record.sent.push(args),
        isDestroyed: () => false,
        on: () => undefined,
        once: (name: string, listener: Fn) => {
          (record.events[`wc:${name}`] ??= []).push(listener);
        },
        setWindowOpenHandler: () => undefined,
      };
    }
    on(name: string, listener: Fn) {
      (this.record.events[name] ??= []).push(listener);
      return this;
    }
    once(name: string, listener: Fn) {
      return this.on(name, listener);
    }
    async loadURL(url: string) {
      this.record.url = url;
    }
    maximize() {}
    show() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.record.focused += 1;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
    setBackgroundColor() {}
    setTitle() {}
    setDocumentEdited() {}
    setRepresentedFilename() {}
  }
  return {
    app: {
      on,
      requestSingleInstanceLock: () => {
        state.lockRequested += 1;
        return true;
      },
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      getPath: (name: string) => (name === 'userData' ? state.userData : path.join(state.userData, name)),
      getName: () => 'Activation Lab',
      getVersion: () => '0.1.0',
      isPackaged: true,
      quit: () => undefined,
      addRecentDocument: () => undefined,
      enableSandbox: () => {
        state.sandboxEnabled = true;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: Fn) => (state.protocolHandlers[scheme] = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Fn) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Fn) => (state.permissionCheck = handler),
      },
    },
    ipcMain: {
      on: (channel: string, handler: Fn) => (state.ipcOn[channel] = handler),
      handle: (channel: string, handler: Fn) => (state.ipcHandle[channel] = handler),
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => state.menus.push(menu) },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: true, on: () => undefined },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        state.messageBoxes.push(args.at(-1) as Record<string, unknown>);
        return { response: 0 };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    shell: {
      openExternal: async (url: string) => {
        state.openedExternally.push(url);
      },
    },
    BrowserWindow,
  };
});

const { state, listeners } = fake;
const emit = (name: string, ...args: unknown[]) => (listeners[name] ?? []).forEach((l) => l(...args));
let userData: string;

beforeAll(async () => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'actlab-main-'));
  state.userData = userData;
  // The stand-in app is packaged: a dev server named in the environment must be ignored.
  process.env.ACTLAB_DEV_URL = 'http://127.0.0.1:5173';
  await import('../../electron/main');
  expect(state.ready).not.toBeNull();
  state.ready!();
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
});
afterAll(() => {
  delete process.env.ACTLAB_DEV_URL;
  rmSync(userData, { recursive: true, force: true });
});

describe('main.ts wiring', () => {
  it('registers app:// as a privileged standard scheme before ready and serves it', () => {
    expect(state.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(Object.keys(state.protocolHandlers)).toEqual(['app']);
    expect(state.lockRequested).toBe(1);
    expect(state.sandboxEnabled).toBe(true);
  });

  it('denies every permission', () => {
    let granted: boolean | null = null;
    state.permissionRequest!({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(state.permissionCheck!({}, 'notifications')).toBe(false);
  });

  it('opens one locked-down window on app://lab/index.html', () => {
    const [win] = state.windows;
    // Not the dev server, although ACTLAB_DEV_URL names one: the app is packaged.
    expect(win.url).toBe('app://lab/index.html');
    const web = win.options.webPreferences as Record<string, unknown>;
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(String(web.preload)).toMatch(/preload\.cjs$/);
    expect(win.options.show).toBe(false);
    expect(win.options.backgroundColor).toBe('#14171d');
  });

  it('registers one IPC handler per channel, and they check the sender', async () => {
    expect(Object.keys(state.ipcOn).sort()).toEqual([...PAGE_MESSAGE_CHANNELS].sort());
    expect(Object.keys(state.ipcHandle).sort()).toEqual([...PAGE_REQUEST_CHANNELS].sort());
    const stranger = { senderFrame: { url: 'https://evil.example/' } };
    await expect(Promise.resolve(state.ipcHandle[CHANNELS.appInfo](stranger))).rejects.toThrow(/refused/);
    const ours = { senderFrame: { url: 'app://lab/index.html' } };
    await expect(Promise.resolve(state.ipcHandle[CHANNELS.appInfo](ours))).resolves.toMatchObject({
      name: 'Activation Lab',
      version: '0.1.0',
    });
    expect(await state.ipcHandle[CHANNELS.progressLoad](ours)).toBe('');
    // A bad engine command from our page is answered with an error event, not thrown.
    state.ipcOn[CHANNELS.engineCommand]({ ...ours }, { type: 'explode', id: 1 });
    expect(state.windows[0].sent.at(-1)).toEqual([CHANNELS.engineEvent, expect.objectContaining({ type: 'error', replyTo: 1 })]);
    // A digits payload that is not a digits file reaches the page as a plain error event.
    state.ipcOn[CHANNELS.engineDigits]({ ...ours }, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(state.windows[0].sent.at(-1)).toEqual([
      CHANNELS.engineEvent,
      {
        type: 'error',
        replyTo: null,
        message: 'The digit images could not be loaded. This is not a digits file: its first bytes are wrong.',
      },
    ]);
  });

  it('packaged: refuses IPC from the dev server and offers no developer menu items', async () => {
    const dev = { senderFrame: { url: 'http://127.0.0.1:5173/index.html' } };
    await expect(Promise.resolve(state.ipcHandle['app:info'](dev))).rejects.toThrow(/refused/);
    const roles = JSON.stringify(state.menus.at(-1));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('"reload"');
  });

  it('guards every web contents the app creates: no navigation, no new windows, no unlisted external links', () => {
    const handlers: Record<string, Fn> = {};
    let windowOpen: Fn | null = null;
    const contents = {
      on: (name: string, listener: Fn) => {
        handlers[name] = listener;
      },
      setWindowOpenHandler: (handler: Fn) => {
        windowOpen = handler;
      },
    };
    emit('web-contents-created', {}, contents);
    const prevented = (name: string, url?: string) => {
      let stopped = false;
      handlers[name]({ preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(windowOpen!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(windowOpen!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(windowOpen!({ url: 'http://en.wikipedia.org/wiki/Perceptron' })).toEqual({ action: 'deny' });
    expect(state.openedExternally).toEqual([]);
    // An allow-listed https link still opens outside the app, and the window is still denied.
    expect(windowOpen!({ url: 'https://en.wikipedia.org/wiki/Perceptron' })).toEqual({ action: 'deny' });
    expect(prevented('will-navigate', 'https://colah.github.io/')).toBe(true);
    expect(state.openedExternally).toEqual(['https://en.wikipedia.org/wiki/Perceptron', 'https://colah.github.io/']);
  });

  it('sets a menu with the File, Edit, View, Train and Help menus', () => {
    const template = state.menus.at(-1) as Array<{ label?: string; role?: string }>;
    const labels = template.map((m) => (m.label ?? m.role ?? '').replace(/&/g, ''));
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Train', 'Help']));
  });

  it('focuses the window for a second instance and opens its project file', async () => {
    const missing = path.join(userData, 'missing.actlab');
    emit('second-instance', {}, ['/opt/actlab/activation-lab', missing], userData);
    expect(state.windows[0].focused).toBe(1);
    // The open waits for the page; once it has loaded, the file goes to the documents module,
    // which reports the missing file (its message box is the stand-in dialog).
    expect(state.messageBoxes).toEqual([]);
    for (const listener of state.windows[0].events['wc:did-finish-load'] ?? []) listener();
    await vi.waitFor(() => expect(state.messageBoxes.some((box) => box.message === 'The project could not be opened')).toBe(true));
    const box = state.messageBoxes.find((b) => b.message === 'The project could not be opened')!;
    expect(String(box.detail)).toMatch(/missing\.actlab|could not be found|no longer/i);
  });

  it("resolves a second instance's relative file against that instance's working directory", async () => {
    const folder = path.join(userData, 'elsewhere');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'rel.actlab'), serializeProject(createProject({ name: 'rel', config: defaultConfig() })));
    emit('second-instance', {}, ['/opt/actlab/activation-lab', 'rel.actlab'], folder);
    await vi.waitFor(() =>
      expect(
        state.windows[0].sent.some(
          ([channel, payload]) => channel === 'project:load' && (payload as { path: string }).path === path.join(folder, 'rel.actlab'),
        ),
      ).toBe(true),
    );
  });

  it('takes macOS open-file events and stops the default handling', async () => {
    const before = state.messageBoxes.length;
    let prevented = false;
    emit('open-file', { preventDefault: () => (prevented = true) }, path.join(userData, 'other.actlab'));
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(state.messageBoxes.length).toBeGreaterThan(before));
  });
});
