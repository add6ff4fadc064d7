/**
 * Lesson progress as plain data, with pure functions to update, read and (de)serialise it.
 * Where it is kept (the Electron user-data folder or localStorage) is `progressStore.ts`.
 */
import { LESSON_RENAMES, migrateDone } from './migrate';
import type { Prediction } from './predict';

export interface Progress {
  /** 1: the first edition of the course (ten lessons); 2: the second. Version 1 is migrated on reading. */
  version: 2;
  /** Done step ids per lesson id. */
  done: Record<string, string[]>;
  /** Where the learner was: lesson id and step index, or null on the overview. */
  last: { lesson: string; step: number } | null;
  /** The smallest network that met the closing challenge (lesson 19), or absent before one did. */
  capstone?: CapstoneRecord;
  /**
   * Committed predictions by `predictionKey` ("lesson id/step id"): a prediction cannot be
   * changed, so reopening a step (a completed lesson, after a restart) shows it as committed
   * instead of asking again for an answer the learner has seen.
   */
  predictions?: Record<string, Prediction>;
}

/** Where a step's prediction is kept: "lesson id/step id". */
export function predictionKey(lessonId: string, stepId: string): string {
  return `${lessonId}/${stepId}`;
}

/** Progress with a step's prediction kept (it replaces what that step had). */
export function keepPrediction(progress: Progress, key: string, prediction: Prediction): Progress {
  return { ...progress, predictions: { ...progress.predictions, [key]: prediction } };
}

function parseMeasured(raw: unknown): Prediction['measured'] | undefined {
  if (typeof raw === 'string' || (typeof raw === 'number' && Number.isFinite(raw))) return raw;
  if (Array.isArray(raw) && raw.every((r) => typeof r === 'string')) return raw as string[];
  return undefined;
}

function parsePrediction(raw: unknown): Prediction | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const value = r.value;
  if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) return undefined;
  if (!(typeof r.correct === 'boolean' || r.correct === null)) return undefined;
  if (r.measured === undefined) return { value, correct: r.correct };
  const measured = parseMeasured(r.measured);
  return measured === undefined ? undefined : { value, correct: r.correct, measured };
}

function parsePredictions(raw: unknown): Record<string, Prediction> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Record<string, Prediction> = {};
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    const prediction = parsePrediction(entry);
    if (prediction !== undefined) out[key] = prediction;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A network that solved the capstone: its size and shape, and when in training it got there. */
export interface CapstoneRecord {
  /** Hidden neurons in all. */
  neurons: number;
  /** Weights and biases in all. */
  params: number;
  /** Neurons per hidden layer. */
  hidden: number[];
  activation: string;
  testAccuracy: number;
  epoch: number;
}

/** True when `next` is a smaller solution than `best` (fewer parameters; on a tie, fewer neurons). */
export function smallerCapstone(next: CapstoneRecord, best: CapstoneRecord | undefined): boolean {
  if (best === undefined) return true;
  return next.params < best.params || (next.params === best.params && next.neurons < best.neurons);
}

export function recordCapstone(progress: Progress, next: CapstoneRecord): Progress {
  return smallerCapstone(next, progress.capstone) ? { ...progress, capstone: next } : progress;
}

function parseCapstone(raw: unknown): CapstoneRecord | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const count = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
  if (!count(r.neurons) || !count(r.params) || !count(r.epoch)) return undefined;
  if (!Array.isArray(r.hidden) || !r.hidden.every((n) => count(n) && n > 0) || typeof r.activation !== 'string') return undefined;
  if (typeof r.testAccuracy !== 'number' || !(r.testAccuracy >= 0 && r.testAccuracy <= 1)) return undefined;
  return {
    neurons: r.neurons,
    params: r.params,
    hidden: r.hidden as number[],
    activation: r.activation,
    testAccuracy: r.testAccuracy,
    epoch: r.epoch,
  };
}

export type LessonStatus = 'not-started' | 'in-progress' | 'done';

export function emptyProgress(): Progress {
  return { version: 2, done: {}, last: null };
}

export function markStepDone(progress: Progress, lessonId: string, stepId: string): Progress {
  const steps = progress.done[lessonId] ?? [];
  if (steps.includes(stepId)) return progress;
  return { ...progress, done: { ...progress.done, [lessonId]: [...steps, stepId] } };
}

export function setLast(progress: Progress, last: Progress['last']): Progress {
  return { ...progress, last };
}

export function isStepDone(progress: Progress, lessonId: string, stepId: string): boolean {
  return (progress.done[lessonId] ?? []).includes(stepId);
}

export function lessonStatus(progress: Progress, lessonId: string, stepIds: readonly string[]): LessonStatus {
  const done = progress.done[lessonId] ?? [];
  const count = stepIds.filter((id) => done.includes(id)).length;
  if (count === 0) return 'not-started';
  return count === stepIds.length ? 'done' : 'in-progress';
}

export function stepsDoneCount(progress: Progress, lessonId: string, stepIds: readonly string[]): number {
  const done = progress.done[lessonId] ?? [];
  return stepIds.filter((id) => done.includes(id)).length;
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Reads saved progress; anything malformed is dropped rather than trusted. */
export function parseProgress(json: string): Progress {
  if (json.trim() === '') return emptyProgress();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return emptyProgress();
  }
  if (typeof raw !== 'object' || raw === null) return emptyProgress();
  const record = raw as Record<string, unknown>;
  const progress = emptyProgress();
  const done = record.done;
  if (typeof done === 'object' && done !== null && !Array.isArray(done)) {
    for (const [lesson, steps] of Object.entries(done as Record<string, unknown>)) {
      if (Array.isArray(steps)) {
        progress.done[lesson] = steps.filter((s): s is string => typeof s === 'string');
      }
    }
  }
  const last = record.last as Record<string, unknown> | null | undefined;
  if (last && typeof last.lesson === 'string' && Number.isInteger(last.step) && (last.step as number) >= 0) {
    progress.last = { lesson: last.lesson, step: last.step as number };
  }
  const capstone = parseCapstone(record.capstone);
  if (capstone) progress.capstone = capstone;
  const predictions = parsePredictions(record.predictions);
  if (predictions) progress.predictions = predictions;
  return record.version === 2 ? progress : fromFirstEdition(progress);
}

/** Progress saved by the first edition of the course, moved to where the second keeps each step. */
function fromFirstEdition(progress: Progress): Progress {
  const last =
    progress.last === null ? null : { lesson: LESSON_RENAMES[progress.last.lesson] ?? progress.last.lesson, step: progress.last.step };
  return { version: 2, done: migrateDone(progress.done), last, ...(progress.capstone ? { capstone: progress.capstone } : {}) };
}
