/**
 * The open project as the page sees it, in both hosts. It turns the Lab's state into a
 * project file and back, keeps the main process told (Electron) or a backup in the
 * browser's storage (browser) after changes, and runs New, Open, Save and Save As. A
 * failure leaves the Lab exactly as it was and puts a message in `message`.
 *
 * Telling main and backing up follow BackupSchedule: spaced out while training, in idle
 * time, the file text made in slices, so a digits network never stalls the page.
 */
export type { ProjectMessage, ProjectOverview, RestoreOffer } from './overview';
import { defaultConfig, type LabConfig } from '../../core/config';
import type { LabApi, LoadedProject } from '../../core/ipc';
import { checkProject, createProject, nameFromFileName, projectFileName, type Project } from '../../core/project';
import type { Lab } from '../app/lab.svelte';
import { sharedLessons, type LessonsState } from '../lessons/lessons.svelte';
import { defaultBackend } from '../lessons/progressStore';
import { adoptLegacyBackup, projectTextInSlices, readBackupInfo, readBackupProject } from './backup';
import { BackupSchedule, hurriedSlicer, pageClock, type ScheduleClock } from './backupSchedule';
import { browserBackupStore, type BackupStore } from './backupStore';
import { BrowserBackups, desktopSync, type Sync, type SyncSource } from './hostSync';
import { putIntoLab } from './intoLab';
import { onLeaving } from './leaving';
import { projectOverview, type ProjectMessage, type ProjectOverview, type RestoreOffer } from './overview';
import { parseOffThread } from './parseOffThread';
import { filePickers, readThrough, saveTarget, writeThrough, type FilePickers } from './fileAccess';
import { downloadText, readChosenFile } from './files';
import { RecentWork, type RecentItem } from './recent.svelte';
import { makeRecentPicture } from './recentPicture';
import { browserRecentStore, MAX_TEXT_CHARS } from './recentStore';

export class Projects {
  /** The project's own name, saved inside the file ("spiral"). */
  projectName = $state('Untitled');
  /** Desktop: the file it was opened from or saved to. */
  path = $state<string | null>(null);
  message = $state<ProjectMessage | null>(null);
  busy = $state(false);
  /** Unsaved work an earlier visit (browser) or run (desktop) left, waiting for Restore or Discard. */
  pendingRestore = $state.raw<RestoreOffer | null>(null);
  /** Browser: New was pressed with unsaved changes; waiting for the learner's answer. */
  confirmingNew = $state(false);
  /** Browser with File System Access: the file the open project came from or was saved to; Save writes back to it. */
  fileHandle = $state.raw<FileSystemFileHandle | null>(null);

  readonly desktop: boolean;
  /** Browser: the system's Open and Save dialogs where the browser has them (fileAccess.ts), else null. */
  readonly pickers: FilePickers | null;
  /** The recent projects with their pictures (main's list on the desktop, IndexedDB in the browser). */
  readonly recentWork: RecentWork;
  /** The learner's lessons; the ones that belong to the project travel in its file. */
  private readonly lessons: LessonsState;
  /** Browser: where unsaved work is backed up (null on the desktop, or with no storage). */
  private readonly store: BackupStore | null;
  private readonly browserBackups: BrowserBackups | null;
  /** Tells main (desktop) or backs up (browser); the schedule says when. */
  private readonly sync: Sync;
  private readonly backups: BackupSchedule;
  private wasRunning = false;
  /** Desktop: the `seq` of main's last load that is in the Lab (0 before any). */
  private loadedSeq = 0;
  private readonly cleanups: (() => void)[] = [];
  /** Desktop: settles once main's latest load is in the Lab (or has failed). */
  private applying: Promise<void> = Promise.resolve();

  /** Opening something else now would lose work: unsaved changes, or unsaved work found after a reload. */
  get unsaved(): boolean {
    return this.lab.dirty || this.pendingRestore !== null;
  }

  /** The open project in a line, with its likely file size; never runs the network. */
  readonly overview: ProjectOverview = $derived.by(() => projectOverview(this.lab.config));

