/**
 * The document logic of the main process, free of Electron: which project is open, where
 * it lives, whether it has unsaved changes, the window title, and the New / Open / Save /
 * Save As / close flows with their "Save / Don't Save / Cancel" question. Everything it
 * touches (dialogs, the window, the page, files, backups) comes in as an adapter, so tests
 * drive it completely. On any failure the open project stays exactly as it was.
 */
import path from 'node:path';
import type { ActionResult, BackupOffer, LoadedProject, ProjectAction, ProjectUpdate } from '../../core/ipc';
import { PROJECT_EXTENSION, nameFromFileName, parseProject, projectFileName } from '../../core/project';
import type { BackupEntry, PendingBackup } from './backups';
import type { ReadResult } from './files';
import { projectTextInTurns } from './text';
import { refusePathForm } from '../paths';

export const APP_TITLE = 'Activation Lab';
export const UNTITLED = 'Untitled';

/** A message box: returns the index of the button pressed. */
export interface Question {
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

export interface WindowAdapter {
  setTitle(title: string): void;
  /** macOS: the dot in the close button. */
  setDocumentEdited(edited: boolean): void;
  /** macOS: the file icon in the title bar ('' for none). */
  setRepresentedFilename(file: string): void;
}

export interface ControllerDeps {
  platform: string;
  /** `read` gives the project as the bytes of its canonical text, parsed off the main thread (files.ts). */
  files: { read(file: string): Promise<ReadResult>; write(file: string, text: string): Promise<void> };
  dialogs: {
    /** Native Open dialog filtered to .actlab; null when cancelled. */
    chooseOpen(): Promise<string | null>;
    /** Native Save dialog filtered to .actlab; null when cancelled. */
    chooseSave(defaultName: string): Promise<string | null>;
  };
  ask(question: Question): Promise<number>;
  page: { load(project: LoadedProject): void; saved(saved: { name: string; path: string }): void; offer(offer: BackupOffer): void };
  recent: { has(file: string): boolean; add(file: string): Promise<unknown>; remove(file: string): Promise<unknown> };
  backups: {
    changed(entry: BackupEntry): void;
    flush(): Promise<void>;
    discard(): Promise<void>;
    pendingBackup(): Promise<PendingBackup | null>;
    forgetEarlier(): Promise<void>;
  };
  /** The text of a fresh project for File › New. */
  newProjectJson(): string;
  now(): Date;
}

/** Said when the page asks to restore unsaved work that is no longer on offer. */
export const NO_BACKUP_MESSAGE = 'That unsaved work is not there any more: it was restored or discarded already.';

/** Said when the page asks for a file that is not on the recent list. */
export const NOT_RECENT_MESSAGE = 'That file is not in your recent projects any more. Open it with File › Open….';

const OK: ActionResult = { ok: true, message: '' };
const CANCELLED: ActionResult = { ok: false, message: '' };

function offerOf(backup: PendingBackup): BackupOffer {
  return { name: backup.name, backedUpAt: backup.backedUpAt, summary: backup.summary };
}

function failed(message: string): ActionResult {
  return { ok: false, message };
}

/** Adds .actlab when a save dialog returned a name without it. */
export function withExtension(file: string): string {
  return file.toLowerCase().endsWith(PROJECT_EXTENSION) ? file : `${file}${PROJECT_EXTENSION}`;
}

export function windowTitle(name: string, dirty: boolean, platform: string): string {
  // macOS shows unsaved changes with the dot in the close button instead.
  const marker = dirty && platform !== 'darwin' ? '• ' : '';
  return `${marker}${name} — ${APP_TITLE}`;
}

/**
 * The open project as main holds it: the text the page last sent, or the checked bytes a
 * file was read as. Bytes stay bytes on their way to the page (no 39 MB string is made on
 * this event loop to open a file); text is turned into bytes only to hand it back.
 */
type OpenText = string | Uint8Array;

const asBytes = (text: OpenText): Uint8Array => (typeof text === 'string' ? new TextEncoder().encode(text) : text);
const asString = (text: OpenText): string => (typeof text === 'string' ? text : new TextDecoder().decode(text));

/** What show() is given: a LoadedProject without its number, its text in either form. */
type Shown = Omit<LoadedProject, 'seq' | 'bytes'> & { text: OpenText };

export class DocumentController {
  private file: string | null = null;
  private name = UNTITLED;
  private dirty = false;
  private text: OpenText | null = null;
  private window: WindowAdapter | null = null;
  /** Counts the projects handed to the page; updates from before the latest are stale. */
  private loads = 0;
  /** Actions run one at a time (a second Save while a dialog is open waits its turn). */
  private queue: Promise<unknown> = Promise.resolve();
  /** Unsaved work an earlier run left, offered to the page and not yet answered. */
  private offered: PendingBackup | null = null;

