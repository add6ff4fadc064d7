/**
 * Lesson progress that travels in a project file. A lesson belongs to a project when the
 * learner opened one of its networks in the Lab ("Open this in the Lab") while that project
 * was open, or when the project file already carried it. Saving writes those lessons'
 * current progress; opening a project adds the steps it records to the learner's own
 * progress (nothing is ever taken away). See core/project/FORMAT.md.
 *
 * Files count steps by position (`stepsDone: [0, 2]`), the app by step id; these plain
 * functions translate between the two.
 */
import { FIRST_EDITION_PREFIX, type LessonProgress } from '../../core/project';
import { LESSON_RENAMES, firstEditionStepIds, migrateStep } from './migrate';
import { markStepDone, type Progress } from './progress';
import type { LessonDef } from './types';

/** One lesson's progress as a project file records it. */
export function lessonProgressOf(progress: Progress, lesson: LessonDef): LessonProgress {
  const done = progress.done[lesson.id] ?? [];
  const stepsDone = lesson.steps.flatMap((step, i) => (done.includes(step.id) ? [i] : []));
  return { stepsDone, completed: stepsDone.length === lesson.steps.length };
}

/**
 * The progress to save with a project: for each lesson that belongs to it, its current
 * progress; a lesson this app no longer has keeps what the file said.
 */
export function progressForProject(
  progress: Progress,
  belonging: Record<string, LessonProgress>,
  lessons: readonly LessonDef[],
): Record<string, LessonProgress> {
  const out: Record<string, LessonProgress> = {};
  for (const [key, carried] of Object.entries(belonging)) {
    // A first-edition entry is written back under the lesson's id of this edition.
    const old = firstEditionId(key);
    const id = old === null ? key : (LESSON_RENAMES[old] ?? old);
    const lesson = lessons.find((l) => l.id === id);
    if (old !== null && lesson === undefined) continue;
    out[id] =
      lesson === undefined ? { stepsDone: carried.stepsDone.slice(), completed: carried.completed } : lessonProgressOf(progress, lesson);
  }
  return out;
}

/** The learner's progress with a project's recorded steps added (unknown lessons and steps are skipped). */
export function mergeProjectLessons(progress: Progress, fromFile: Record<string, LessonProgress>, lessons: readonly LessonDef[]): Progress {
  let next = progress;
  for (const [id, recorded] of Object.entries(fromFile)) {
    const old = firstEditionId(id);
    if (old !== null) {
      for (const stepId of firstEditionStepIds(old, recorded.stepsDone, recorded.completed) ?? []) {
        const moved = migrateStep(old, stepId);
        const known = moved !== null && lessons.some((l) => l.id === moved.lesson && l.steps.some((s) => s.id === moved.step));
        if (known) next = markStepDone(next, moved.lesson, moved.step);
      }
      continue;
    }
    const lesson = lessons.find((l) => l.id === id);
    if (lesson === undefined) continue;
    const indexes = recorded.completed ? lesson.steps.map((_, i) => i) : recorded.stepsDone;
    for (const i of indexes) {
      const step = lesson.steps[i];
      if (step !== undefined) next = markStepDone(next, id, step.id);
    }
  }
  return next;
}

/** The first-edition lesson id a project entry names, or null for an entry of this edition. */
function firstEditionId(key: string): string | null {
  return key.startsWith(FIRST_EDITION_PREFIX) ? key.slice(FIRST_EDITION_PREFIX.length) : null;
}
