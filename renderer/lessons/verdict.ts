/**
 * What "Check my answer" said, and whether it still holds. A check judges the widget's state at
 * the moment of the click; the learner may change that state afterwards. Rather than keep a
 * message that has stopped being true ("well done" under a broken run, "not quite yet" under a
 * right one), the page asks the step again on every state the widget reports and, once the
 * answer would differ, marks the message as about an earlier state. Asking again is the check's
 * own pure function, so a run that keeps training without changing the verdict keeps its
 * message (it is still true) and nothing is announced on every tick.
 */
import { predictionSatisfied, type Prediction } from './predict';
import { checkStep, type CheckResult, type Step } from './types';

/**
 * True when a shown check result no longer describes the current state: the check would now
 * say something else (another result, or other words). A "predict first" message stops holding
 * as soon as the prediction is committed.
 */
export function outdated(shown: CheckResult, step: Step, state: unknown, prediction: Prediction | null): boolean {
  if (shown.kind === 'predict') return predictionSatisfied(step.predict, prediction);
  if (state === null) return false;
  const now = checkStep(step, state, prediction);
  if (now.kind !== shown.kind) return true;
  return now.kind === 'partial' && shown.kind === 'partial' && now.text !== shown.text;
}
