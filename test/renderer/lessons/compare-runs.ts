/**
 * Real runs of a `compare` preset, as the widget would report them: each setting value trained
 * for a number of epochs (or until the target, as a learner would pause), its run recorded in
 * the table after every epoch, in the order given.
 */
import type { LabConfig } from '../../../core/config';
import { createSession } from '../../../core/session';
import {
  distinctNeurons,
  recordRun,
  type ComparePreset,
  type CompareRun,
  type CompareState,
} from '../../../renderer/lessons/12-saturation-and-init/compare';

export interface Leg {
  value: string;
  epochs: number;
  /** Stop once the test accuracy reaches the preset's target. */
  untilTarget?: boolean;
}

export function compareRuns(preset: ComparePreset, legs: Leg[], answer: CompareState['answer'] = null): CompareState {
  let runs: Record<string, CompareRun> = {};
  let last: { config: LabConfig; epoch: number; accuracy: number | null; params: Float64Array } | null = null;
  for (const leg of legs) {
    const config = structuredClone(preset.config);
    if (preset.setting === 'initializer') config.training.initializer = leg.value as LabConfig['training']['initializer'];
    else config.training.loss = leg.value as LabConfig['training']['loss'];
    const session = createSession({ fastPath: true });
    session.handle({ type: 'configure', id: 1, config });
    for (let e = 0; e < leg.epochs; e++) {
      session.train(1, () => 0, Number.POSITIVE_INFINITY);
      const snap = session.snapshot();
      runs = recordRun(runs, leg.value, snap.epoch, snap.metrics.testAccuracy, preset.target);
      last = { config, epoch: snap.epoch, accuracy: snap.metrics.testAccuracy, params: snap.params };
      if (leg.untilTarget && (snap.metrics.testAccuracy ?? 0) >= preset.target) break;
    }
  }
  if (last === null) throw new Error('no epochs trained');
  return {
    initializer: last.config.training.initializer,
    loss: last.config.training.loss,
    epoch: last.epoch,
    testAccuracy: last.accuracy,
    runs,
    distinct: distinctNeurons(last.config, last.params),
    answer,
    config: last.config,
    params: last.params,
  };
}
