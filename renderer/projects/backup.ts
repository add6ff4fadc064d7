/**
 * Backups of unsaved work in the browser host, kept in localStorage. What comes back is
 * checked by the same loader as any project file, so a damaged backup is simply ignored.
 */
import { parseProject, type Project } from '../../core/project';

export const BACKUP_KEY = 'activation-lab:unsaved-project';

export interface BrowserBackup {
  name: string;
  backedUpAt: string;
  project: Project;
}

export function writeBackup(storage: Storage, name: string, json: string, now: Date): string | null {
  try {
    storage.setItem(BACKUP_KEY, JSON.stringify({ name, backedUpAt: now.toISOString(), json }));
    return null;
  } catch {
    return 'Your unsaved work could not be backed up in this browser (its storage is full or turned off). Save the project to keep it.';
  }
}

export function readBackup(storage: Storage): BrowserBackup | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(BACKUP_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, backedUpAt, json } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || typeof backedUpAt !== 'string' || typeof json !== 'string') return null;
  const parsed = parseProject(json);
  return parsed.ok ? { name: name.slice(0, 200) || 'Untitled', backedUpAt, project: parsed.project } : null;
}

export function clearBackup(storage: Storage): void {
  try {
    storage.removeItem(BACKUP_KEY);
  } catch {
    // Storage turned off: there is no backup to clear.
  }
}

export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
