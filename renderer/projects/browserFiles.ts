/**
 * Save and Open in the browser host, apart from the Projects state class that runs them: where
 * Save writes (back to the open file's handle, a file the Save dialog gives, or a download),
 * Open… through the system's dialog, opening a file the learner chose, and opening a project
 * of the recent list. Every path ends the same way: the Lab has the project and the recent
 * list keeps it (with its handle where there is one), or nothing changes and `message` says why.
 * The File System Access calls themselves are fileAccess.ts; the file input and downloads files.ts.
 */
import { nameFromFileName, projectFileName, type Project } from '../../core/project';
import { projectTextInSlices } from './backup';
import { hurriedSlicer } from './backupSchedule';
import { readThrough, saveTarget, writeThrough, type FilePickers } from './fileAccess';
import { downloadText, readChosenFile } from './files';
import type { ProjectMessage } from './overview';
import { parseOffThread } from './parseOffThread';
import type { RecentItem, RecentWork } from './recent.svelte';
import { MAX_TEXT_CHARS } from './recentStore';

/** The open project's state these actions read and set (the Projects class is one). */
export interface FileDesk {
  readonly pickers: FilePickers | null;
  /** The file the open project came from or was saved to; Save writes back to it. */
  fileHandle: FileSystemFileHandle | null;
  projectName: string;
  message: ProjectMessage | null;
  readonly recentWork: Pick<RecentWork, 'remember' | 'read'>;
}

/** What the actions ask of the open project's owner. */
export interface FileSteps {
  /** The current project, checked by the loader's own rules (throws with a message otherwise). */
  checkedProject(): Promise<Project>;
  /** The project was saved: the Lab is clean, the backup goes, and the message says `said`. */
  saved(said: string): void;
  /** A project the learner opened replaces the open one (resolves once the Lab has it). */
  adopt(project: Project, said: string): Promise<void>;
}

export class BrowserFiles {
  constructor(
    private readonly desk: FileDesk,
    private readonly steps: FileSteps,
    private readonly download: (text: string, fileName: string) => void = downloadText,
  ) {}

  /**
   * Writes back to the open file where the page may (File System Access), or to a file the
   * Save dialog gives (always when `ask`, Save As…); elsewhere, or when the learner does not let
   * the page write, downloads the file. The recent list keeps the handle, or the text.
   */
  async save(ask: boolean): Promise<void> {
    const desk = this.desk;
    const fileName = projectFileName(desk.projectName);
    // The dialog first, while the click that asked still lets the page show one.
    const target = await saveTarget(desk.pickers, ask ? null : desk.fileHandle, fileName);
    if (target.kind === 'cancelled') {
      desk.message = { kind: 'info', text: 'Not saved: no file was chosen.' };
      return;
    }
    if (target.kind === 'handle' && target.picked) desk.projectName = nameFromFileName(target.handle.name);
    const project = await this.steps.checkedProject();
    const text = await projectTextInSlices(project, hurriedSlicer());
    let note = '';
    if (target.kind === 'handle') {
      try {
        await writeThrough(target.handle, text);
        this.steps.saved(`Saved ${target.handle.name}.`);
        desk.fileHandle = target.handle;
        await desk.recentWork.remember(target.handle.name, project, { text, handle: target.handle });
        return;
      } catch (error) {
        note = ` (“${target.handle.name}” could not be written: ${error instanceof Error ? error.message : String(error)})`;
      }
    }
    // No file to write to: a download, as every browser can.
    desk.fileHandle = null;
    this.download(text, fileName);
    this.steps.saved(`Saved as ${fileName} in your downloads${note}.`);
    await desk.recentWork.remember(fileName, project, { text });
  }

  /**
   * Open… through the system's dialog; the file's handle is kept, so Save writes back to it.
   * False when no dialog could be shown (none, or the browser refused): the caller opens its
   * file input instead. Closing the dialog is true: the learner saw it and chose nothing.
   */
  async openPicked(): Promise<boolean> {
    const pickers = this.desk.pickers;
    if (!pickers) return false;
    const picked = await pickers.open();
    if (picked.kind !== 'picked') return picked.kind === 'cancelled';
    const read = await readThrough(picked.handle);
    if (!read.ok) {
      this.desk.message = { kind: 'error', text: `The browser could not read “${picked.handle.name}”. Choose it again.` };
      return true;
    }
    await this.opened(read.file, picked.handle);
    return true;
  }

  /** Opens a file the learner chose (with its handle, when the dialog gave one); on any problem nothing changes. */
  async opened(file: File, handle: FileSystemFileHandle | null): Promise<void> {
    const result = await readChosenFile(file);
    if (!result.ok) {
      this.desk.message = { kind: 'error', text: result.message };
      return;
    }
    await this.steps.adopt(result.project, `Opened ${file.name}.`);
    this.desk.fileHandle = handle;
    // A file too big to keep as text stays on the list only through its handle.
    const text = file.size <= MAX_TEXT_CHARS ? await file.text() : undefined;
    if (handle || text !== undefined) await this.desk.recentWork.remember(file.name, result.project, { text, handle: handle ?? undefined });
  }

  /** Reads a project of the recent list again (its handle, or the text kept); one that has gone leaves the list with a message. */
  async openRecent(item: RecentItem): Promise<void> {
    const desk = this.desk;
    const read = await desk.recentWork.read(item);
    if (!read.ok) {
      desk.message = { kind: 'error', text: read.message };
      return;
    }
    const parsed = await parseOffThread(read.text, { fileName: read.name });
    if (!parsed.ok) {
      desk.message = { kind: 'error', text: parsed.message };
      return;
    }
    await this.steps.adopt(parsed.project, `Opened ${item.name}.`);
    // The copy kept in place of a file the page may not read: Save asks where (the entry keeps its handle).
    desk.fileHandle = read.copy ? null : (read.handle ?? null);
    await desk.recentWork.remember(item.name, parsed.project, { text: read.text, handle: read.handle });
  }
}
