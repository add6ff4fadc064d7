/**
 * The one IPC contract between the renderer and the Electron main process. The preload
 * exposes `LabApi` as `window.lab`; the main process registers one handler per channel.
 * The renderer never sees `ipcRenderer` or an IPC event object — only these functions.
 * In the browser host `window.lab` is absent and the renderer uses its own adapters.
 */
import type { Command, EngineEvent } from './protocol';

/** Channel names, in one place for both sides. */
export const CHANNELS = {
  engineCommand: 'engine:command',
  engineEvent: 'engine:event',
  engineDigits: 'engine:digits',
  projectUpdate: 'project:update',
  projectLoad: 'project:load',
  projectSaved: 'project:saved',
  projectAction: 'project:action',
  projectRecent: 'project:recent',
  projectOpenPath: 'project:open-path',
  menuCommand: 'menu:command',
  notice: 'app:notice',
  progressLoad: 'progress:load',
  progressSave: 'progress:save',
  appInfo: 'app:info',
} as const;

/** The current project as the renderer sees it, pushed to main after every change. */
export interface ProjectUpdate {
  /** The whole project file text (see core/project). */
  json: string;
  /** True when the project has changes that are not saved. */
  dirty: boolean;
}

/** A project the main process opened (from a menu, the OS, a drop or a restored backup). */
export interface LoadedProject {
  json: string;
  /** Display name, e.g. "spiral.actlab" or "Untitled". */
  name: string;
  /** Where it lives on disk; null for a new project or a restored backup. */
  path: string | null;
  /** True when this came from a crash backup and is not saved yet. */
  restored: boolean;
}

export type ProjectAction = 'new' | 'open' | 'save' | 'save-as';

export interface ActionResult {
  ok: boolean;
  /** Plain-words message when it did not work (or was cancelled: then ok is false and message empty). */
  message: string;
}

/** Commands the native menu sends to the page. */
export type MenuCommand =
  | 'show-lessons'
  | 'show-lab'
  | 'show-projects'
  | 'show-digits'
  | 'play-pause'
  | 'step'
  | 'reset'
  | 'show-shortcuts';

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
}

export interface LabApi {
  engine: {
    /** Sends one command to the engine worker. */
    send(command: Command): void;
    /** Subscribes to engine events; returns a function that unsubscribes. */
    onEvent(listener: (event: EngineEvent) => void): () => void;
    /**
     * Hands the packed digit file (as core/tabular/digits decodes it) to the engine, which
     * keeps it for every later digits configuration, also across an engine restart. Call it
     * before configuring a digits network: commands sent after it are handled after it. A
     * file the engine cannot use is answered with an error event (replyTo null).
     */
    provideDigits(bytes: Uint8Array): void;
  };
  project: {
    /** Tells main the current project text and whether it has unsaved changes. */
    update(update: ProjectUpdate): void;
    /** Runs File › New / Open… / Save / Save As… (main asks to save first where needed). */
    action(action: ProjectAction): Promise<ActionResult>;
    /** Opens a project file by path (Open Recent, or a file dropped on the window). */
    openPath(path: string): Promise<ActionResult>;
    /** The path of a dropped DOM File object (typed loosely: core has no DOM types). */
    pathForFile(file: object): string;
    /** Recently opened files, newest first (at most 10). */
    recent(): Promise<string[]>;
    onLoad(listener: (project: LoadedProject) => void): () => void;
    onSaved(listener: (saved: { name: string; path: string }) => void): () => void;
  };
  menu: {
    onCommand(listener: (command: MenuCommand) => void): () => void;
  };
  /** Short notices from main, e.g. "The engine restarted; training resumed from epoch 1200." */
  onNotice(listener: (message: string) => void): () => void;
  progress: {
    /** Lesson progress kept in the user-data folder, as JSON text ("" when none yet). */
    load(): Promise<string>;
    save(json: string): Promise<void>;
  };
  appInfo(): Promise<AppInfo>;
}