  constructor(
    private readonly lab: Lab,
    private readonly api: LabApi | undefined,
    /** Browser: localStorage, where earlier versions kept the backup. */
    private readonly storage: Storage | null,
    // A time stamp for the file, never shown reactively: a plain Date is right here.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    private readonly now: () => Date = () => new Date(),
    lessons?: LessonsState,
    clock: ScheduleClock = pageClock(),
    pickers: FilePickers | null = api ? null : filePickers(),
  ) {
    this.desktop = api !== undefined;
    this.pickers = pickers;
    this.lessons = lessons ?? sharedLessons(defaultBackend);
    this.store = api ? null : browserBackupStore(storage);
    this.recentWork = new RecentWork(api, api ? null : browserRecentStore(), makeRecentPicture, now);
    const source: SyncSource = {
      currentProject: () => this.currentProject(),
      dirty: () => this.lab.dirty,
      // Until a digits project's images arrive, the engine still holds the previous network.
      // In the browser the backup slot holds the offered work until it is answered; main keeps it apart.
      held: () => this.lab.waitingFor !== null || (api === undefined && this.pendingRestore !== null),
      loaded: () => this.loadedSeq,
    };
    this.browserBackups = this.store ? new BrowserBackups(source, this.store, (text) => (this.message = { kind: 'error', text })) : null;
    const noStore: Sync = async () => undefined;
    this.sync = api ? desktopSync(source, (update) => api.project.update(update)) : (this.browserBackups?.sync ?? noStore);
    this.backups = new BackupSchedule(this.sync, clock);
  }

  /** Starts listening and watching; returns a function that stops it all. */
  start(): () => void {
    if (this.api) {
      this.cleanups.push(
        this.api.project.onLoad((loaded) => {
          this.applying = this.loaded(loaded).catch(() => undefined);
        }),
      );
      this.cleanups.push(
        this.api.project.onSaved((saved) => {
          this.path = saved.path;
          this.projectName = nameFromFileName(saved.name);
          this.lab.markSaved();
          this.message = { kind: 'info', text: `Saved as ${saved.name}.` };
          this.backups.note('settings');
          // Main keeps a picture of the file just saved for its place on the recent list.
          void this.currentProject()
            .then((project) => this.recentWork.describeToMain(project, this.loadedSeq))
            .catch(() => undefined)
            .finally(() => void this.refreshRecent());
        }),
      );
      this.cleanups.push(this.api.project.onBackupFound((offer) => (this.pendingRestore = { ...offer, epoch: null })));
      void this.refreshRecent();
    } else if (this.store) {
      void this.refreshRecent();
      const store = this.store;
      void adoptLegacyBackup(this.storage, store).then(() => this.findBackup(store));
      // A change not yet backed up is backed up at once when the page is hidden or closed.
      this.cleanups.push(onLeaving(() => this.backups.note('leave')));
    }
    this.cleanups.push(
      $effect.root(() => {
        // Three effects, so that the deep read of the settings (which may hold thousands of the
        // learner's points) runs when they change, not on each of ~60 snapshots a second.
        $effect(() => {
          void $state.snapshot(this.lab.config);
          void $state.snapshot(this.lab.view);
          this.backups.note('settings');
        });
        $effect(() => {
          // Training progress: only noted here; the schedule decides when to back up.
          const running = this.lab.snapshot?.running ?? false;
          const paused = this.wasRunning && !running;
          this.wasRunning = running;
          this.backups.note(running ? 'progress' : paused ? 'pause' : 'settings');
        });
        $effect(() => {
          // The dirty flag, the name and lesson progress.
          void this.lab.dirty;
          void this.projectName;
          void this.lessons.progress;
          this.backups.note('settings');
        });
      }),
    );
    this.cleanups.push(() => this.backups.stop());
    return () => {
      for (const cleanup of this.cleanups.splice(0)) cleanup();
    };
  }

