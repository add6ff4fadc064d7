/**
 * The shape of a lesson: an ordered list of steps, each showing one widget with a preset,
 * and (usually) a check — a pure function of that widget's state — that completes it.
 * Lesson files (`<nn-slug>/lesson.ts`) are plain data plus these pure functions, so they
 * load under Node for unit tests; their Markdown text is attached in `content.ts`.
 */
import type { LabConfig } from '../../core/config';
import type { HistoryPoint } from '../../core/protocol';
import { predictionSatisfied, type Prediction, type PredictionSpec } from './predict';
import type { WidgetKind, WidgetPresets, WidgetStates } from './widget-types';

export type * from './widget-types';

/** What "Open this in the Lab" hands over. */
export interface LabHandoff {
  config: LabConfig;
  params: Float64Array | null;
}

/** How far a handed-over network had trained: the Lab carries on from that epoch, with its curve. */
export interface TrainedSoFar {
  epoch: number;
  history: readonly HistoryPoint[];
}

/** The epoch (and curve, where it has one) a widget's state reports, or null when it reports none. */
export function trainedSoFar(state: unknown): TrainedSoFar | null {
  if (typeof state !== 'object' || state === null) return null;
  const { epoch, history } = state as { epoch?: unknown; history?: unknown };
  if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch <= 0) return null;
  return { epoch, history: Array.isArray(history) ? (history as HistoryPoint[]) : [] };
}

export interface StepOf<K extends WidgetKind> {
  id: string;
  title: string;
  widget: K;
  preset: WidgetPresets[K];
  /**
   * Completes the step; null for a step that is only read and explored. A step that asks a
   * prediction also gets what the learner committed (null before), e.g. to accept a run
   * only after a prediction, or to ask for a different answer than the one predicted.
   */
  check: ((state: WidgetStates[K], prediction?: Prediction | null) => boolean) | null;
  /**
   * "Predict first" (predict.ts): a question answered before the widget reveals the answer; with
   * `judgedByRun`, the learner's own run measures the answer from this widget's state.
   */
  predict?: PredictionSpec<WidgetStates[K]>;
  /**
   * After a failed check, what is right so far and what is left (e.g. "Your number is right;
   * now train…"), said instead of the bare "Not quite yet" and shown as progress, not as an
   * error (`checkStep`'s 'partial'); null when it has nothing to add.
   */
  notYet?: (state: WidgetStates[K]) => string | null;
  /** Shown when the learner asks for it ("Show a hint", there from the start of the step). */
  hint: string;
  /** A TeX formula filled in with the live numbers, or null. */
  formula: ((state: WidgetStates[K]) => string) | null;
  /** The network to open in the Lab, or null when this step has none. */
  toLab: ((state: WidgetStates[K]) => LabHandoff | null) | null;
}

export type Step = { [K in WidgetKind]: StepOf<K> }[WidgetKind];

export interface LessonDef {
  /** Folder name, e.g. "02-one-neuron"; also the key in saved progress. */
  id: string;
  title: string;
  /** One sentence for the overview. */
  summary: string;
  steps: Step[];
}

/** Runs a step's check on a state the widget reported (typed loosely by the page). */
export function runCheck(step: Step, state: unknown, prediction: Prediction | null = null): boolean {
  if (!predictionSatisfied(step.predict, prediction)) return false;
  if (step.check === null) return true;
  return (step.check as (s: unknown, p: Prediction | null) => boolean)(state, prediction);
}

/**
 * What "Check my answer" found: the step is done; it is partly done (the step's `notYet` said
 * what is right so far and what is left — progress, shown as such and not as an error); it is
 * not (a wrong answer); or a prediction is still to be committed.
 */
export type CheckResult = { kind: 'right' } | { kind: 'partial'; text: string } | { kind: 'wrong' } | { kind: 'predict' };

/** Checks a step on the state its widget reported (null before it has reported one). */
export function checkStep(step: Step, state: unknown, prediction: Prediction | null): CheckResult {
  if (!predictionSatisfied(step.predict, prediction)) return { kind: 'predict' };
  if (state !== null && runCheck(step, state, prediction)) return { kind: 'right' };
  const text = runNotYet(step, state);
  return text === null ? { kind: 'wrong' } : { kind: 'partial', text };
}

/** What a failed check can tell the learner beyond "Not quite yet", or null. */
export function runNotYet(step: Step, state: unknown): string | null {
  if (step.notYet === undefined || state === null) return null;
  return (step.notYet as (s: unknown) => string | null)(state);
}

export function runFormula(step: Step, state: unknown): string | null {
  if (step.formula === null) return null;
  return (step.formula as (s: unknown) => string)(state);
}

export function runToLab(step: Step, state: unknown): LabHandoff | null {
  if (step.toLab === null) return null;
  return (step.toLab as (s: unknown) => LabHandoff | null)(state);
}

/** Builds a step with its widget's types tied together. */
export function step<K extends WidgetKind>(def: StepOf<K>): Step {
  return def as unknown as Step;
}
