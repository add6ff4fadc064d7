/**
 * The recent projects as the Projects area shows them, in both hosts:
 * - desktop: main's recent list (File › Open Recent) with the pictures main keeps; the page
 *   sends main a picture of the project it has open after each open and save;
 * - browser: the projects this browser opened or saved, kept in IndexedDB (recentStore.ts).
 * A file that has gone is taken off the list, and `notice` says so.
 */
import type { LabApi, RecentProjects } from '../../core/ipc';
import { summarize, type Project } from '../../core/project';
import type { RecentDetails, RecentPicture } from '../../core/recent';
import type { RecentRead, RecentStore } from './recentStore';

/** One recent project, as the list shows it. */
export interface RecentItem {
  /** The path (desktop) or the store's id (browser). */
  key: string;
  /** The file name. */
  name: string;
  /** Desktop: the folder it is in. */
  where: string | null;
  summary: string | null;
  when: string | null;
  picture: RecentPicture | null;
  /** Browser: whether it opens the file itself (a handle) or the copy this browser kept. */
  from: 'file' | 'copy' | null;
}

/** Draws a project's pictures (thumbnail.ts); null where it cannot. */
export type PictureMaker = (project: Project) => RecentPicture | null;

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The folder part of a path, with the system's own separators. */
export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : file.slice(0, cut + 1);
}

/** Said when main found recent files gone. */
export function removedMessage(files: readonly string[]): string {
  const names = files.map((file) => `“${baseName(file)}”`);
  if (names.length === 1) {
    return `${names[0]} is not where it was (it may have been moved, renamed or deleted), so it was taken off your recent projects. Use Open… to find it again.`;
  }
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are not where they were (they may have been moved, renamed or deleted), so they were taken off your recent projects.`;
}

export class RecentWork {
  items = $state.raw<RecentItem[]>([]);
  notice = $state<string | null>(null);
  /** Browser: the project to open once the learner agrees to lose unsaved changes. */
  confirming = $state.raw<RecentItem | null>(null);

  constructor(
    private readonly api: LabApi | undefined,
    private readonly store: RecentStore | null,
    private readonly makePicture: PictureMaker,
    private readonly now: () => Date,
  ) {}

  /** Reads the list again (main drops gone files as it reads, and says which). */
  async refresh(): Promise<void> {
    if (this.api) {
      let list: RecentProjects;
      try {
        list = await this.api.project.recent();
      } catch {
        list = { projects: [], removed: [] };
      }
      this.items = list.projects.map((project) => ({
        key: project.path,
        name: baseName(project.path),
        where: folderOf(project.path),
        summary: project.details?.summary ?? null,
        when: project.details?.at ?? null,
        picture: project.details?.picture ?? null,
        from: null,
      }));
      if (list.removed.length > 0) this.notice = removedMessage(list.removed);
    } else if (this.store) {
      const entries = await this.store.list();
      this.items = entries.map((entry) => ({
        key: entry.id,
        name: entry.name,
        where: null,
        summary: entry.summary || null,
        when: entry.at,
        picture: entry.picture,
        from: entry.source === 'handle' ? 'file' : 'copy',
      }));
    }
  }

  /** The picture and summary of a project, as kept with it. */
  details(project: Project): RecentDetails {
    let summary = '';
    try {
      summary = summarize(project.config).line;
    } catch {
      summary = '';
    }
    let picture: RecentPicture | null = null;
    try {
      picture = this.makePicture(project);
    } catch {
      picture = null;
    }
    return { summary, picture, at: this.now().toISOString() };
  }

  /** Browser: keeps a project just opened or saved at the top of the list (with its file's handle where there is one). */
  async remember(name: string, project: Project, from: { text?: string; handle?: FileSystemFileHandle }): Promise<void> {
    if (!this.store) return;
    await this.store.remember({ name, ...this.details(project), ...from });
    await this.refresh();
  }

  /** Desktop: tells main the picture of the project now open (main keeps it for the open file). */
  describeToMain(project: Project, loaded: number): void {
    this.api?.project.preview({ ...this.details(project), loaded });
  }

  /** Browser: the text of a recent project; a gone one leaves the list (the result's message says so). */
  async read(item: RecentItem): Promise<RecentRead> {
    if (!this.store) return { ok: false, missing: false, message: 'This browser cannot keep recent projects.' };
    const result = await this.store.read(item.key);
    if (!result.ok) await this.refresh();
    return result;
  }
}
