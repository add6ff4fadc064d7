/**
 * Backups of unsaved work in the browser host. A backup is written in pieces between the
 * page's other work (see backupSchedule.ts and backupStore.ts); what comes back is checked
 * by the same loader as any project file, so a damaged backup is simply refused.
 */
import { parseProject, projectPieces, summarize, type ParseResult, type Project } from '../../core/project';
import type { Slicer } from './backupSchedule';
import type { BackupInfo, BackupStore } from './backupStore';
import { parseOffThread } from './parseOffThread';

export type { BackupInfo } from './backupStore';

export const BACKUP_FAILED =
  'Your unsaved work could not be backed up in this browser (its storage is full or turned off). Save the project to keep it.';

/** Writes `project` as the backup, one piece per slice of the page's time. */
export async function writeBackup(store: BackupStore, project: Project, slicer: Slicer): Promise<void> {
  const writer = await store.begin();
  const pieces = projectPieces(project);
  for (;;) {
    await slicer.next();
    const piece = pieces.next();
    if (piece.done) break;
    await writer.write(piece.value);
  }
  await writer.finish({
    name: project.name,
    backedUpAt: project.savedAt,
    epoch: project.state?.epoch ?? 0,
    summary: summarize(project.config).line,
  });
}

/** The backup's description, or null when there is none or it cannot be read. Never throws. */
export async function readBackupInfo(store: BackupStore): Promise<BackupInfo | null> {
  try {
    return await store.readInfo();
  } catch {
    return null;
  }
}

/** The backed-up project, checked in full. Never throws. */
export async function readBackupProject(store: BackupStore): Promise<ParseResult> {
  let text: string | null;
  try {
    text = await store.readText();
  } catch {
    text = null;
  }
  if (text === null) return { ok: false, message: 'The backup of your unsaved work could not be read, so it cannot be restored.' };
  return parseOffThread(text);
}

/** Forgets the backup. Never throws (storage turned off: there is nothing to clear). */
export async function clearBackup(store: BackupStore): Promise<void> {
  try {
    await store.clear();
  } catch {
    // Nothing to clear.
  }
}

/** The project's file text, made one piece per slice. */
export async function projectTextInSlices(project: Project, slicer: Slicer): Promise<string> {
  const parts: string[] = [];
  const pieces = projectPieces(project);
  for (;;) {
    await slicer.next();
    const piece = pieces.next();
    if (piece.done) return parts.join('');
    parts.push(piece.value);
  }
}

/** Where earlier versions of the app kept the whole backup, as one localStorage item. */
export const LEGACY_BACKUP_KEY = 'activation-lab:unsaved-project';

/**
 * Moves a backup an earlier version left in localStorage into `store` (unless the store
 * already holds one), then removes the old item. Never throws.
 */
export async function adoptLegacyBackup(storage: Storage | null, store: BackupStore): Promise<void> {
  let raw: string | null;
  try {
    raw = storage?.getItem(LEGACY_BACKUP_KEY) ?? null;
  } catch {
    return;
  }
  if (raw === null || !storage) return;
  try {
    const { name, backedUpAt, json } = JSON.parse(raw) as Record<string, unknown>;
    const parsed = typeof json === 'string' ? parseProject(json) : null;
    if (parsed?.ok && (await readBackupInfo(store)) === null) {
      const project = { ...parsed.project, name: typeof name === 'string' && name ? name.slice(0, 200) : parsed.project.name };
      if (typeof backedUpAt === 'string' && !Number.isNaN(Date.parse(backedUpAt))) project.savedAt = new Date(backedUpAt).toISOString();
      await writeBackup(store, project, { next: async () => undefined });
    }
  } catch {
    // A damaged old backup is dropped, as it always was.
  }
  try {
    storage.removeItem(LEGACY_BACKUP_KEY);
  } catch {
    // Storage turned off meanwhile: nothing more to do.
  }
}
