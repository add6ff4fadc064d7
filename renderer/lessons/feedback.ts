/**
 * What "Check my answer" said, kept only while it is still true: a message about the step as
 * it was when checked ("First commit your prediction", a failed check's "what is left") goes
 * when the learner has done what it asked, or when the widget has moved on from what it described.
 */
import { predictionSatisfied, type Prediction } from './predict';
import { runCheck, runNotYet, type Step } from './types';

export type Feedback = 'none' | 'right' | 'wrong' | 'predict';

/**
 * True when the shown feedback no longer describes the step: "commit first" once the prediction
 * is committed; a failed check once the check would pass now, or once what its notYet says
 * (`shownNotYet`) is no longer what the widget's state gives.
 */
export function feedbackStale(
  feedback: Feedback,
  step: Step,
  state: unknown,
  prediction: Prediction | null,
  shownNotYet: string | null,
): boolean {
  if (feedback === 'predict') return predictionSatisfied(step.predict, prediction);
  if (feedback !== 'wrong' || state === null) return false;
  return runCheck(step, state, prediction) || runNotYet(step, state) !== shownNotYet;
}
