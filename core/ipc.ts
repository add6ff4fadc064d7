/**
 * The one IPC contract between the renderer and the Electron main process, for both
 * directions. Three maps name every channel with the types that cross it:
 *   - `PageMessages`: page → main, no reply (the preload's send, main's `on`);
 *   - `PageRequests`: page → main with a reply (the preload's invoke, main's `handle`);
 *   - `MainEvents`: main → page (main's `send`, the preload's listeners).
 * electron/ipc-main.ts registers main's side from these maps (sender check and payload parser
 * once per message), electron/ipc-page.ts is the preload's side, and lint forbids raw
 * ipcMain, ipcRenderer and webContents.send anywhere else. The preload exposes `LabApi` as
 * `window.lab`: the renderer never sees ipcRenderer or an IPC event object — only these
 * functions. In the browser host `window.lab` is absent and the renderer uses its own adapters.
 */
import { isExampleId, type ExampleId } from './examples';
import type { Command, EngineEvent } from './protocol';
import type { RecentDetails } from './recent';

/** Page → main messages that get no reply: the payload each carries. */
export interface PageMessages {
  /** One engine command (the engine host checks its shape and answers a bad one). */
  'engine:command': Command;
  /** The packed digit file (core/tabular/digits); same pipe as the commands, so order is kept. */
  'engine:digits': Uint8Array;
  /** The open project's text and dirty flag. */
  'project:update': ProjectUpdate;
  /** A picture and summary of the project now open, for its place on the recent list. */
  'project:preview': ProjectPreview;
  /** Which items of File › Export apply to what the Lab holds now (the menu greys out the rest). */
  'export:available': ExportItem[];
}

/** Page → main requests: the arguments each takes and the reply it gets. */
export interface PageRequests {
  'project:action': { args: [action: ProjectAction]; reply: ActionResult };
  /** Opens a file from main's recent list (anything else is refused). */
  'project:open-recent': { args: [file: string]; reply: ActionResult };
  /** Opens a file dropped on the window; the preload takes its path from the dropped File. */
  'project:open-dropped': { args: [file: string]; reply: ActionResult };
  'project:recent': { args: []; reply: RecentProjects };
  /** Restores the unsaved work an earlier run left (offered by 'project:backup-found'); main asks about newer changes first. */
  'project:restore-backup': { args: []; reply: ActionResult };
  /** Lets that unsaved work go for good. */
  'project:discard-backup': { args: []; reply: void };
  'progress:load': { args: []; reply: string };
  'progress:save': { args: [json: string]; reply: void };
  'app:info': { args: []; reply: AppInfo };
  /** Saves an exported file (PNG, CSV, JSON, Python) where the learner chooses in a save dialog. */
  'file:export': { args: [file: ExportFile]; reply: ActionResult };
}

/** Main → page events: the payload each carries. */
export interface MainEvents {
  'engine:event': EngineEvent;
  'project:load': LoadedProject;
  'project:saved': SavedProject;
  /** Unsaved work an earlier run left: the page offers Restore or Discard in a notice. */
  'project:backup-found': BackupOffer;
  'menu:command': MenuCommand;
  /** File › Export ▸ an item: the page builds that file and saves it through 'file:export'. */
  'menu:export': ExportItem;
  /** Short notices, e.g. "The engine restarted; training resumed from epoch 1200." */
  'app:notice': string;
}

export type PageMessageChannel = keyof PageMessages;
export type PageRequestChannel = keyof PageRequests;
export type MainEventChannel = keyof MainEvents;
export type RequestArgs<C extends PageRequestChannel> = PageRequests[C]['args'];
export type RequestReply<C extends PageRequestChannel> = PageRequests[C]['reply'];

