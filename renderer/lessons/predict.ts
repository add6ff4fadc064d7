/**
 * "Predict first": a step may ask the learner to commit to a prediction (a choice or a
 * number) before its widget shows the answer. Until then the widget hides the readouts that
 * give it away (its `revealed` prop is false); on commit the answer and the reason are shown,
 * or, for a prediction judged by the learner's own run, once that run has measured it.
 * Pure data and functions, so lessons and checks use them under Node.
 */

/**
 * "Your run settles it": the answer is what the learner's own experiment measures, not a
 * figure of the lesson's. Committing only locks the prediction and says what to do
 * (`findOut`); the first time `measure` reads a result from the widget's state, the prediction
 * is compared with it and the explanation is shown. Lessons 10, 11 and the race (14) use it.
 */
export interface JudgedByRun<S = unknown> {
  /** What to do to measure the answer, shown after "Now find out:" once the prediction is locked. */
  findOut: string;
  /**
   * What the learner's run has measured, read from the widget's state; null until it has. A
   * choice's run may measure several options (a tie: every one of them counts as right).
   */
  measure(state: S): Measured | null;
}

interface PredictionBase<S> {
  /** The question, in plain words, e.g. "Which activation will reach 90 % first?". */
  question: string;
  /** Why the answer is what it is: a sentence or two, shown with the answer. No instructions: it stays on screen after they are done (instructionIn). */
  explanation: string;
  /** When true (the default), "Check my answer" fails until a prediction is committed. */
  required?: boolean;
  /** The learner's own run gives the answer (see JudgedByRun). Absent: the answer is the spec's own, shown on commit. */
  judgedByRun?: JudgedByRun<S>;
}

/** Pick one of a few answers; `answers` lists every one that counts as right. */
export interface ChoicePrediction<S = unknown> extends PredictionBase<S> {
  kind: 'choice';
  options: string[];
  answers: string[];
}

/** Type a number; within `tolerance` of `answer` counts as right. */
export interface NumberPrediction<S = unknown> extends PredictionBase<S> {
  kind: 'number';
  answer: number;
  tolerance: number;
  /** Shown after the box and the answer, e.g. "epochs" or "%". */
  unit?: string;
}

/** A step's prediction; `S` is its widget's state, which a prediction judged by the run measures. */
export type PredictionSpec<S = unknown> = ChoicePrediction<S> | NumberPrediction<S>;

/** What the learner committed to, and whether it was right. */
export interface Prediction {
  value: string | number;
  /** Right or not; null while a prediction judged by the learner's own run waits for the run. */
  correct: boolean | null;
  /** Judged by the run: what the learner's run measured, once it has. */
  measured?: Measured;
}

/** What a run measured: a number, an option's name, or several options' names (a tie). */
export type Measured = string | number | readonly string[];

/** A value the learner may commit: one of the options, or a finite number. */
function valid(spec: PredictionSpec, value: string | number): boolean {
  if (spec.kind === 'choice') return typeof value === 'string' && spec.options.includes(value);
  return typeof value === 'number' && Number.isFinite(value);
}

/** Does the value agree with a right answer: the same option (one of them, on a tie), or a number within the tolerance? */
function agrees(spec: PredictionSpec, value: string | number, right: Measured): boolean {
  if (spec.kind === 'choice') return typeof right === 'object' ? right.includes(String(value)) : value === right;
  return typeof value === 'number' && typeof right === 'number' && Math.abs(value - right) <= spec.tolerance + 1e-9;
}

/**
 * Judges a committed value; null when it is no answer at all (an unknown option, not a number).
 * A prediction judged by the learner's run is only locked: `correct` stays null until
 * `settlePrediction` compares it with what the run measured.
 */
export function judgePrediction(spec: PredictionSpec, value: string | number): Prediction | null {
  if (!valid(spec, value)) return null;
  if (spec.judgedByRun !== undefined) return { value, correct: null };
  const rights: Measured[] = spec.kind === 'choice' ? spec.answers : [spec.answer];
  return { value, correct: rights.some((right) => agrees(spec, value, right)) };
}

/**
 * What the learner's run has measured for a prediction it judges, read from the widget's state:
 * null while it has not (or the prediction is not judged by the run, or the state is another
 * widget's, met for a moment while the page changes step).
 */
export function measureRun(spec: PredictionSpec | undefined, state: unknown): Measured | null {
  if (spec?.judgedByRun === undefined || state === null) return null;
  let measured: unknown;
  try {
    measured = spec.judgedByRun.measure(state);
  } catch {
    return null;
  }
  return isMeasured(measured) ? measured : null;
}

