/**
 * "Predict first": a step may ask the learner to commit to a prediction (a choice or a
 * number) before its widget shows the answer. Until then the widget hides the readouts that
 * give it away (its `revealed` prop is false); on commit the answer and the reason are shown.
 * Pure data and functions, so lessons and checks use them under Node.
 */

interface PredictionBase {
  /** The question, in plain words, e.g. "Which activation will reach 90 % first?". */
  question: string;
  /** Why the answer is what it is: a sentence or two, shown with the answer. */
  explanation: string;
  /** When true (the default), "Check my answer" fails until a prediction is committed. */
  required?: boolean;
  /**
   * "The answer comes from your run": committing only locks the prediction, and the learner's own
   * experiment gives the answer (the step's `measure` reads it from the widget's state). This is
   * what to do to measure it, shown once the prediction is locked. Absent: the answer is the
   * spec's own, shown the moment the learner commits.
   */
  fromRun?: string;
}

/** Pick one of a few answers; `answers` lists every one that counts as right. */
export interface ChoicePrediction extends PredictionBase {
  kind: 'choice';
  options: string[];
  answers: string[];
}

/** Type a number; within `tolerance` of `answer` counts as right. */
export interface NumberPrediction extends PredictionBase {
  kind: 'number';
  answer: number;
  tolerance: number;
  /** Shown after the box and the answer, e.g. "epochs" or "%". */
  unit?: string;
}

export type PredictionSpec = ChoicePrediction | NumberPrediction;

/** What the learner committed to, and whether it was right. */
export interface Prediction {
  value: string | number;
  /** Right or not; null while a prediction judged by the learner's own run (`fromRun`) waits for it. */
  correct: boolean | null;
  /** With `fromRun`: what the learner's run measured, once it has. */
  measured?: string | number;
}

/** What a step's run measured: an option's name or a number. */
export type Measured = string | number;

/** A value the learner may commit: one of the options, or a finite number. */
function valid(spec: PredictionSpec, value: string | number): boolean {
  if (spec.kind === 'choice') return typeof value === 'string' && spec.options.includes(value);
  return typeof value === 'number' && Number.isFinite(value);
}

/** Does the value agree with a right answer: the same option, or a number within the tolerance? */
function agrees(spec: PredictionSpec, value: string | number, right: Measured): boolean {
  if (spec.kind === 'choice') return value === right;
  return typeof value === 'number' && typeof right === 'number' && Math.abs(value - right) <= spec.tolerance + 1e-9;
}

/**
 * Judges a committed value; null when it is no answer at all (an unknown option, not a number).
 * A prediction judged by the learner's run (`fromRun`) is only locked: `correct` stays null
 * until `settlePrediction` compares it with what the run measured.
 */
export function judgePrediction(spec: PredictionSpec, value: string | number): Prediction | null {
  if (!valid(spec, value)) return null;
  if (spec.fromRun !== undefined) return { value, correct: null };
  const rights: Measured[] = spec.kind === 'choice' ? spec.answers : [spec.answer];
  return { value, correct: rights.some((right) => agrees(spec, value, right)) };
}

/**
 * A locked prediction compared with what the learner's own run measured. The first measurement
 * stands: a prediction already settled is returned as it was.
 */
export function settlePrediction(spec: PredictionSpec, prediction: Prediction, measured: Measured): Prediction {
  if (prediction.measured !== undefined) return prediction;
  return { value: prediction.value, correct: agrees(spec, prediction.value, measured), measured };
}

/** A value with the spec's unit, as the learner reads it: "3 layers", "Cross-entropy". */
export function withUnit(spec: PredictionSpec, value: Measured): string {
  return spec.kind === 'number' && spec.unit && typeof value === 'number' ? `${value} ${spec.unit}` : String(value);
}

/** The answer as the learner reads it, e.g. "ReLU" or "about 40 epochs (35 to 45 count)". */
export function answerText(spec: PredictionSpec): string {
  if (spec.kind === 'choice') return spec.answers.join(' or ');
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const n = (x: number): string => String(Number(x.toPrecision(6)));
  if (spec.tolerance === 0) return `${n(spec.answer)}${unit}`;
  return `about ${n(spec.answer)}${unit} (${n(spec.answer - spec.tolerance)} to ${n(spec.answer + spec.tolerance)} count)`;
}

/** True when a step's check may run: it asks no prediction, one that is optional, or one committed. */
export function predictionSatisfied(spec: PredictionSpec | undefined, prediction: Prediction | null): boolean {
  return spec === undefined || spec.required === false || prediction !== null;
}

/** Problems with a prediction's data (the content test runs it on every step). */
export function predictionProblems(spec: PredictionSpec): string[] {
  const problems: string[] = [];
  if (spec.question.trim() === '') problems.push('the question is empty');
  if (spec.explanation.trim() === '') problems.push('the explanation is empty');
  if (spec.kind === 'choice') {
    if (spec.options.length < 2) problems.push('a choice needs at least two options');
    if (spec.answers.length === 0) problems.push('no option is marked right');
    for (const a of spec.answers) if (!spec.options.includes(a)) problems.push(`the answer "${a}" is not an option`);
  } else if (!Number.isFinite(spec.answer) || !(spec.tolerance >= 0)) {
    problems.push('a number prediction needs a finite answer and a tolerance of 0 or more');
  }
  if (spec.fromRun !== undefined && spec.fromRun.trim() === '') problems.push('the instruction for the run is empty');
  return problems;
}