/** Channel names by a short key, for code that prefers a constant to a string. */
export const CHANNELS = {
  engineCommand: 'engine:command',
  engineEvent: 'engine:event',
  engineDigits: 'engine:digits',
  projectUpdate: 'project:update',
  projectPreview: 'project:preview',
  projectLoad: 'project:load',
  projectSaved: 'project:saved',
  projectAction: 'project:action',
  projectRecent: 'project:recent',
  projectOpenRecent: 'project:open-recent',
  projectOpenDropped: 'project:open-dropped',
  projectRestoreBackup: 'project:restore-backup',
  projectDiscardBackup: 'project:discard-backup',
  projectBackupFound: 'project:backup-found',
  menuCommand: 'menu:command',
  menuExport: 'menu:export',
  exportAvailable: 'export:available',
  notice: 'app:notice',
  progressLoad: 'progress:load',
  progressSave: 'progress:save',
  appInfo: 'app:info',
  fileExport: 'file:export',
} as const satisfies Record<string, PageMessageChannel | PageRequestChannel | MainEventChannel>;

/** Every channel of the three maps, each exactly once (a compile error if one is missing). */
export const PAGE_MESSAGE_CHANNELS = [
  'engine:command',
  'engine:digits',
  'project:update',
  'project:preview',
  'export:available',
] as const satisfies readonly PageMessageChannel[];
export const PAGE_REQUEST_CHANNELS = [
  'project:action',
  'project:open-recent',
  'project:open-dropped',
  'project:recent',
  'project:restore-backup',
  'project:discard-backup',
  'progress:load',
  'progress:save',
  'app:info',
  'file:export',
] as const satisfies readonly PageRequestChannel[];
export const MAIN_EVENT_CHANNELS = [
  'engine:event',
  'project:load',
  'project:saved',
  'project:backup-found',
  'menu:command',
  'menu:export',
  'app:notice',
] as const satisfies readonly MainEventChannel[];
type Missing<All, Listed> = Exclude<All, Listed>;
type Holds<T extends true> = T;
/** Compiles only while the lists above and CHANNELS name exactly the channels of the maps. */
export type ChannelListsComplete = Holds<
  [
    Missing<PageMessageChannel, (typeof PAGE_MESSAGE_CHANNELS)[number]>,
    Missing<PageRequestChannel, (typeof PAGE_REQUEST_CHANNELS)[number]>,
    Missing<MainEventChannel, (typeof MAIN_EVENT_CHANNELS)[number]>,
    Missing<PageMessageChannel | PageRequestChannel | MainEventChannel, (typeof CHANNELS)[keyof typeof CHANNELS]>,
  ] extends [never, never, never, never]
    ? true
    : false
>;

/** The current project as the renderer sees it, pushed to main after every change. */
export interface ProjectUpdate {
  /** The whole project file text (see core/project). */
  json: string;
  /** True when the project has changes that are not saved. */
  dirty: boolean;
  /**
   * The `seq` of the last LoadedProject the page has put into the Lab (0 before any). Main
   * ignores an update that describes the page from before main's latest load — say, a fresh
   * page's default project after a crash — so it never saves that over the open file.
   */
  loaded?: number;
}

/**
 * The page's picture and summary of the project it has open. Main keeps them for the open
 * file while that file is on the recent list; the page never names the file.
 */
export interface ProjectPreview extends RecentDetails {
  /** The `seq` of main's last load in the Lab (as in ProjectUpdate): a preview of an older project is ignored. */
  loaded: number;
}

/** One file of the recent list, with the picture and summary kept for it (null before any). */
export interface RecentProject {
  path: string;
  details: RecentDetails | null;
}

export interface RecentProjects {
  /** Newest first, at most ten. */
  projects: RecentProject[];
  /** Files that were on the list but are not there any more: taken off it since the page last asked. */
  removed: string[];
}

/** A project the main process opened (from a menu, the OS, a drop or a restored backup). */
export interface LoadedProject {
  /**
   * The project file's checked, canonical text as UTF-8 bytes. Bytes, not a string: main's
   * project worker hands them over without a copy and main passes them on, so opening the
   * largest project (about 39 MB) does not hold main's event loop; the page decodes and
   * parses them in its own parse worker.
   */
  bytes: Uint8Array;
  /** Display name, e.g. "spiral.actlab" or "Untitled". */
  name: string;
  /** Where it lives on disk; null for a new project or a restored backup. */
  path: string | null;
  /** True when this came from a crash backup (or a page that crashed) and is not saved yet. */
  restored: boolean;
  /** Counts main's loads (1, 2, …); the page echoes it in ProjectUpdate.loaded once applied. */
  seq: number;
}

