/**
 * What "Check my answer" said, kept only while it is still true: a message about the step as
 * it was when checked ("First commit your prediction", a partial check's "what is left") goes
 * when the learner has done what it asked, or when the widget has moved on from what it described.
 */
import { predictionSatisfied, type Prediction } from './predict';
import { checkStep, type CheckResult, type Step } from './types';

/**
 * True when the shown result no longer describes the step: "commit first" once the prediction
 * is committed; a failed or partial check once the check would pass now, or once it would say
 * something else (a partial check's text changed, or a wrong answer became partly right).
 */
export function feedbackStale(feedback: CheckResult | null, step: Step, state: unknown, prediction: Prediction | null): boolean {
  if (feedback === null || feedback.kind === 'right') return false;
  if (feedback.kind === 'predict') return predictionSatisfied(step.predict, prediction);
  if (state === null) return false;
  const now = checkStep(step, state, prediction);
  if (now.kind === 'right') return true;
  return feedback.kind === 'partial' ? now.kind !== 'partial' || now.text !== feedback.text : now.kind === 'partial';
}