  /** The Lab's work as a project, with the engine's exact parameters. */
  async currentProject(): Promise<Project> {
    const state = await this.lab.requestState();
    const view = $state.snapshot(this.lab.view);
    return createProject({
      name: this.projectName.trim() || 'Untitled',
      config: $state.snapshot(this.lab.config) as LabConfig,
      state,
      history: this.lab.history,
      lessons: this.lessons.forProject(),
      // A project reopens in the Lab rather than in this list of files.
      view: { ...view, area: view.area === 'projects' ? 'lab' : view.area },
      challenge: $state.snapshot(this.lab.challenge),
      savedAt: this.now(),
    });
  }

  /**
   * The current project as file text, checked by the loader's own rules first, so nothing
   * is saved that could not be opened again. Throws with a message otherwise.
   */
  async projectText(): Promise<string> {
    return projectTextInSlices(await this.checkedProject(), hurriedSlicer());
  }

  /** The current project, checked by the loader's own rules (throws with a message otherwise). */
  private async checkedProject(): Promise<Project> {
    const check = checkProject(await this.currentProject());
    if (!check.ok) {
      throw new Error(
        "The project could not be saved: the Lab's settings and its network do not match right now. " +
          `Check the Lab for a message, then save again. (${check.message})`,
      );
    }
    return check.project;
  }

  save(): Promise<void> {
    return this.api ? this.desktopAction('save') : this.browserSave(false);
  }

  saveAs(): Promise<void> {
    return this.api ? this.desktopAction('save-as') : this.browserSave(true);
  }

  /**
   * Browser: writes back to the open file where the page may (File System Access), or to a file
   * the Save dialog gives (always for Save As…); elsewhere, or when the learner does not let the
   * page write, downloads the file as before. The recent list keeps the handle, or the text.
   */
  private async browserSave(ask: boolean): Promise<void> {
    await this.run(async () => {
      const fileName = projectFileName(this.projectName);
      // The dialog first, while the click that asked still lets the page show one.
      const target = await saveTarget(this.pickers, ask ? null : this.fileHandle, fileName);
      if (target.kind === 'cancelled') {
        this.message = { kind: 'info', text: 'Not saved: no file was chosen.' };
        return;
      }
      if (target.kind === 'handle' && target.picked) this.projectName = nameFromFileName(target.handle.name);
      const project = await this.checkedProject();
      const text = await projectTextInSlices(project, hurriedSlicer());
      let note = '';
      if (target.kind === 'handle') {
        try {
          await writeThrough(target.handle, text);
          this.saved(`Saved ${target.handle.name}.`);
          this.fileHandle = target.handle;
          await this.recentWork.remember(target.handle.name, project, { text, handle: target.handle });
          return;
        } catch (error) {
          note = ` (“${target.handle.name}” could not be written: ${error instanceof Error ? error.message : String(error)})`;
        }
      }
      // No file to write to: a download, as every browser can.
      this.fileHandle = null;
      downloadText(text, fileName);
      this.saved(`Saved as ${fileName} in your downloads${note}.`);
      await this.recentWork.remember(fileName, project, { text });
    });
  }

  private saved(said: string): void {
    this.lab.markSaved();
    this.forgetBackup();
    this.message = { kind: 'info', text: said };
  }

  /** Desktop: Open… shows the native dialog (main asks about unsaved changes first). */
  open(): Promise<void> {
    return this.desktopAction('open');
  }

