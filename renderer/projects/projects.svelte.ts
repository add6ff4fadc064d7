/**
 * The open project as the page sees it, in both hosts. It turns the Lab's state into a
 * project file and back, keeps the main process told (Electron) or a backup in the
 * browser's storage (browser) after changes, and runs New, Open, Save and Save As. A
 * failure leaves the Lab exactly as it was and puts a message in `message`.
 *
 * Save and Open are browserFiles.ts in the browser and desktopFiles.ts with the desktop's
 * main process; this class runs them one at a time (`busy`) and keeps the state they share.
 * Telling main and backing up follow BackupSchedule: spaced out while training, in idle
 * time, the file text made in slices, so a digits network never stalls the page.
 */
export type { ProjectMessage, ProjectOverview, RestoreOffer } from './overview';
import { defaultConfig, type LabConfig } from '../../core/config';
import type { LabApi } from '../../core/ipc';
import { checkProject, createProject, type Project } from '../../core/project';
import type { Lab } from '../app/lab.svelte';
import { sharedLessons, type LessonsState } from '../lessons/lessons.svelte';
import { defaultBackend } from '../lessons/progressStore';
import { adoptLegacyBackup, projectTextInSlices, readBackupInfo, readBackupProject } from './backup';
import { BackupSchedule, hurriedSlicer, pageClock, type ScheduleClock } from './backupSchedule';
import { browserBackupStore, type BackupStore } from './backupStore';
import { BrowserBackups, desktopSync, type Sync, type SyncSource } from './hostSync';
import { BrowserFiles } from './browserFiles';
import { DesktopFiles } from './desktopFiles';
import { filePickers, type FilePickers } from './fileAccess';
import { putIntoLab } from './intoLab';
import { onLeaving } from './leaving';
import { projectOverview, type ProjectMessage, type ProjectOverview, type RestoreOffer } from './overview';
import { RecentWork, type RecentItem } from './recent.svelte';
import { makeRecentPicture } from './recentPicture';
import { browserRecentStore } from './recentStore';
import { watchChanges } from './watchChanges.svelte';

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
  /** Browser: Save and Open through the system's dialogs, the file input and downloads. */
  private readonly browserFiles: BrowserFiles;
  /** Tells main (desktop) or backs up (browser); the schedule says when. */
  private readonly sync: Sync;
  private readonly backups: BackupSchedule;
  /** Desktop: main's loads, saves and actions (null in the browser). */
  private readonly desktopFiles: DesktopFiles | null;
  private readonly cleanups: (() => void)[] = [];

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
      loaded: () => this.desktopFiles?.loadedSeq ?? 0,
    };
    this.browserBackups = this.store ? new BrowserBackups(source, this.store, (text) => (this.message = { kind: 'error', text })) : null;
    const noStore: Sync = async () => undefined;
    this.sync = api ? desktopSync(source, (update) => api.project.update(update)) : (this.browserBackups?.sync ?? noStore);
    this.backups = new BackupSchedule(this.sync, clock);
    this.desktopFiles = api
      ? new DesktopFiles(api, this, {
          currentProject: () => this.currentProject(),
          apply: (project, dirty) => this.apply(project, dirty),
          markSaved: () => this.lab.markSaved(),
          area: () => this.lab.view.area,
          note: (kind) => this.backups.note(kind),
          sync: () => this.sync(hurriedSlicer()),
        })
      : null;
    this.browserFiles = new BrowserFiles(this, {
      checkedProject: () => this.checkedProject(),
      saved: (said) => this.saved(said),
      adopt: (project, said) => this.adopt(project, said),
    });
  }

  /** Starts listening and watching; returns a function that stops it all. */
  start(): () => void {
    if (this.desktopFiles) {
      this.cleanups.push(...this.desktopFiles.listen());
      void this.refreshRecent();
    } else if (this.store) {
      void this.refreshRecent();
      const store = this.store;
      void adoptLegacyBackup(this.storage, store).then(() => this.findBackup(store));
      // A change not yet backed up is backed up at once when the page is hidden or closed.
      this.cleanups.push(onLeaving(() => this.backups.note('leave')));
    }
    this.cleanups.push(
      watchChanges(
        this.lab,
        this.lessons,
        () => this.projectName,
        (kind) => this.backups.note(kind),
      ),
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
    return this.api ? this.desktopAction('save') : this.run(() => this.browserFiles.save(false));
  }

  saveAs(): Promise<void> {
    return this.api ? this.desktopAction('save-as') : this.run(() => this.browserFiles.save(true));
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

  /** Desktop: opens a file of main's recent list. */
  async openRecent(file: string): Promise<void> {
    const desktop = this.desktopFiles;
    if (desktop) await this.run(() => desktop.openRecent(file));
  }

  /**
   * Browser: Open… through the system's dialog, where the browser has one (browserFiles.ts).
   * False when there is no dialog to use: the caller opens its file input instead.
   */
  async openPicked(): Promise<boolean> {
    if (!this.pickers) return false;
    let shown = true;
    await this.run(async () => {
      shown = await this.browserFiles.openPicked();
    });
    return shown;
  }

  /** Browser: opens a file the learner chose; on any problem nothing changes. */
  async openFile(file: File): Promise<void> {
    await this.run(() => this.browserFiles.opened(file, null));
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
    await this.run(() => this.browserFiles.openRecent(item));
  }

  /**
   * Opens a project the app holds (an example) as an untitled copy: Save asks where, and the
   * copy it came from never changes. The desktop first asks main for a new document, so main
   * asks its Save / Don't Save / Cancel question about unsaved changes; in the browser the
   * caller asks first (ExampleList). Resolves true once the Lab has it.
   */
  async openCopy(project: Project): Promise<boolean> {
    const desktop = this.desktopFiles;
    let opened = false;
    await this.run(async () => {
      if (desktop) {
        // Main's fresh, untitled document reaches the Lab first; the copy then replaces it.
        if (!(await desktop.newDocument())) return;
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
    const desktop = this.desktopFiles;
    if (desktop) return this.run(() => desktop.restore());
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

  private desktopAction(action: 'new' | 'open' | 'save' | 'save-as'): Promise<void> {
    const desktop = this.desktopFiles;
    return desktop ? this.run(() => desktop.action(action)) : Promise.resolve();
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
