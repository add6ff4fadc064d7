/** Trains a lesson's network for real and reports what the Gradient flow and Dead neurons widgets would. */
import { createSession } from '../../../core/session';
import type { LabConfig } from '../../../core/config';
import { gradientRatio } from '../../../renderer/lab/gradient-flow';
import type { DeadNeuronsState, GradientFlowState } from '../../../renderer/lessons/types';
import type { FlowTry } from '../../../renderer/lessons/widgets/flow-tries';

function copy(config: LabConfig): LabConfig {
  return JSON.parse(JSON.stringify(config)) as LabConfig;
}

/** A session configured with `config`, trained epoch by epoch as the widgets' engine does. */
export function trainedSession(config: LabConfig) {
  const session = createSession();
  const configured = session.handle({ type: 'configure', id: 1, config: copy(config) });
  if (configured[0]?.type !== 'snapshot') throw new Error(`configure failed: ${JSON.stringify(configured[0])}`);
  const inactiveNow = (): number => (session.snapshot().instruments?.inactiveCount ?? []).reduce((a, b) => a + b, 0);
  return {
    session,
    /** The most hidden neurons switched off at once, epoch by epoch (what the Dead neurons widget charts). */
    inactivePeak: inactiveNow(),
    train(epochs: number): void {
      for (let e = 0; e < epochs; e++) {
        session.train(1, () => 0, Number.POSITIVE_INFINITY);
        this.inactivePeak = Math.max(this.inactivePeak, inactiveNow());
      }
    },
    setLearningRate(learningRate: number): void {
      session.handle({ type: 'set-training', id: 2, training: { learningRate } });
    },
  };
}

export function flowState(config: LabConfig, epochs: number, answer: number | null = null): GradientFlowState {
  const run = trainedSession(config);
  run.train(epochs);
  const snap = run.session.snapshot();
  const gradient = snap.instruments?.gradient ?? [];
  return {
    activation: config.network.hidden[0]?.activation ?? 'identity',
    hiddenLayers: config.network.hidden.length,
    epoch: snap.epoch,
    gradient,
    firstOverLast: gradientRatio(gradient),
    answer,
    tried: [],
  };
}

/** What the widget records after the learner trains each depth in turn for `epochs` (its `tried`). */
export function triedDepths(config: LabConfig, depths: number[], epochs: number): FlowTry[] {
  return depths.map((layers) => {
    const c = copy(config);
    c.network.hidden = Array.from({ length: layers }, () => ({ ...config.network.hidden[0] }));
    const s = flowState(c, epochs);
    return { activation: s.activation, layers, epoch: s.epoch, share: s.firstOverLast ?? Number.NaN };
  });
}

export function deadState(
  run: ReturnType<typeof trainedSession>,
  config: LabConfig,
  learningRate: number,
  epochsAtRate: number,
): DeadNeuronsState {
  const snap = run.session.snapshot();
  return {
    activation: config.network.hidden[0]?.activation ?? 'identity',
    learningRate,
    epoch: snap.epoch,
    deadCount: snap.instruments?.deadCount ?? [],
    sizes: config.network.hidden.map((h) => h.size),
    testAccuracy: snap.metrics.testAccuracy,
    epochsAtRate,
    freshAtRate: epochsAtRate === snap.epoch,
    inactiveCount: snap.instruments?.inactiveCount ?? [],
    inactivePeak: run.inactivePeak,
  };
}