  async openRecent(file: string): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.run(async () => {
      await this.sync(hurriedSlicer());
      const result = await api.project.openPath(file);
      if (!result.ok && result.message) this.message = { kind: 'error', text: result.message };
      await this.refreshRecent();
    });
  }

  /**
   * Browser: Open… through the system's dialog, where the browser has one; the file's handle is
   * kept, so Save writes back to it. False when there is no dialog to use: the caller opens its
   * file input instead.
   */
  async openPicked(): Promise<boolean> {
    const pickers = this.pickers;
    if (!pickers) return false;
    let shown = true;
    await this.run(async () => {
      const picked = await pickers.open();
      if (picked.kind !== 'picked') {
        shown = picked.kind === 'cancelled';
        return;
      }
      const read = await readThrough(picked.handle);
      if (!read.ok) {
        this.message = { kind: 'error', text: `The browser could not read “${picked.handle.name}”. Choose it again.` };
        return;
      }
      await this.opened(read.file, picked.handle);
    });
    return shown;
  }

  /** Browser: opens a file the learner chose; on any problem nothing changes. */
  async openFile(file: File): Promise<void> {
    await this.run(() => this.opened(file, null));
  }

  private async opened(file: File, handle: FileSystemFileHandle | null): Promise<void> {
    const result = await readChosenFile(file);
    if (!result.ok) {
      this.message = { kind: 'error', text: result.message };
      return;
    }
    await this.adopt(result.project, `Opened ${file.name}.`);
    this.fileHandle = handle;
    const text = file.size <= MAX_TEXT_CHARS ? await file.text() : undefined;
    if (handle || text !== undefined) await this.recentWork.remember(file.name, result.project, { text, handle: handle ?? undefined });
  }

  /**
   * Opens a project of the recent list. The desktop app's main process asks about unsaved
   * changes; the browser asks here first (`recentWork.confirming`), then reads the file
   * again (a handle) or the text it kept. One that has gone leaves the list with a message.
   */
  async openRecentItem(item: RecentItem, confirmed = false): Promise<void> {
    if (this.api) return this.openRecent(item.key);
    if (this.lab.dirty && !confirmed) {
      this.recentWork.confirming = item;
      return;
    }
    this.recentWork.confirming = null;
    await this.run(async () => {
      const read = await this.recentWork.read(item);
      if (!read.ok) {
        this.message = { kind: 'error', text: read.message };
        return;
      }
      const parsed = await parseOffThread(read.text, { fileName: read.name });
      if (!parsed.ok) {
        this.message = { kind: 'error', text: parsed.message };
        return;
      }
      await this.adopt(parsed.project, `Opened ${item.name}.`);
      // The copy kept in place of a file the page may not read: Save asks where (the entry keeps its handle).
      this.fileHandle = read.copy ? null : (read.handle ?? null);
      await this.recentWork.remember(item.name, parsed.project, { text: read.text, handle: read.handle });
    });
  }

  /**
   * Opens a project the app holds (an example) as an untitled copy: Save asks where, and the
   * copy it came from never changes. The desktop first asks main for a new document, so main
   * asks its Save / Don't Save / Cancel question about unsaved changes; in the browser the
   * caller asks first (ExampleList). Resolves true once the Lab has it.
   */
  async openCopy(project: Project): Promise<boolean> {
    const api = this.api;
    let opened = false;
    await this.run(async () => {
      if (api) {
        await this.sync(hurriedSlicer());
        const result = await api.project.action('new');
        if (!result.ok) {
          if (result.message) this.message = { kind: 'error', text: result.message };
          return;
        }
        // Main's fresh, untitled document reaches the Lab first; the copy then replaces it.
        await this.applying;
        this.path = null;
      } else {
        this.pendingRestore = null;
        this.confirmingNew = false;
        this.fileHandle = null;
        this.forgetBackup();
      }
      this.projectName = project.name;
      await this.apply(project, false);
      this.message = { kind: 'info', text: `Opened the example “${project.name}”. It is your own copy: save it to keep your changes.` };
      opened = true;
    });
    return opened;
  }

  async newProject(confirmed = false): Promise<void> {
    if (this.api) return this.desktopAction('new');
    if (this.lab.dirty && !confirmed) {
      this.confirmingNew = true;
      return;
    }
    this.confirmingNew = false;
    // A new project is no challenge (and its limits must not refuse the new settings).
    this.lab.challenge = null;
    void this.lab.configure(defaultConfig());
    this.lab.markSaved();
    this.lessons.openProject({});
    this.projectName = 'Untitled';
    this.fileHandle = null;
    this.forgetBackup();
    this.message = { kind: 'info', text: 'A new project has started.' };
  }

  /** Brings back the unsaved work found at start (the desktop's main asks about newer changes first). */
  async restore(): Promise<void> {
    const api = this.api;
    if (api) {
      await this.run(async () => {
        const result = await api.project.restoreBackup();
        // Cancelled (the learner kept their newer changes): the notice stays.
        if (result.ok || result.message) this.pendingRestore = null;
        if (!result.ok && result.message) this.message = { kind: 'error', text: result.message };
      });
      return;
    }
    const store = this.store;
    if (!this.pendingRestore || !store) return;
    await this.run(async () => {
      const backup = await readBackupProject(store);
      this.pendingRestore = null;
      if (!backup.ok) {
        this.forgetBackup();
        this.message = { kind: 'error', text: backup.message };
        return;
      }
      this.projectName = backup.project.name;
      this.fileHandle = null;
      this.message = { kind: 'info', text: 'Your unsaved work is back. Save it to keep it.' };
      // It comes back in the Lab; the learner stays where they are.
      await this.apply({ ...backup.project, view: { ...backup.project.view, area: this.lab.view.area } }, true);
    });
  }

  discardRestore(): void {
    this.pendingRestore = null;
    if (this.api) void this.api.project.discardBackup().catch(() => undefined);
    else this.forgetBackup();
  }

  refreshRecent(): Promise<void> {
    return this.recentWork.refresh();
  }

  /** Browser: a file the learner opened replaces the open project; any unsaved work on offer is dropped. */
  private async adopt(project: Project, said: string): Promise<void> {
    this.pendingRestore = null;
    this.fileHandle = null;
    this.forgetBackup();
    this.projectName = project.name;
    this.message = { kind: 'info', text: said };
    await this.apply(project, false);
  }

  /** Puts a project into the Lab; resolves once the Lab has it (digits wait for their images). */
  private apply(project: Project, dirty: boolean): Promise<void> {
    return putIntoLab(this.lab, this.lessons, project, dirty);
  }

  private async loaded(loaded: LoadedProject): Promise<void> {
    const parsed = await parseOffThread(loaded.bytes);
    if (!parsed.ok) {
      this.message = { kind: 'error', text: parsed.message };
      return;
    }
    this.path = loaded.path;
    this.projectName = loaded.path ? nameFromFileName(loaded.name) : parsed.project.name;
    this.message = loaded.restored
      ? { kind: 'info', text: 'Your unsaved work from last time is back. Save it to keep it.' }
      : { kind: 'info', text: `Opened ${loaded.name}.` };
    // Only once the Lab holds it do updates to main say so (main ignores the ones from before).
    void this.refreshRecent();
    // Unsaved work handed back (a crash, a reload) returns to the Lab; the learner stays where they are.
    const project = loaded.restored ? { ...parsed.project, view: { ...parsed.project.view, area: this.lab.view.area } } : parsed.project;
    await this.apply(project, loaded.restored)
      .finally(() => {
        this.loadedSeq = Math.max(this.loadedSeq, loaded.seq);
      })
      .then(() => {
        this.backups.note('pause');
        // Main keeps this picture for the file just opened (a restored backup has no file: main ignores it).
        if (loaded.path) this.recentWork.describeToMain(parsed.project, loaded.seq);
      })
      .finally(() => void this.refreshRecent());
  }

  private async desktopAction(action: 'new' | 'open' | 'save' | 'save-as'): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.run(async () => {
      // Main saves what it was last told: tell it the newest state first.
      await this.sync(hurriedSlicer());
      const result = await api.project.action(action);
      if (!result.ok && result.message) this.message = { kind: 'error', text: result.message };
    });
  }

  private async run(task: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.message = null;
    try {
      await task();
    } catch (error) {
      this.message = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
    } finally {
      this.busy = false;
    }
  }

  /** Browser: offers the backup an earlier visit left. */
  private async findBackup(store: BackupStore): Promise<void> {
    const info = await readBackupInfo(store);
    if (!info) return;
    // Offered where the learner is (renderer/app/StartBar.svelte), not by taking them elsewhere.
    this.pendingRestore = info;
  }

  private forgetBackup(): void {
    void this.browserBackups?.forget();
  }
}
