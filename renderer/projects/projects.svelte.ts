/**
 * The open project as the page sees it, in both hosts. It turns the Lab's state into a
 * project file and back, keeps the main process told (Electron) or a backup in
 * localStorage (browser) a couple of seconds after each change, and runs New, Open, Save
 * and Save As. A failure leaves the Lab exactly as it was and puts a message in `message`.
 */
import { defaultConfig, type LabConfig } from '../../core/config';
import type { LabApi, LoadedProject } from '../../core/ipc';
import {
  createProject,
  nameFromFileName,
  parseProject,
  projectFileName,
  serializeProject,
  type Project,
} from '../../core/project';
import type { Lab } from '../app/lab.svelte';
import { sharedLessons, type LessonsState } from '../lessons/lessons.svelte';
import { defaultBackend } from '../lessons/progressStore';
import { clearBackup, readBackup, writeBackup, type BrowserBackup } from './backup';
import { downloadText, readChosenFile } from './files';

/** How soon after a change the main process (or the browser backup) hears of it. */
export const SYNC_DELAY_MS = 2000;

export interface ProjectMessage {
  kind: 'error' | 'info';
  text: string;
}

export class Projects {
  /** The project's own name, saved inside the file ("spiral"). */
  projectName = $state('Untitled');
  /** Desktop: the file it was opened from or saved to. */
  path = $state<string | null>(null);
  recent = $state<string[]>([]);
  message = $state<ProjectMessage | null>(null);
  busy = $state(false);
  /** Browser: unsaved work found after a reload, waiting for Restore or Discard. */
  pendingRestore = $state.raw<BrowserBackup | null>(null);
  /** Browser: New was pressed with unsaved changes; waiting for the learner's answer. */
  confirmingNew = $state(false);

