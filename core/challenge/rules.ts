/**
 * The rules of a teacher's challenge (core/project/challenge.ts) as pure functions: whether a
 * network keeps the limits, whether a change to it may be made, and whether a measured point
 * meets the goal. The Lab's builder asks `changeRefusal` before every change and disables
 * what would be refused; the Lab asks `solutionIn` with every snapshot.
 *
 * A network that already breaks a limit (a file saved before the limit, or edited by hand)
 * is never locked: any change that does not make it worse is allowed, so the learner can
 * always bring it back within the limits; until then the goal does not count.
 */
import { ACTIVATIONS } from '../engine';
import type { ActivationName, LabConfig, LayerSpec } from '../config';
import type { HistoryPoint } from '../protocol';
import type { Challenge, ChallengeGoal, ChallengeLimits, ChallengeSolution } from '../project/challenge';

/** All neurons of the hidden layers together. */
export function hiddenNeurons(config: LabConfig): number {
  return config.network.hidden.reduce((sum, layer) => sum + layer.size, 0);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "ReLU, Tanh and Sine". */
export function activationList(names: readonly ActivationName[]): string {
  const labels = names.map((name) => ACTIVATIONS[name].label);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** The sentence a learner reads for each limit, as it is set. */
export const LIMIT_TEXT = {
  layers: (max: number) => `This challenge allows at most ${plural(max, 'hidden layer', 'hidden layers')}.`,
  neurons: (max: number) => `This challenge allows at most ${plural(max, 'neuron', 'neurons')} in all hidden layers together.`,
  activations: (names: readonly ActivationName[]) =>
    names.length === 1
      ? `This challenge allows only the ${activationList(names)} activation.`
      : `This challenge allows only these activations: ${activationList(names)}.`,
  data: 'This challenge keeps the data as the teacher set it: data set, noise, training share and points.',
  features: 'This challenge keeps the inputs the teacher chose.',
} as const;

/** The limits in short, for the challenge banner: "At most 2 hidden layers", … */
export function limitLines(limits: ChallengeLimits): string[] {
  const lines: string[] = [];
  if (limits.maxLayers !== undefined) lines.push(`At most ${plural(limits.maxLayers, 'hidden layer', 'hidden layers')}`);
  if (limits.maxNeurons !== undefined) lines.push(`At most ${plural(limits.maxNeurons, 'hidden neuron', 'hidden neurons')} in all`);
  if (limits.activations !== undefined) lines.push(`Activations: ${activationList(limits.activations)} only`);
  if (limits.lockData) lines.push('The data stays as it is');
  if (limits.lockFeatures) lines.push('The inputs stay as they are');
  return lines;
}

/** One limit as the banner lists it: what it is, what the network has now, and whether it keeps it. */
export interface LimitCheck {
  text: string;
  now: string | null;
  kept: boolean;
}

/** The limits, each with the network's own number beside it; locks are kept by construction. */
export function limitChecks(limits: ChallengeLimits, config: LabConfig): LimitCheck[] {
  const lines = limitLines(limits);
  const out: LimitCheck[] = [];
  let i = 0;
  if (limits.maxLayers !== undefined) {
    const layers = config.network.hidden.length;
    out.push({ text: lines[i++], now: `now ${layers}`, kept: layers <= limits.maxLayers });
  }
  if (limits.maxNeurons !== undefined) {
    const neurons = hiddenNeurons(config);
    out.push({ text: lines[i++], now: `now ${neurons}`, kept: neurons <= limits.maxNeurons });
  }
  if (limits.activations !== undefined) {
    const allowed = limits.activations;
    const used = [...new Set(config.network.hidden.map((layer) => layer.activation))];
    out.push({
      text: lines[i++],
      now: used.length === 0 ? 'none used' : `using ${activationList(used)}`,
      kept: used.every((name) => allowed.includes(name)),
    });
  }
  while (i < lines.length) out.push({ text: lines[i++], now: null, kept: true });
  return out;
}

/** A network in a line: "2 hidden layers: 6 ReLU, 2 ReLU", "no hidden layer". */
export function networkText(hidden: readonly LayerSpec[]): string {
  if (hidden.length === 0) return 'no hidden layer';
  const layers = hidden.map((layer) => `${layer.size} ${ACTIVATIONS[layer.activation].label}`).join(', ');
  return `${plural(hidden.length, 'hidden layer', 'hidden layers')}: ${layers}`;
}

/** Each limit the network breaks, as a sentence that says what to change; empty when it keeps them all. */
export function brokenLimits(limits: ChallengeLimits, config: LabConfig): string[] {
  const out: string[] = [];
  const layers = config.network.hidden.length;
  if (limits.maxLayers !== undefined && layers > limits.maxLayers) {
    out.push(
      `The network has ${plural(layers, 'hidden layer', 'hidden layers')}; this challenge allows at most ${limits.maxLayers}. Remove a layer.`,
    );
  }
  const neurons = hiddenNeurons(config);
  if (limits.maxNeurons !== undefined && neurons > limits.maxNeurons) {
    out.push(
      `The network has ${plural(neurons, 'hidden neuron', 'hidden neurons')}; this challenge allows at most ${limits.maxNeurons}. Remove neurons.`,
    );
  }
  const allowed = limits.activations;
  if (allowed !== undefined) {
    config.network.hidden.forEach((layer, i) => {
      if (!allowed.includes(layer.activation)) {
        out.push(
          `Layer ${i + 1} uses ${ACTIVATIONS[layer.activation].label}, which this challenge does not allow. Choose ${activationList(allowed)}.`,
        );
      }
    });
  }
  return out;
}

function sameFeatures(a: LabConfig, b: LabConfig): boolean {
  return a.features.length === b.features.length && a.features.every((f) => b.features.includes(f));
}

function sameData(a: LabConfig, b: LabConfig): boolean {
  return a.seed === b.seed && JSON.stringify(a.data) === JSON.stringify(b.data);
}

/** A limit a change would break, with the numbers that say how: what `refusedLimits` finds. */
export type RefusedLimit =
  | { limit: 'data' }
  | { limit: 'features' }
  | { limit: 'layers'; max: number; has: number }
  | { limit: 'neurons'; max: number; has: number }
  | { limit: 'activations'; allowed: readonly ActivationName[]; uses: ActivationName[] };

/**
 * Every limit the challenge would have broken by changing the network from `before` to
 * `after`, the locks first. A limit counts only when the change makes the network break it
 * more than it did before (more layers or neurons over the limit, a layer switched to an
 * activation not allowed) or touches what the challenge locks: a network that already
 * breaks a limit is never locked.
 */
export function refusedLimits(challenge: Challenge | null, before: LabConfig, after: LabConfig): RefusedLimit[] {
  if (!challenge) return [];
  const limits = challenge.limits;
  const out: RefusedLimit[] = [];
  if (limits.lockData && !sameData(before, after)) out.push({ limit: 'data' });
  if (limits.lockFeatures && !sameFeatures(before, after)) out.push({ limit: 'features' });
  const layers = after.network.hidden.length;
  if (limits.maxLayers !== undefined && layers > limits.maxLayers && layers > before.network.hidden.length) {
    out.push({ limit: 'layers', max: limits.maxLayers, has: layers });
  }
  const neurons = hiddenNeurons(after);
  if (limits.maxNeurons !== undefined && neurons > limits.maxNeurons && neurons > hiddenNeurons(before)) {
    out.push({ limit: 'neurons', max: limits.maxNeurons, has: neurons });
  }
  const allowed = limits.activations;
  if (allowed !== undefined) {
    const switched = after.network.hidden.filter(
      (layer, i) => !allowed.includes(layer.activation) && before.network.hidden[i]?.activation !== layer.activation,
    );
    if (switched.length > 0) out.push({ limit: 'activations', allowed, uses: [...new Set(switched.map((layer) => layer.activation))] });
  }
  return out;
}

/**
 * Why the challenge does not allow changing the network from `before` to `after`, or null
 * when it does: the first of `refusedLimits`, as the sentence that names the limit.
 */
export function changeRefusal(challenge: Challenge | null, before: LabConfig, after: LabConfig): string | null {
  const first = refusedLimits(challenge, before, after)[0];
  if (first === undefined) return null;
  switch (first.limit) {
    case 'data':
      return LIMIT_TEXT.data;
    case 'features':
      return LIMIT_TEXT.features;
    case 'layers':
      return LIMIT_TEXT.layers(first.max);
    case 'neurons':
      return LIMIT_TEXT.neurons(first.max);
    case 'activations':
      return LIMIT_TEXT.activations(first.allowed);
  }
}

/**
 * A refused limit said of a whole network that would replace the Lab's (a lesson's, the one a
 * data set brings): `subject` is what it is called ("The lesson’s network"), and the sentence
 * gives its numbers beside the limit: "The lesson’s network has 3 hidden layers; this
 * challenge allows at most 2."
 */
export function replacementText(subject: string, refused: RefusedLimit): string {
  switch (refused.limit) {
    case 'data':
      return `${subject} comes with other data; this challenge keeps the data as the teacher set it.`;
    case 'features':
      return `${subject} reads other inputs; this challenge keeps the inputs the teacher chose.`;
    case 'layers':
      return `${subject} has ${plural(refused.has, 'hidden layer', 'hidden layers')}; this challenge allows at most ${refused.max}.`;
    case 'neurons':
      return `${subject} has ${plural(refused.has, 'hidden neuron', 'hidden neurons')}; this challenge allows at most ${refused.max} in all.`;
    case 'activations':
      return `${subject} uses ${activationList(refused.uses)}; this challenge allows only ${activationList(refused.allowed)}.`;
  }
}

/** What the Lab's builder may do under a challenge: for each control, why it is disabled, or null. */
export interface BuilderRules {
  /** Adding a hidden layer (of `newLayerSize` neurons). */
  addLayer: string | null;
  /** Adding a neuron to any hidden layer. */
  addNeuron: string | null;
  /** Neurons the hidden layers may still gain together (infinite without a neuron limit; below 0 when already over it). */
  room: number;
  /** Resizing a layer of `current` neurons to `size` (shrinking is always allowed). */
  resize(current: number, size: number): string | null;
  /** The sentence that says how many hidden layers are allowed, when the challenge limits them. */
  layers: string | null;
  /** The sentence that says how many hidden neurons are allowed, when the challenge limits them. */
  neurons: string | null;
  /** The sentence that says which activations are allowed, when the challenge limits them. */
  activations: string | null;
  /** Whether hidden layers may use `name`. */
  allows(name: ActivationName): boolean;
  /** Switching a layer that now uses `current` to `name` (keeping it is always allowed). */
  activation(current: ActivationName, name: ActivationName): string | null;
  /** Turning inputs on or off. */
  features: string | null;
  /** Changing the data set, noise, training share, points or seed. */
  data: string | null;
  /** The layer Add layer adds: a copy of the last, with no more neurons than are left and an allowed activation. */
  newLayer(): LayerSpec;
}

/**
 * The builder's rules for a network under a challenge; the same answers `changeRefusal`
 * gives for the changes the builder makes, worked out without making them.
 */
export function builderRules(challenge: Challenge | null, config: LabConfig): BuilderRules {
  const limits = challenge?.limits;
  const layers = config.network.hidden.length;
  const room = limits?.maxNeurons === undefined ? Number.POSITIVE_INFINITY : limits.maxNeurons - hiddenNeurons(config);
  const allowed = limits?.activations;
  let addLayer: string | null = null;
  if (limits?.maxLayers !== undefined && layers + 1 > limits.maxLayers) addLayer = LIMIT_TEXT.layers(limits.maxLayers);
  else if (limits?.maxNeurons !== undefined && room < 1) addLayer = LIMIT_TEXT.neurons(limits.maxNeurons);
  return {
    addLayer,
    addNeuron: limits?.maxNeurons !== undefined && room < 1 ? LIMIT_TEXT.neurons(limits.maxNeurons) : null,
    room,
    resize: (current, size) =>
      limits?.maxNeurons !== undefined && size > current && size - current > room ? LIMIT_TEXT.neurons(limits.maxNeurons) : null,
    layers: limits?.maxLayers === undefined ? null : LIMIT_TEXT.layers(limits.maxLayers),
    neurons: limits?.maxNeurons === undefined ? null : LIMIT_TEXT.neurons(limits.maxNeurons),
    activations: allowed === undefined ? null : LIMIT_TEXT.activations(allowed),
    allows: (name) => allowed === undefined || allowed.includes(name),
    activation: (current, name) =>
      allowed !== undefined && name !== current && !allowed.includes(name) ? LIMIT_TEXT.activations(allowed) : null,
    features: limits?.lockFeatures ? LIMIT_TEXT.features : null,
    data: limits?.lockData ? LIMIT_TEXT.data : null,
    newLayer: () => {
      // Like the Lab's Add layer: a copy of the last layer (or 4 tanh neurons), made to fit.
      const last = config.network.hidden[layers - 1];
      const activation = last?.activation ?? 'tanh';
      return {
        size: Math.max(1, Math.min(last?.size ?? 4, room)),
        activation: allowed === undefined || allowed.includes(activation) ? activation : allowed[0],
      };
    },
  };
}

/** The goal's measure in a point: its test accuracy or test loss; null when it has none (regression has no accuracy). */
export function goalValue(goal: ChallengeGoal, point: HistoryPoint): number | null {
  const value = goal.metric === 'testAccuracy' ? point.testAccuracy : point.testLoss;
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Whether a measured point reaches the goal (accuracy at least, loss at most, the target). */
export function meetsGoal(goal: ChallengeGoal, point: HistoryPoint): boolean {
  const value = goalValue(goal, point);
  if (value === null) return false;
  return goal.metric === 'testAccuracy' ? value >= goal.target : value <= goal.target;
}

/**
 * The solution among newly measured points (oldest first): the first that meets the goal,
 * recorded with the network that reached it. Null when the challenge is already solved,
 * when the network breaks a limit (the goal does not count then), or when no point meets it.
 */
export function solutionIn(
  challenge: Challenge | null,
  config: LabConfig,
  points: readonly HistoryPoint[],
  now: Date,
): ChallengeSolution | null {
  if (!challenge || challenge.solved !== null) return null;
  if (brokenLimits(challenge.limits, config).length > 0) return null;
  const hit = points.find((point) => meetsGoal(challenge.goal, point));
  if (!hit) return null;
  return {
    epoch: hit.epoch,
    value: goalValue(challenge.goal, hit) ?? 0,
    hidden: config.network.hidden.map((layer) => ({ size: layer.size, activation: layer.activation })),
    features: [...config.features],
    solvedAt: now.toISOString(),
  };
}

/** The goal in words: "Reach a test accuracy of at least 95 %." / "Bring the test loss down to 0.01 or less." */
export function goalText(goal: ChallengeGoal): string {
  return goal.metric === 'testAccuracy'
    ? `Reach a test accuracy of at least ${percent(goal.target)}.`
    : `Bring the test loss down to ${lossText(goal.target)} or less.`;
}

/** A goal measure as the learner reads it: "95 %" for an accuracy, "0.0123" for a loss. */
export function valueText(goal: ChallengeGoal, value: number): string {
  return goal.metric === 'testAccuracy' ? percent(value) : lossText(value);
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

function lossText(loss: number): string {
  return loss >= 0.001 ? String(Number(loss.toPrecision(3))) : loss.toExponential(2);
}
