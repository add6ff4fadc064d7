/**
 * Where the app opens, and what it says on opening. A first start shows the lessons with a
 * welcome ("Start the course"); later starts reopen the area, lesson and step the learner
 * left (renderer/app/place.ts). A returning learner who reopens in the Lab or Projects is
 * offered "Continue: lesson N, step M" until they take it, dismiss it or open the lessons.
 */
import type { LessonsState } from '../lessons/lessons.svelte';
import { readPlace, writePlace, type AreaName } from './place';

/** What Home reads and sets of the app's view (the Lab's view state holds the area). */
export interface AreaHolder {
  area: AreaName;
}

export class Home {
  /** True when no earlier visit left a place. */
  readonly firstStart: boolean;
  /** Show "Continue: lesson N, step M" outside the lessons (a returning start). */
  continueOffered = $state(false);
  /** The lesson page to reopen once the progress has loaded. */
  private reopening = $state(false);

  constructor(
    private readonly view: AreaHolder,
    private readonly lessons: LessonsState,
    private readonly storage: Storage | null,
  ) {
    const place = readPlace(storage);
    this.firstStart = place === null;
    view.area = place?.area ?? 'lessons';
    this.reopening = place?.area === 'lessons' && place.inLesson;
    this.continueOffered = place !== null && place.area !== 'lessons';
  }

  /** The lesson and step "Continue" goes to, or null before any lesson was opened. */
  get resume(): { index: number; step: number } | null {
    return this.lessons.loaded ? this.lessons.resumePoint() : null;
  }

  /** The welcome shows on the lessons overview until the learner has opened a lesson. */
  get welcoming(): boolean {
    return this.lessons.loaded && this.lessons.lesson === null && this.lessons.progress.last === null;
  }

  /** "Start the course": lesson 1, step 1. */
  startCourse(): void {
    this.lessons.open(0, 0);
    this.view.area = 'lessons';
  }

  /** "Continue": the last step visited. */
  continueCourse(): void {
    const resume = this.resume;
    if (resume) this.lessons.open(resume.index, resume.step);
    this.view.area = 'lessons';
    this.continueOffered = false;
  }

  /** Reopens the lesson step, then keeps the place whenever it changes; returns a function that stops. */
  start(): () => void {
    return $effect.root(() => {
      $effect(() => {
        if (!this.reopening || !this.lessons.loaded) return;
        this.reopening = false;
        const resume = this.lessons.resumePoint();
        if (resume) this.lessons.open(resume.index, resume.step);
      });
      $effect(() => {
        const area = this.view.area;
        const inLesson = this.lessons.lesson !== null;
        if (this.reopening) return;
        if (area === 'lessons') this.continueOffered = false;
        writePlace(this.storage, { area, inLesson });
      });
    });
  }
}
