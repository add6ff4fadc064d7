/**
 * The "Make a challenge" dialog's fields and the challenge they make. The fields start from
 * the network in the Lab (its layers, neurons and activations as the limits), or from the
 * challenge already open; `challengeFrom` checks them with sentences for the teacher.
 */
import { ACTIVATION_NAMES, LIMITS, type ActivationName, type LabConfig } from '../../../core/config';
import { hiddenNeurons } from '../../../core/challenge';
import { isRegression, MAX_CHALLENGE_NEURONS, MAX_CHALLENGE_NOTE, type Challenge, type ChallengeMetric } from '../../../core/project';

export interface ChallengeForm {
  name: string;
  note: string;
  metric: ChallengeMetric;
  /** The accuracy goal in percent. */
  accuracyPercent: number;
  /** The loss goal. */
  loss: number;
  useMaxLayers: boolean;
  maxLayers: number;
  useMaxNeurons: boolean;
  maxNeurons: number;
  useActivations: boolean;
  activations: ActivationName[];
  lockData: boolean;
  lockFeatures: boolean;
  /** Start the network again from fresh weights, so the learner trains it themselves. */
  freshStart: boolean;
}

/** The fields to start from: the open challenge, or limits taken from the network in the Lab. */
export function formFor(config: LabConfig, open: Challenge | null, name: string): ChallengeForm {
  const used = [...new Set(config.network.hidden.map((layer) => layer.activation))];
  const regression = isRegression(config);
  const limits = open?.limits;
  return {
    name,
    note: open?.note ?? '',
    metric: open?.goal.metric ?? (regression ? 'testLoss' : 'testAccuracy'),
    accuracyPercent: open?.goal.metric === 'testAccuracy' ? Math.round(open.goal.target * 1000) / 10 : 95,
    loss: open?.goal.metric === 'testLoss' ? open.goal.target : regression ? 0.01 : 0.05,
    useMaxLayers: open ? limits?.maxLayers !== undefined : true,
    maxLayers: limits?.maxLayers ?? config.network.hidden.length,
    useMaxNeurons: open ? limits?.maxNeurons !== undefined : true,
    maxNeurons: limits?.maxNeurons ?? Math.max(1, hiddenNeurons(config)),
    useActivations: open ? limits?.activations !== undefined : false,
    activations: limits?.activations ?? (used.length > 0 ? used : ['relu']),
    lockData: limits?.lockData ?? true,
    lockFeatures: limits?.lockFeatures ?? false,
    freshStart: true,
  };
}

export type FormResult = { ok: true; challenge: Challenge } | { ok: false; message: string };

/** The challenge the fields describe, or the first thing to fix, in a sentence. */
export function challengeFrom(form: ChallengeForm, config: LabConfig): FormResult {
  const fail = (message: string): FormResult => ({ ok: false, message });
  if (form.name.trim() === '') return fail('Give the challenge a name: it becomes the file name.');
  if (form.note.length > MAX_CHALLENGE_NOTE)
    return fail(`The note is ${form.note.length} characters long; keep it to ${MAX_CHALLENGE_NOTE}.`);
  if (form.metric === 'testAccuracy' && isRegression(config)) {
    return fail('This data has no classes, so it has no accuracy: set a goal for the test loss instead.');
  }
  const accuracy = Number(form.accuracyPercent);
  if (form.metric === 'testAccuracy' && !(accuracy > 0 && accuracy <= 100)) {
    return fail('The accuracy to reach must be a percentage above 0 and at most 100.');
  }
  const loss = Number(form.loss);
  if (form.metric === 'testLoss' && !(loss > 0 && loss <= 1e6))
    return fail('The loss to get down to must be a number above 0, such as 0.05.');
  const layers = Number(form.maxLayers);
  if (form.useMaxLayers && !(Number.isInteger(layers) && layers >= 0 && layers <= LIMITS.maxHiddenLayers)) {
    return fail(`The most hidden layers must be a whole number from 0 to ${LIMITS.maxHiddenLayers}.`);
  }
  const neurons = Number(form.maxNeurons);
  if (form.useMaxNeurons && !(Number.isInteger(neurons) && neurons >= 1 && neurons <= MAX_CHALLENGE_NEURONS)) {
    return fail(`The most hidden neurons must be a whole number from 1 to ${MAX_CHALLENGE_NEURONS}.`);
  }
  const activations = ACTIVATION_NAMES.filter((name) => form.activations.includes(name));
  if (form.useActivations && activations.length === 0) return fail('Tick at least one activation the learner may use.');
  return {
    ok: true,
    challenge: {
      note: form.note.trim(),
      goal: form.metric === 'testAccuracy' ? { metric: 'testAccuracy', target: accuracy / 100 } : { metric: 'testLoss', target: loss },
      limits: {
        ...(form.useMaxLayers ? { maxLayers: layers } : {}),
        ...(form.useMaxNeurons ? { maxNeurons: neurons } : {}),
        ...(form.useActivations ? { activations } : {}),
        lockData: form.lockData,
        lockFeatures: form.lockFeatures,
      },
      solved: null,
    },
  };
}
