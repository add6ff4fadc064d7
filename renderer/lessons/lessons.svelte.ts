/**
 * The lessons area's state: which lesson and step is open, and the learner's progress,
 * loaded once and saved after every change.
 */
import type { LessonProgress } from '../../core/project';
import { LESSONS } from './index';
import {
  emptyProgress,
  isStepDone,
  keepPrediction,
  predictionKey,
  lessonStatus,
  markStepDone,
  recordCapstone,
  setLast,
  type CapstoneRecord,
  type LessonStatus,
  type Progress,
} from './progress';
import { ProgressSaver, type ProgressBackend } from './progressStore';
import { mergeProjectLessons, progressForProject } from './projectLessons';
import type { Prediction } from './predict';
import type { LessonDef } from './types';

export class LessonsState {
  progress: Progress = $state(emptyProgress());
  loaded = $state(false);
  /** Index into LESSONS of the open lesson, or null on the overview. */
  lesson = $state<number | null>(null);
  step = $state(0);
  /** Lessons that belong to the open project, with what its file recorded (see projectLessons.ts). */
  private belonging: Record<string, LessonProgress> = {};
  private saver: ProgressSaver;

  constructor(backend: ProgressBackend) {
    this.saver = new ProgressSaver(backend);
  }

  async load(): Promise<void> {
    const saved = await this.saver.load();
    // A project opened before the progress arrived has its steps added now.
    const merged = mergeProjectLessons(saved, this.belonging, LESSONS);
    this.progress = merged;
    this.loaded = true;
    if (merged !== saved) void this.saver.save(merged);
  }

  /** A lesson's network went to the Lab: from now on its progress belongs to the open project. */
  claim(index: number): void {
    const id = LESSONS[index].id;
    if (!(id in this.belonging)) this.belonging = { ...this.belonging, [id]: { stepsDone: [], completed: false } };
  }

  /** The progress to save in the open project. */
  forProject(): Record<string, LessonProgress> {
    return progressForProject(this.progress, this.belonging, LESSONS);
  }

  /** A project was opened (or a new one started with `{}`): its lessons now belong to it, and their steps count as done. */
  openProject(lessons: Record<string, LessonProgress>): void {
    this.belonging = { ...lessons };
    if (this.loaded) this.update(mergeProjectLessons(this.progress, lessons, LESSONS));
  }

  get current(): LessonDef | null {
    return this.lesson === null ? null : LESSONS[this.lesson];
  }

  status(index: number): LessonStatus {
    const l = LESSONS[index];
    return lessonStatus(
      this.progress,
      l.id,
      l.steps.map((s) => s.id),
    );
  }

  isDone(index: number, step: number): boolean {
    const l = LESSONS[index];
    return isStepDone(this.progress, l.id, l.steps[step].id);
  }

  open(index: number, step = 0): void {
    this.lesson = index;
    this.step = Math.max(0, Math.min(step, LESSONS[index].steps.length - 1));
    this.update(setLast(this.progress, { lesson: LESSONS[index].id, step: this.step }));
  }

  /** Where "Continue" goes: the last step visited, if it still exists. */
  resumePoint(): { index: number; step: number } | null {
    const last = this.progress.last;
    if (last === null) return null;
    const index = LESSONS.findIndex((l) => l.id === last.lesson);
    return index < 0 ? null : { index, step: Math.min(last.step, LESSONS[index].steps.length - 1) };
  }

  overview(): void {
    this.lesson = null;
  }

  /** Keeps a capstone solution if it is the smallest so far. */
  recordCapstone(record: CapstoneRecord): void {
    this.update(recordCapstone(this.progress, record));
  }

  /** True once every step of every lesson is done. */
  get courseDone(): boolean {
    return LESSONS.every((_, i) => this.status(i) === 'done');
  }

  /** The prediction committed for a step (saved with the progress), or null. */
  prediction(index: number, step: number): Prediction | null {
    return this.progress.predictions?.[stepKey(LESSONS[index], step)] ?? null;
  }

  /** Keeps a committed prediction with the progress; the first one stands (the answer has been seen since). */
  commitPrediction(index: number, step: number, prediction: Prediction): void {
    if (this.prediction(index, step) !== null) return;
    this.update(keepPrediction(this.progress, stepKey(LESSONS[index], step), prediction));
  }

  /** Replaces a locked prediction (one the learner's run judges) with the settled one; the first settlement stands. */
  settlePrediction(index: number, step: number, settled: Prediction): void {
    const locked = this.prediction(index, step);
    if (locked === null || locked.measured !== undefined) return;
    this.update(keepPrediction(this.progress, stepKey(LESSONS[index], step), settled));
  }

  markDone(index: number, step: number): void {
    const l = LESSONS[index];
    this.update(markStepDone(this.progress, l.id, l.steps[step].id));
  }

  private update(next: Progress): void {
    if (next === this.progress) return;
    this.progress = next;
    void this.saver.save(next);
  }
}

function stepKey(lesson: LessonDef, step: number): string {
  return predictionKey(lesson.id, lesson.steps[step].id);
}

let shared: LessonsState | null = null;

/**
 * One lessons state for the page's lifetime, so leaving for the Lab and coming back keeps
 * the learner on the same step. Progress is loaded on first use.
 */
export function sharedLessons(backend: () => ProgressBackend): LessonsState {
  if (shared === null) {
    shared = new LessonsState(backend());
    void shared.load();
  }
  return shared;
}