  constructor(private readonly deps: ControllerDeps) {}

  /** What is open now, for tests and the menu. */
  current(): { path: string | null; name: string; dirty: boolean } {
    return { path: this.file, name: this.name, dirty: this.dirty };
  }

  /** True when a page update numbered `loaded` describes the open document (see update()). */
  describes(loaded: number): boolean {
    return loaded === this.loads;
  }

  title(): string {
    return windowTitle(this.name, this.dirty, this.deps.platform);
  }

  attachWindow(window: WindowAdapter | null): void {
    this.window = window;
    this.refreshWindow();
  }

  /**
   * The page reports the project's text and whether it has unsaved changes. An update from a
   * page that has not yet put main's latest load into the Lab (a fresh page after a crash
   * still showing its default project, or an update sent just before an Open) describes
   * something that is not the open document: it is ignored.
   */
  update(update: ProjectUpdate): void {
    if (update.loaded !== undefined && update.loaded !== this.loads) return;
    this.text = update.json;
    this.dirty = update.dirty;
    if (update.dirty) this.deps.backups.changed({ json: update.json, name: this.name, path: this.file });
    this.refreshWindow();
  }

  action(action: ProjectAction): Promise<ActionResult> {
    switch (action) {
      case 'new':
        return this.newProject();
      case 'open':
        return this.open();
      case 'save':
        return this.save();
      case 'save-as':
        return this.saveAs();
    }
  }

  newProject(): Promise<ActionResult> {
    return this.serial(async () => {
      if (!(await this.confirmDiscard())) return CANCELLED;
      this.show({ text: this.deps.newProjectJson(), name: UNTITLED, path: null, restored: false });
      await this.deps.backups.discard();
      return OK;
    });
  }

  open(): Promise<ActionResult> {
    return this.serial(async () => {
      const file = await this.deps.dialogs.chooseOpen();
      return file === null ? CANCELLED : this.openNow(file);
    });
  }

  /**
   * Opens a file by a path main trusts: the command line, a second instance, macOS
   * open-file, a drop, or the menu's Open Recent. Network shares and device paths are refused.
   */
  openPath(file: string): Promise<ActionResult> {
    return this.serial(async () => {
      const form = refusePathForm(file);
      return form ? failed(form) : this.openNow(file);
    });
  }

  /** The page's Open Recent: only a file that is on the recent list opens. */
  openRecent(file: string): Promise<ActionResult> {
    return this.serial(async () => {
      if (!this.deps.recent.has(file)) return failed(NOT_RECENT_MESSAGE);
      const form = refusePathForm(file);
      return form ? failed(form) : this.openNow(file);
    });
  }

  save(): Promise<ActionResult> {
    return this.serial(() => this.saveNow(false));
  }

  saveAs(): Promise<ActionResult> {
    return this.serial(() => this.saveNow(true));
  }

  /** Closing the window or quitting: true when it may go ahead. */
  confirmClose(): Promise<boolean> {
    return this.serial(async () => {
      const go = await this.confirmDiscard();
      if (go) await this.deps.backups.discard();
      return go;
    });
  }

  /**
   * The page loaded again (after its process crashed, or a reload): it knows nothing, so it
   * gets the open document back — unsaved changes included, still unsaved. Nothing it sends
   * before it has that document in the Lab is taken for the document.
   */
  pageReloaded(): Promise<boolean> {
    return this.serial(async () => {
      // A fresh page has lost the notice about an earlier run's work: it is offered again.
      if (this.offered) this.deps.page.offer(offerOf(this.offered));
      if (this.text === null) return false;
      this.handToPage({ text: this.text, name: this.name, path: this.file, restored: this.dirty });
      return true;
    });
  }

