/**
 * The open project's side of the desktop app's documents, apart from the Projects state class
 * that runs them: main owns the file, its dialogs and the unsaved-changes question, so the page
 * tells main the newest state before each action, takes in what main loads (a file, or unsaved
 * work handed back), hears when main saved, and keeps main's recent list told of the pictures.
 */
import type { LabApi, LoadedProject } from '../../core/ipc';
import { nameFromFileName, type Project } from '../../core/project';
import type { ChangeKind } from './backupSchedule';
import type { ProjectMessage, RestoreOffer } from './overview';
import { parseOffThread } from './parseOffThread';
import type { RecentWork } from './recent.svelte';

/** The open project's state these actions read and set (the Projects class is one). */
export interface DesktopDesk {
  /** The file it was opened from or saved to. */
  path: string | null;
  projectName: string;
  message: ProjectMessage | null;
  pendingRestore: RestoreOffer | null;
  readonly recentWork: Pick<RecentWork, 'describeToMain' | 'refresh'>;
}

/** What the actions ask of the open project's owner and its Lab. */
export interface DesktopSteps {
  currentProject(): Promise<Project>;
  /** Puts a project into the Lab; resolves once the Lab has it. */
  apply(project: Project, dirty: boolean): Promise<void>;
  /** Main saved the Lab's work. */
  markSaved(): void;
  /** The area the learner is in now (work handed back returns without taking them elsewhere). */
  area(): Project['view']['area'];
  /** A change for the backup schedule. */
  note(kind: ChangeKind): void;
  /** Tells main the newest state at once. */
  sync(): Promise<void>;
}

/** An action's answer from main: a message where it failed and said why (a cancel says nothing). */
type Answer = { ok: boolean; message?: string };

export class DesktopFiles {
  /** The `seq` of main's last load that is in the Lab (0 before any). */
  loadedSeq = 0;
  /** Settles once main's latest load is in the Lab (or has failed). */
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: LabApi,
    private readonly desk: DesktopDesk,
    private readonly steps: DesktopSteps,
  ) {}

  /** Listens to main's loads, saves and backup offers; returns the functions that stop listening. */
  listen(): (() => void)[] {
    const project = this.api.project;
    return [
      project.onLoad((loaded) => {
        this.applying = this.loaded(loaded).catch(() => undefined);
      }),
      project.onSaved((saved) => {
        this.desk.path = saved.path;
        this.desk.projectName = nameFromFileName(saved.name);
        this.steps.markSaved();
        this.desk.message = { kind: 'info', text: `Saved as ${saved.name}.` };
        this.steps.note('settings');
        // Main keeps a picture of the file just saved for its place on the recent list.
        void this.steps
          .currentProject()
          .then((current) => this.desk.recentWork.describeToMain(current, this.loadedSeq))
          .catch(() => undefined)
          .finally(() => void this.desk.recentWork.refresh());
      }),
      project.onBackupFound((offer) => (this.desk.pendingRestore = { ...offer, epoch: null })),
    ];
  }

  /** New, Open…, Save or Save As… in main (main asks about unsaved changes and shows the dialogs). */
  async action(action: 'new' | 'open' | 'save' | 'save-as'): Promise<void> {
    // Main saves what it was last told: tell it the newest state first.
    await this.steps.sync();
    this.said(await this.api.project.action(action));
  }

  /** Opens a file of main's recent list. */
  async openRecent(file: string): Promise<void> {
    await this.steps.sync();
    this.said(await this.api.project.openPath(file));
    await this.desk.recentWork.refresh();
  }

  /**
   * Asks main for a new, untitled document (main asks about unsaved changes first); true once
   * that document is in the Lab, so a copy can replace it.
   */
  async newDocument(): Promise<boolean> {
    await this.steps.sync();
    const result = await this.api.project.action('new');
    if (!result.ok) {
      this.said(result);
      return false;
    }
    await this.applying;
    this.desk.path = null;
    return true;
  }

  /** Brings back the unsaved work main found at start (main asks about newer changes first). */
  async restore(): Promise<void> {
    const result = await this.api.project.restoreBackup();
    // Cancelled (the learner kept their newer changes): the notice stays.
    if (result.ok || result.message) this.desk.pendingRestore = null;
    this.said(result);
  }

  private said(result: Answer): void {
    if (!result.ok && result.message) this.desk.message = { kind: 'error', text: result.message };
  }

  private async loaded(loaded: LoadedProject): Promise<void> {
    const desk = this.desk;
    const parsed = await parseOffThread(loaded.bytes);
    if (!parsed.ok) {
      desk.message = { kind: 'error', text: parsed.message };
      return;
    }
    desk.path = loaded.path;
    desk.projectName = loaded.path ? nameFromFileName(loaded.name) : parsed.project.name;
    desk.message = loaded.restored
      ? { kind: 'info', text: 'Your unsaved work from last time is back. Save it to keep it.' }
      : { kind: 'info', text: `Opened ${loaded.name}.` };
    // Only once the Lab holds it do updates to main say so (main ignores the ones from before).
    void desk.recentWork.refresh();
    // Unsaved work handed back (a crash, a reload) returns to the Lab; the learner stays where they are.
    const project = loaded.restored ? { ...parsed.project, view: { ...parsed.project.view, area: this.steps.area() } } : parsed.project;
    await this.steps
      .apply(project, loaded.restored)
      .finally(() => {
        this.loadedSeq = Math.max(this.loadedSeq, loaded.seq);
      })
      .then(() => {
        this.steps.note('pause');
        // Main keeps this picture for the file just opened (a restored backup has no file: main ignores it).
        if (loaded.path) desk.recentWork.describeToMain(parsed.project, loaded.seq);
      })
      .finally(() => void desk.recentWork.refresh());
  }
}
