/**
 * What one scheduled sync does in each host (BackupSchedule decides when it runs):
 * - desktop: tells the main process the whole project text, which main keeps for Save and
 *   for its crash backup;
 * - browser: writes a backup of unsaved work into the browser's storage.
 * Either way the file text is made one piece per slice, so the page keeps drawing.
 */
import type { ProjectUpdate } from '../../core/ipc';
import type { Project } from '../../core/project';
import { BACKUP_FAILED, clearBackup, projectTextInSlices, writeBackup } from './backup';
import type { Slicer } from './backupSchedule';
import type { BackupStore } from './backupStore';

/** The open work, as a sync sees it. */
export interface SyncSource {
  /** The Lab's work as a project, with the engine's exact state. */
  currentProject(): Promise<Project>;
  /** True when there are changes that are not saved. */
  dirty(): boolean;
  /** True while nothing should be written now (the digit images still coming, a restore offer open). */
  held(): boolean;
  /** Desktop: the `seq` of main's last load that is in the Lab (0 before any). */
  loaded?(): number;
}

export type Sync = (slicer: Slicer) => Promise<void>;

/** Desktop: sends the project to main (at once after an Open, or on every scheduled sync). */
export function desktopSync(source: SyncSource, update: (update: ProjectUpdate) => void): Sync {
  return async (slicer) => {
    if (source.held()) return;
    // Read first: if main's next load lands while this text is being made, main sees this
    // update is from before it and ignores it.
    const loaded = source.loaded?.() ?? 0;
    const dirty = source.dirty();
    const json = await projectTextInSlices(await source.currentProject(), slicer);
    update({ json, dirty, loaded });
  };
}

/** Browser: backs up unsaved work; a backup that is forgotten while being written is thrown away. */
export class BrowserBackups {
  /** Goes up on every forget, so a backup still being written then does not come back. */
  private generation = 0;

  constructor(
    private readonly source: SyncSource,
    private readonly store: BackupStore,
    private readonly onError: (message: string) => void,
  ) {}

  readonly sync: Sync = async (slicer) => {
    if (this.source.held() || !this.source.dirty()) return;
    const generation = this.generation;
    // An engine that does not answer is tried again at the next change, without a message.
    const project = await this.source.currentProject();
    try {
      await writeBackup(this.store, project, slicer);
    } catch {
      this.onError(BACKUP_FAILED);
      return;
    }
    // Saved, opened or discarded while this was being written: it is not unsaved work any more.
    if (generation !== this.generation || !this.source.dirty()) await this.forget();
  };

  /** The work was saved, replaced or discarded: the backup goes. */
  forget(): Promise<void> {
    this.generation++;
    return clearBackup(this.store);
  }
}