  /**
   * At start: tells the page about work an earlier run did not save, asking nothing. The page
   * shows a notice saying what it is, with Restore and Discard, and the learner carries on
   * meanwhile. True when there was work to offer.
   */
  offerBackup(): Promise<boolean> {
    return this.serial(async () => {
      const backup = await this.deps.backups.pendingBackup();
      this.offered = backup;
      if (backup) this.deps.page.offer(offerOf(backup));
      return backup !== null;
    });
  }

  /** The notice's Discard: the earlier run's work is gone for good. */
  discardOffered(): Promise<void> {
    return this.serial(async () => {
      if (!this.offered) return;
      this.offered = null;
      await this.deps.backups.forgetEarlier();
    });
  }

  /**
   * The notice's Restore: the earlier run's work replaces the open project, after the usual
   * "Save / Don't Save / Cancel" question if the learner has made changes since.
   */
  restoreOffered(): Promise<ActionResult> {
    return this.serial(async () => {
      const backup = this.offered;
      if (!backup) return failed(NO_BACKUP_MESSAGE);
      if (!(await this.confirmDiscard())) return CANCELLED;
      this.offered = null;
      // The bytes the project worker transferred go on as they are: no string is made of them here.
      this.show({ text: backup.bytes, name: backup.name, path: backup.path, restored: true });
      this.dirty = true;
      this.refreshWindow();
      // Keep it safe under this run's backup before the earlier run's file goes.
      this.deps.backups.changed({ json: backup.bytes, name: backup.name, path: backup.path });
      await this.deps.backups.flush();
      await this.deps.backups.forgetEarlier();
      return OK;
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Asks "Save / Don't Save / Cancel" when there are unsaved changes; true to go ahead. */
  private async confirmDiscard(): Promise<boolean> {
    if (!this.dirty) return true;
    const choice = await this.deps.ask({
      message: `Do you want to save the changes you made to "${this.name}"?`,
      detail: "Your changes will be lost if you don't save them.",
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
    });
    if (choice === 0) return (await this.saveNow(false)).ok;
    return choice === 1;
  }

  private async openNow(file: string): Promise<ActionResult> {
    const result = await this.deps.files.read(file);
    if (!result.ok) {
      if (result.missing && this.deps.recent.has(file)) {
        await this.deps.recent.remove(file);
        return failed(`${result.message} It has been taken off your recent projects.`);
      }
      return failed(result.message);
    }
    if (!(await this.confirmDiscard())) return CANCELLED;
    // On the list before the page hears of it: the page's picture of it (project:preview) is kept only for listed files.
    await this.deps.recent.add(file);
    this.show({ text: result.bytes, name: path.basename(file), path: file, restored: false });
    await this.deps.backups.discard();
    return OK;
  }

  private async saveNow(choosePlace: boolean): Promise<ActionResult> {
    if (this.text === null) return failed('There is nothing to save yet: the project has not finished loading.');
    const parsed = parseProject(asString(this.text));
    if (!parsed.ok) return failed(`The project could not be saved because it is not complete. ${parsed.message}`);
    let target = this.file;
    if (choosePlace || target === null) {
      const chosen = await this.deps.dialogs.chooseSave(this.file ? path.basename(this.file) : projectFileName(parsed.project.name));
      if (chosen === null) return CANCELLED;
      target = withExtension(chosen);
    }
    const text = await projectTextInTurns({ ...parsed.project, name: nameFromFileName(target), savedAt: this.deps.now().toISOString() });
    try {
      await this.deps.files.write(target, text);
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error));
    }
    this.file = target;
    this.name = path.basename(target);
    this.dirty = false;
    this.text = text;
    this.refreshWindow();
    await this.deps.recent.add(target);
    this.deps.page.saved({ name: this.name, path: target });
    await this.deps.backups.discard();
    return OK;
  }

  /** Hands a project to the page, numbered so the page's updates can say they have it. */
  private handToPage({ text, ...project }: Shown): void {
    this.loads += 1;
    this.deps.page.load({ ...project, bytes: asBytes(text), seq: this.loads });
  }

  /** Hands a project to the page and makes it the open one. */
  private show(project: Shown): void {
    this.handToPage(project);
    this.file = project.path;
    this.name = project.name;
    this.dirty = false;
    this.text = project.text;
    this.refreshWindow();
  }

  private refreshWindow(): void {
    if (!this.window) return;
    this.window.setTitle(this.title());
    if (this.deps.platform === 'darwin') {
      this.window.setDocumentEdited(this.dirty);
      this.window.setRepresentedFilename(this.file ?? '');
    }
  }
}
