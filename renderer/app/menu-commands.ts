/**
 * Which native menu commands the page carries out where it is. The desktop accelerators
 * (Ctrl+Enter plays, Ctrl+Shift+Enter steps) reach the page from anywhere, so the page
 * decides: training commands act only while the Lab is the visible area and no modal
 * dialog covers it; area and help commands act unless a modal dialog is open.
 */
import type { MenuCommand } from '../../core/ipc';

const TRAINING: ReadonlySet<MenuCommand> = new Set(['play-pause', 'step', 'reset']);

export type MenuVerdict = 'run' | 'not-in-lab' | 'dialog-open';

export function menuVerdict(command: MenuCommand, area: 'lessons' | 'lab' | 'projects', dialogOpen: boolean): MenuVerdict {
  if (dialogOpen) return 'dialog-open';
  if (TRAINING.has(command) && area !== 'lab') return 'not-in-lab';
  return 'run';
}

/** What the page says when a training command arrives while the Lab is hidden. */
export const NOT_IN_LAB = 'Training commands work in the Lab. Show it with Ctrl+2 (⌘2 on a Mac), then try again.';