  readonly desktop: boolean;
  /** The learner's lessons; the ones that belong to the project travel in its file. */
  private readonly lessons: LessonsState;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly lab: Lab,
    private readonly api: LabApi | undefined,
    private readonly storage: Storage | null,
    // A time stamp for the file, never shown reactively: a plain Date is right here.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    private readonly now: () => Date = () => new Date(),
    lessons?: LessonsState,
  ) {
    this.desktop = api !== undefined;
    this.lessons = lessons ?? sharedLessons(defaultBackend);
  }

  /** Starts listening and watching; returns a function that stops it all. */
  start(): () => void {
    if (this.api) {
      this.cleanups.push(this.api.project.onLoad((loaded) => this.loaded(loaded)));
      this.cleanups.push(
        this.api.project.onSaved((saved) => {
          this.path = saved.path;
          this.projectName = nameFromFileName(saved.name);
          this.lab.markSaved();
          this.message = { kind: 'info', text: `Saved as ${saved.name}.` };
          void this.sync();
          void this.refreshRecent();
        }),
      );
      void this.refreshRecent();
    } else if (this.storage) {
      this.pendingRestore = readBackup(this.storage);
      if (this.pendingRestore) this.lab.view.area = 'projects';
    }
    this.cleanups.push(
      $effect.root(() => {
        // Two effects, so that the deep read of the settings (which may hold thousands of the
        // learner's points) runs when they change, not on each of ~60 snapshots a second.
        $effect(() => {
          void $state.snapshot(this.lab.config);
          void $state.snapshot(this.lab.view);
          this.schedule();
        });
        $effect(() => {
          // Training progress, the dirty flag, the name and lesson progress.
          void this.lab.snapshot;
          void this.lab.dirty;
          void this.projectName;
          void this.lessons.progress;
          this.schedule();
        });
      }),
    );
    return () => {
      for (const cleanup of this.cleanups.splice(0)) cleanup();
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
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
      savedAt: this.now(),
    });
  }

  /**
   * The current project as file text, checked by the same loader that will open it, so
   * nothing is saved that could not be opened again. Throws with a message otherwise.
   */
  async projectText(): Promise<string> {
    const text = serializeProject(await this.currentProject());
    const check = parseProject(text);
    if (!check.ok) {
      throw new Error(
        'The project could not be saved: the Lab\'s settings and its network do not match right now. ' +
          `Check the Lab for a message, then save again. (${check.message})`,
      );
    }
    return text;
  }

  async save(): Promise<void> {
    if (this.api) return this.desktopAction('save');
    await this.run(async () => {
      const text = await this.projectText();
      const fileName = projectFileName(this.projectName);
      downloadText(text, fileName);
      this.lab.markSaved();
      if (this.storage) clearBackup(this.storage);
      this.message = { kind: 'info', text: `Saved as ${fileName} in your downloads.` };
    });
  }

  saveAs(): Promise<void> {
    return this.api ? this.desktopAction('save-as') : this.save();
  }

  /** Desktop: Open… shows the native dialog (main asks about unsaved changes first). */
  open(): Promise<void> {
    return this.desktopAction('open');
  }

  async openRecent(file: string): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.run(async () => {
      await this.sync();
      const result = await api.project.openPath(file);
      if (!result.ok && result.message) this.message = { kind: 'error', text: result.message };
      await this.refreshRecent();
    });
  }

  /** Browser: opens a file the learner chose; on any problem nothing changes. */
  async openFile(file: File): Promise<void> {
    await this.run(async () => {
      const result = await readChosenFile(file);
      if (!result.ok) {
        this.message = { kind: 'error', text: result.message };
        return;
      }
      this.apply(result.project, false);
      this.projectName = result.project.name;
      if (this.storage) clearBackup(this.storage);
      this.pendingRestore = null;
      this.message = { kind: 'info', text: `Opened ${file.name}.` };
    });
  }

  async newProject(confirmed = false): Promise<void> {
    if (this.api) return this.desktopAction('new');
    if (this.lab.dirty && !confirmed) {
      this.confirmingNew = true;
      return;
    }
    this.confirmingNew = false;
    this.lab.configure(defaultConfig());
    this.lab.markSaved();
    this.lessons.openProject({});
    this.projectName = 'Untitled';
    if (this.storage) clearBackup(this.storage);
    this.message = { kind: 'info', text: 'A new project has started.' };
  }

  /** Browser: brings back the unsaved work found after a reload. */
  restore(): void {
    const backup = this.pendingRestore;
    if (!backup) return;
    this.pendingRestore = null;
    this.apply(backup.project, true);
    this.projectName = backup.project.name;
    this.message = { kind: 'info', text: 'Your unsaved work is back. Save it to keep it.' };
  }

  discardRestore(): void {
    this.pendingRestore = null;
    if (this.storage) clearBackup(this.storage);
  }

  async refreshRecent(): Promise<void> {
    if (!this.api) return;
    try {
      this.recent = await this.api.project.recent();
    } catch {
      this.recent = [];
    }
  }

  /** Puts a project into the Lab: configuration, exact parameters, history and view. */
  private apply(project: Project, dirty: boolean): void {
    if (project.state) {
      this.lab.applyProject({ config: project.config, state: project.state, history: project.history, view: project.view });
    } else {
      this.lab.configure(project.config);
      Object.assign(this.lab.view, project.view);
      this.lab.markSaved();
    }
    this.lessons.openProject(project.lessons);
    if (dirty) this.lab.dirty = true;
  }

  private loaded(loaded: LoadedProject): void {
    const parsed = parseProject(loaded.json);
    if (!parsed.ok) {
      this.message = { kind: 'error', text: parsed.message };
      return;
    }
    this.apply(parsed.project, loaded.restored);
    this.path = loaded.path;
    this.projectName = loaded.path ? nameFromFileName(loaded.name) : parsed.project.name;
    this.message = loaded.restored
      ? { kind: 'info', text: 'Your unsaved work from last time is back. Save it to keep it.' }
      : { kind: 'info', text: `Opened ${loaded.name}.` };
    void this.sync();
    void this.refreshRecent();
  }

  private async desktopAction(action: 'new' | 'open' | 'save' | 'save-as'): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.run(async () => {
      // Main saves what it was last told: tell it the newest state first.
      await this.sync();
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

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync().catch(() => undefined);
    }, SYNC_DELAY_MS);
  }

  /** Tells main the current project (desktop) or backs up unsaved work (browser). */
  private async sync(): Promise<void> {
    if (this.api) {
      const project = await this.currentProject();
      this.api.project.update({ json: serializeProject(project), dirty: this.lab.dirty });
      return;
    }
    if (!this.storage || !this.lab.dirty || this.pendingRestore) return;
    const problem = writeBackup(this.storage, this.projectName, await this.projectText(), this.now());
    if (problem) this.message = { kind: 'error', text: problem };
  }
}