/** What main says about unsaved work an earlier run left, for the page's notice. */
export interface BackupOffer {
  /** The project's name, e.g. "spiral.actlab" or "Untitled". */
  name: string;
  /** ISO time the backup was written. */
  backedUpAt: string;
  /** The network in a line, e.g. "784 → 64 → 10, handwritten digits". */
  summary: string;
}

/** Where main saved the open project. */
export interface SavedProject {
  name: string;
  path: string;
}

export type ProjectAction = 'new' | 'open' | 'save' | 'save-as';

export interface ActionResult {
  ok: boolean;
  /** Plain-words message when it did not work (or was cancelled: then ok is false and message empty). */
  message: string;
}

/** Commands the native menu sends to the page. */
export type MenuCommand = PageCommand | OpenExampleCommand;
export type PageCommand =
  'show-lessons' | 'show-lab' | 'show-projects' | 'show-digits' | 'play-pause' | 'step' | 'reset' | 'show-shortcuts';
/** File › Open Example › …: open that bundled example (core/examples.ts) as an untitled copy. */
export type OpenExampleCommand = `open-example:${ExampleId}`;

export function openExampleCommand(id: ExampleId): OpenExampleCommand {
  return `open-example:${id}`;
}

/** The example an Open Example command names, or null for any other command (or an unknown example). */
export function exampleOfCommand(command: MenuCommand): ExampleId | null {
  if (!command.startsWith('open-example:')) return null;
  const id = command.slice('open-example:'.length);
  return isExampleId(id) ? id : null;
}

export function isOpenExampleCommand(command: MenuCommand): command is OpenExampleCommand {
  return exampleOfCommand(command) !== null;
}

/** What an export is: a picture, a table, the network as JSON, or a Python script. */
export const EXPORT_KINDS = ['png', 'csv', 'json', 'py'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * The exports the Lab offers (its Export button, and File › Export in the desktop app): the
 * output plot and network diagram as pictures, the loss history, the network as JSON, a
 * PyTorch script, and the data points.
 */
export const EXPORT_ITEMS = ['output-png', 'diagram-png', 'history-csv', 'network-json', 'pytorch', 'points-csv'] as const;
export type ExportItem = (typeof EXPORT_ITEMS)[number];

/** One exported file: its kind, a suggested file name (no folder) and its contents. */
export interface ExportFile {
  kind: ExportKind;
  name: string;
  /** Text for CSV, JSON and Python; bytes for PNG. */
  data: string | Uint8Array;
}

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
    /** Opens a file of the recent list (Open Recent); main refuses any other path. */
    openPath(path: string): Promise<ActionResult>;
    /**
     * Opens a project file dropped on the window: a DOM File object (typed loosely: core has
     * no DOM types). Only a file from this computer has a path; any other is refused.
     */
    openDropped(file: object): Promise<ActionResult>;
    /** Recently opened files, newest first (at most 10), with their pictures, and the ones that have gone. */
    recent(): Promise<RecentProjects>;
    /** Gives main the picture and summary of the open project, for the recent list. */
    preview(preview: ProjectPreview): void;
    onLoad(listener: (project: LoadedProject) => void): () => void;
    onSaved(listener: (saved: SavedProject) => void): () => void;
    /** Unsaved work an earlier run left, offered once the page has loaded. */
    onBackupFound(listener: (offer: BackupOffer) => void): () => void;
    /** Restores that work (main asks about newer unsaved changes first); it arrives through onLoad. */
    restoreBackup(): Promise<ActionResult>;
    /** Lets it go for good. */
    discardBackup(): Promise<void>;
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
  files: {
    /** Asks where to save an exported file and writes it (ok false with an empty message when cancelled). */
    saveExport(file: ExportFile): Promise<ActionResult>;
    /** Tells main which File › Export items apply now (the others are greyed out). */
    setAvailableExports(items: ExportItem[]): void;
    /** File › Export ▸ an item was chosen; returns a function that unsubscribes. */
    onExport(listener: (item: ExportItem) => void): () => void;
  };
}
