/**
 * What the Projects area says about the open project, and the shapes of its messages and of
 * the restore offer: plain data and one pure function, apart from the Projects state class.
 */
import type { LabConfig } from '../../core/config';
import { estimatedFileBytes, formatBytes, summarize } from '../../core/project';
import type { BackupInfo } from './backup';

/** What the Projects area says about the open project. */
export interface ProjectOverview {
  /** "784 → 64 → 10, handwritten digits". */
  line: string;
  kind: 'plane' | 'digits' | 'iris';
  /** "about 5.8 MB". */
  size: string;
}

/** Unsaved work found at start, as the notice describes it (the desktop's main process does not know its epoch). */
export type RestoreOffer = Omit<BackupInfo, 'epoch'> & { epoch: number | null };

export interface ProjectMessage {
  kind: 'error' | 'info';
  text: string;
}

/** The project in a line, with its likely file size; never runs the network. */
export function projectOverview(config: LabConfig): ProjectOverview {
  try {
    const summary = summarize(config);
    return { line: summary.line, kind: summary.kind, size: `about ${formatBytes(estimatedFileBytes(config, true))}` };
  } catch {
    // Settings the engine cannot lay out yet (the Lab shows why): no line rather than a broken page.
    return { line: 'A network that is being changed', kind: 'plane', size: 'size not known yet' };
  }
}
