/** Builders for widget states in the lesson tests. */
import { createSession } from '../../../core/session';
import { collapse, forwardPoints } from '../../../core/engine';
import type { DataPoint } from '../../../core/config';
import { checkStep, type DeadNeuronsState, type LessonDef, type TrainerPreset, type TrainerState } from '../../../renderer/lessons/types';

export function trainerState(preset: TrainerPreset, change: Partial<TrainerState> = {}): TrainerState {
  return {
    config: JSON.parse(JSON.stringify(preset.config)),
    epoch: 0,
    trainLoss: 0.5,
    testLoss: 0.5,
    trainAccuracy: 0.5,
    testAccuracy: 0.5,
    diverged: false,
    collapsed: false,
    answer: null,
    race: {},
    bestAccuracy: {},
    peakTestLoss: 0.5,
    lowestTestLoss: 0.5,
    params: null,
    probeOutputs: null,
    ...change,
  };
}

/** Trains the preset's network for real and reports the state the trainer widget would. */
export function trainFor(preset: TrainerPreset, epochs: number, edit: (c: TrainerPreset['config']) => void = () => {}): TrainerState {
  const config = JSON.parse(JSON.stringify(preset.config)) as TrainerPreset['config'];
  edit(config);
  const session = createSession();
  const configured = session.handle({ type: 'configure', id: 1, config });
  if (configured[0]?.type !== 'snapshot') throw new Error(`configure failed: ${JSON.stringify(configured[0])}`);
  let diverged = false;
  let lowest = Number.POSITIVE_INFINITY;
  let peak = 0;
  /** As the widget keeps it: the first epoch the hidden activation reached the race target. */
  let race: TrainerState['race'] = {};
  let bestAccuracy: TrainerState['bestAccuracy'] = {};
  const activation = config.network.hidden[0]?.activation ?? 'identity';
  for (let e = 0; e < epochs && !diverged; e++) {
    const events = session.train(1, () => 0, Number.POSITIVE_INFINITY);
    diverged = events.some((ev) => ev.type === 'diverged');
    const snap = session.snapshot();
    const m = snap.metrics;
    lowest = Math.min(lowest, m.testLoss);
    peak = Math.max(peak, m.testLoss);
    const target = preset.raceTarget;
    if (target !== null && race[activation] === undefined && m.testAccuracy !== null && m.testAccuracy >= target) {
      race = { [activation]: snap.epoch };
    }
    if (target !== null && m.testAccuracy !== null && m.testAccuracy > (bestAccuracy[activation] ?? 0)) {
      bestAccuracy = { [activation]: m.testAccuracy };
    }
  }
  const snap = session.snapshot();
  const probe = (points: DataPoint[] | null): number[] | null => {
    if (points === null) return null;
    const layers = forwardPoints(config, snap.params, new Float64Array(points.flatMap((p) => [p.x1, p.x2])));
    const out = layers[layers.length - 1];
    const k = out.length / points.length;
    return points.map((_, i) => out[i * k]);
  };
  return trainerState(preset, {
    config,
    epoch: snap.epoch,
    trainLoss: snap.metrics.trainLoss,
    testLoss: snap.metrics.testLoss,
    trainAccuracy: snap.metrics.trainAccuracy,
    testAccuracy: snap.metrics.testAccuracy,
    diverged,
    divergedAt: diverged ? [config.training.learningRate] : [],
    collapsed: collapse(config, snap.params) !== null,
    params: snap.params,
    peakTestLoss: peak,
    lowestTestLoss: lowest,
    race,
    bestAccuracy,
    probeOutputs: probe(preset.probePoints),
  });
}

/** What "Check my answer" shows for this state of the lesson's step, after a committed prediction. */
export function said(lesson: LessonDef, i: number, state: unknown): string {
  const committed = { value: 'anything', correct: false };
  const result = checkStep(lesson.steps[i], state, lesson.steps[i].predict ? committed : null);
  if (result.kind === 'right') return 'right';
  if (result.kind === 'partial') return result.text;
  return result.kind;
}

/** Lesson 11's dead-neuron widget after 10 epochs of a fresh run at learning rate 3, with `change`. */
export const deadNeurons = (change: Partial<DeadNeuronsState>): DeadNeuronsState => ({
  activation: 'relu',
  learningRate: 3,
  epoch: 10,
  deadCount: [1, 8],
  sizes: [8, 8],
  testAccuracy: 0.5,
  epochsAtRate: 10,
  freshAtRate: true,
  inactiveCount: [1, 8],
  inactivePeak: 9,
  ...change,
});
