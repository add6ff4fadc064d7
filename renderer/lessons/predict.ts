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
   * 'experiment': the learner's own run decides (the race), so committing does not give the
   * answer away: the panel only confirms the prediction and shows `explanation` (what to do
   * next); the widget compares the prediction with what it measured.
   */
  judgedBy?: 'experiment';
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
  correct: boolean;
}

/** Judges a committed value; null when it is no answer at all (an unknown option, not a number). */
export function judgePrediction(spec: PredictionSpec, value: string | number): Prediction | null {
  if (spec.kind === 'choice') {
    if (typeof value !== 'string' || !spec.options.includes(value)) return null;
    return { value, correct: spec.answers.includes(value) };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return { value, correct: Math.abs(value - spec.answer) <= spec.tolerance + 1e-9 };
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
  return problems;
}
