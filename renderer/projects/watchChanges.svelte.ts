/**
 * Notes every change to the open project's work for the backup schedule (backupSchedule.ts),
 * which decides when to tell main or back up: the settings and view, training progress and
 * its pauses, the dirty flag, the name and lesson progress.
 */
import type { Lab } from '../app/lab.svelte';
import type { LessonsState } from '../lessons/lessons.svelte';
import type { ChangeKind } from './backupSchedule';

/** Starts watching; returns the function that stops it. */
export function watchChanges(lab: Lab, lessons: LessonsState, projectName: () => string, note: (kind: ChangeKind) => void): () => void {
  let wasRunning = false;
  return $effect.root(() => {
    // Three effects, so that the deep read of the settings (which may hold thousands of the
    // learner's points) runs when they change, not on each of ~60 snapshots a second.
    $effect(() => {
      void $state.snapshot(lab.config);
      void $state.snapshot(lab.view);
      note('settings');
    });
    $effect(() => {
      // Training progress: only noted here; the schedule decides when to back up.
      const running = lab.snapshot?.running ?? false;
      const paused = wasRunning && !running;
      wasRunning = running;
      note(running ? 'progress' : paused ? 'pause' : 'settings');
    });
    $effect(() => {
      // The dirty flag, the name and lesson progress.
      void lab.dirty;
      void projectName();
      void lessons.progress;
      note('settings');
    });
  });
}