function isMeasured(value: unknown): value is Measured {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string');
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * A locked prediction compared with what the learner's own run measured. The first measurement
 * stands: a prediction already settled is returned as it was.
 */
export function settlePrediction(spec: PredictionSpec, prediction: Prediction, measured: Measured): Prediction {
  if (prediction.measured !== undefined) return prediction;
  return { value: prediction.value, correct: agrees(spec, prediction.value, measured), measured };
}

/**
 * A number as the app writes it in prose: at most three decimals ("pi" is 3.142, not
 * 3.141592653589793) and commas between thousands ("30,000 inputs").
 */
export function spokenNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const [whole, decimals] = String(Number(Math.abs(x).toFixed(3))).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = decimals === undefined ? grouped : `${grouped}.${decimals}`;
  return x < 0 && text !== '0' ? `−${text}` : text;
}

/** A value with the spec's unit, as the learner reads it: "3 layers", "Cross-entropy", "ReLU and Tanh". */
export function withUnit(spec: PredictionSpec, value: Measured): string {
  if (typeof value === 'object') return value.length === 0 ? 'none of them' : value.join(' and ');
  if (typeof value !== 'number') return String(value);
  return spec.kind === 'number' && spec.unit ? `${spokenNumber(value)} ${spec.unit}` : spokenNumber(value);
}

/**
 * What the panel says once a prediction is committed: a lead in bold, the rest of the sentence,
 * and whether the explanation follows. One wording for every prediction the run judges, one
 * for those the lesson answers itself.
 */
export interface Outcome {
  lead: string;
  text: string;
  explain: boolean;
}

export function predictionOutcome(spec: PredictionSpec, prediction: Prediction): Outcome {
  const predicted = withUnit(spec, prediction.value);
  if (spec.judgedByRun !== undefined) {
    if (prediction.measured === undefined)
      return { lead: 'Locked in:', text: `you predicted ${predicted}. Now find out: ${spec.judgedByRun.findOut}`, explain: false };
    const measured = withUnit(spec, prediction.measured);
    return prediction.correct
      ? { lead: 'Your run agrees with your prediction:', text: `it measured ${measured}.`, explain: true }
      : { lead: 'Your run says otherwise:', text: `you predicted ${predicted}; your run measured ${measured}.`, explain: true };
  }
  return prediction.correct
    ? { lead: 'Your prediction was right:', text: `${predicted}.`, explain: true }
    : { lead: 'Not this time.', text: `You predicted ${predicted}; the answer is ${answerText(spec)}.`, explain: true };
}

/** The answer as the learner reads it, e.g. "ReLU" or "about 40 epochs (35 to 45 counts as right)". */
export function answerText(spec: PredictionSpec): string {
  if (spec.kind === 'choice') return spec.answers.join(' or ');
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const n = spokenNumber;
  if (spec.tolerance === 0) return `${n(spec.answer)}${unit}`;
  return `about ${n(spec.answer)}${unit} (${n(spec.answer - spec.tolerance)} to ${n(spec.answer + spec.tolerance)} counts as right)`;
}

/** True when a step's check may run: it asks no prediction, one that is optional, or one committed. */
export function predictionSatisfied(spec: PredictionSpec | undefined, prediction: Prediction | null): boolean {
  return spec === undefined || spec.required === false || prediction !== null;
}

/**
 * A sentence that tells the learner what to do next ("Now press Train…", "Train both and
 * compare…"). The explanation stays on screen after the learner has done it, so it must only
 * say why; what to do belongs in the step's text and hint.
 */
const INSTRUCTION =
  /(?:^|[.;:!?]\s+)(?:now |then |next,? )?(?:press|choose|pick|train|find|draw|measure|drag|set|try|click|move|type|watch|compare|commit|run|look|let)\b/i;

/** The instruction an explanation gives, or null when it gives none. */
export function instructionIn(explanation: string): string | null {
  const found = INSTRUCTION.exec(explanation);
  return found === null
    ? null
    : explanation
        .slice(found.index)
        .replace(/^[.;:!?]\s+/, '')
        .slice(0, 60);
}

/** Problems with a prediction's data (the content test runs it on every step). */
export function predictionProblems(spec: PredictionSpec): string[] {
  const problems: string[] = [];
  if (spec.question.trim() === '') problems.push('the question is empty');
  if (spec.explanation.trim() === '') problems.push('the explanation is empty');
  const instruction = instructionIn(spec.explanation);
  if (instruction !== null)
    problems.push(`the explanation tells the learner what to do ("${instruction}…"), which stays on screen after they have done it`);
  if (spec.kind === 'choice') {
    if (spec.options.length < 2) problems.push('a choice needs at least two options');
    if (spec.answers.length === 0) problems.push('no option is marked right');
    for (const a of spec.answers) if (!spec.options.includes(a)) problems.push(`the answer "${a}" is not an option`);
  } else if (!Number.isFinite(spec.answer) || !(spec.tolerance >= 0)) {
    problems.push('a number prediction needs a finite answer and a tolerance of 0 or more');
  }
  if (spec.judgedByRun !== undefined && spec.judgedByRun.findOut.trim() === '') problems.push('the instruction for the run is empty');
  return problems;
}
