/**
 * The `compare` widget: one small network trained live while the learner switches one setting
 * — how its weights start, or its loss — with a table comparing the runs, and the first hidden
 * layer's neurons drawn one by one. Its state and preset, and the pure helpers behind them.
 */
import type { InitializerName, LabConfig, LossName } from '../../../core/config';
import { networkShape } from '../../../core/engine';
import type { LessonSpeed } from '../widgets/speed';

/** The setting the learner switches. */
export type CompareSetting = 'initializer' | 'loss';

/** One setting's runs so far: the most epochs trained, the best test accuracy, and the first epoch at the target. */
export interface CompareRun {
  epochs: number;
  bestAccuracy: number;
  reachedAt: number | null;
}

export interface CompareState {
  initializer: InitializerName;
  loss: LossName;
  epoch: number;
  testAccuracy: number | null;
  /** Runs per value of the switched setting (an initializer's or a loss's name). */
  runs: Record<string, CompareRun>;
  /** Per hidden layer: how many of its neurons differ from one another (1 when all are clones). */
  distinct: number[];
  /** The learner's answer: a chosen option, a typed number, or null. */
  answer: string | number | null;
  config: LabConfig;
  params: Float64Array | null;
}

/** A question under the table: shown once the prediction is committed and, with `after`, once that run has had its epochs. */
export interface CompareQuestion {
  label: string;
  options: string[] | null;
  /** The run that answers the question: the question waits until `run` (a setting's value) has trained `epochs`. */
  after?: { run: string; epochs: number };
}

/** True when the question may be asked: the prediction is committed and the run that answers it is done. */
export function questionReady(question: CompareQuestion | null, revealed: boolean, runs: Readonly<Record<string, CompareRun>>): boolean {
  if (question === null || !revealed) return false;
  return question.after === undefined || (runs[question.after.run]?.epochs ?? 0) >= question.after.epochs;
}

export interface ComparePreset {
  config: LabConfig;
  setting: CompareSetting;
  /** The values offered for the setting (one hides the picker). */
  choices: string[];
  /** Test accuracy the table's "reached" column waits for. */
  target: number;
  /** Draw each neuron of the first hidden layer. */
  showNeurons: boolean;
  question: CompareQuestion | null;
  /** How fast it trains at first (slow enough that a run can be stopped near a given epoch). */
  speed: LessonSpeed;
}

export const INITIALIZER_LABELS: Record<InitializerName, string> = {
  playground: 'Small random (±0.5)',
  glorot: 'Glorot',
  he: 'He',
  large: 'Large random (±5)',
  equal: 'All equal (0.5)',
};
export const LOSS_LABELS: Record<LossName, string> = {
  halfSquared: 'Squared error',
  binaryCrossEntropy: 'Cross-entropy',
  softmaxCrossEntropy: 'Softmax cross-entropy',
};

/** The run table with one measurement added. */
export function recordRun(
  runs: Readonly<Record<string, CompareRun>>,
  key: string,
  epoch: number,
  accuracy: number | null,
  target: number,
): Record<string, CompareRun> {
  const old = runs[key] ?? { epochs: 0, bestAccuracy: 0, reachedAt: null };
  const best = accuracy === null ? old.bestAccuracy : Math.max(old.bestAccuracy, accuracy);
  const reached =
    accuracy !== null && accuracy >= target && epoch > 0 && (old.reachedAt === null || epoch < old.reachedAt) ? epoch : old.reachedAt;
  const next = { epochs: Math.max(old.epochs, epoch), bestAccuracy: best, reachedAt: reached };
  if (next.epochs === old.epochs && next.bestAccuracy === old.bestAccuracy && next.reachedAt === old.reachedAt && key in runs)
    return runs as Record<string, CompareRun>;
  return { ...runs, [key]: next };
}

/**
 * How many different neurons each hidden layer has: two neurons are the same when their
 * incoming weights and bias are equal to the last bit (clones stay exactly equal).
 */
export function distinctNeurons(config: LabConfig, params: Float64Array): number[] {
  const shape = networkShape(config);
  return config.network.hidden.map((layer, l) => {
    const inputs = l === 0 ? shape.inputs : config.network.hidden[l - 1].size;
    const seen = new Set<string>();
    for (let j = 0; j < layer.size; j++) {
      const row: number[] = [params[shape.biasIndex(l, j)]];
      for (let i = 0; i < inputs; i++) row.push(params[shape.weightIndex(l, j, i)]);
      seen.add(row.join(','));
    }
    return seen.size;
  });
}
