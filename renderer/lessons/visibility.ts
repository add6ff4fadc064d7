/**
 * What the lessons area lends its widgets through context. Whether it is showing. The lessons stay on the page while the learner is in
 * the Lab (so a step's widget is as they left it); their live trainers pause meanwhile.
 */
import { getContext, setContext } from 'svelte';
import type { CapstoneRecord } from './progress';

const KEY = Symbol('lessons-visible');

/** LessonsArea says how to tell whether it is showing. */
export function setLessonsVisible(visible: () => boolean): void {
  setContext(KEY, visible);
}

/** Whether the lessons area is showing; always true outside one (a widget in a test). */
export function lessonsVisible(): () => boolean {
  return getContext<(() => boolean) | undefined>(KEY) ?? (() => true);
}

const RECORDS = Symbol('lessons-records');

/** Where a widget keeps a record with the learner's progress (the capstone's smallest network). */
export interface RecordKeeper {
  capstone(): CapstoneRecord | null;
  recordCapstone(record: CapstoneRecord): void;
}

export function setRecordKeeper(keeper: RecordKeeper): void {
  setContext(RECORDS, keeper);
}

/** The page's record keeper, or null outside the lessons area (a widget in a test). */
export function recordKeeper(): RecordKeeper | null {
  return getContext<RecordKeeper | undefined>(RECORDS) ?? null;
}
