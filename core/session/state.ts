/**
 * A training session's saved state (load-state, get-state) and its report of the instruments:
 * free functions over the model, copies in and out.
 */
import type { LabConfig } from '../config';
import type { EngineState, Instruments } from '../protocol';
import { createModel, type Model } from '../engine/model';
import type { ModelMetrics } from '../engine/metrics';
import { momentArrays } from '../engine/optimizer';
import { resetGradientFlow } from '../engine/gradient-flow';

/**
 * A model for `config`, with the shape-specialised code when `fastPath` asks for it and code
 * generation is allowed (else the plain path, which does the same job).
 */
export function buildModel(config: LabConfig, fastPath: boolean, common: { exactTanh?: boolean; gradientFlow: boolean }): Model {
  if (!fastPath) return createModel(config, common);
  try {
    return createModel(config, { ...common, fastPath: true });
  } catch {
    // Code generation refused (a page's Content-Security-Policy, say): the plain path does the same job.
    return createModel(config, common);
  }
}

export function copyConfig(config: LabConfig): LabConfig {
  return JSON.parse(JSON.stringify(config)) as LabConfig;
}

/** Why a saved state does not fit this model, or null when it does. */
export function checkState(model: Model, state: EngineState): string | null {
  const n = model.topo.paramCount;
  if (state.params.length !== n)
    return `These weights belong to a different network: ${state.params.length} numbers where this one has ${n}.`;
  const moments = momentArrays(model.optimizer);
  const given = Array.isArray(state.optimizer) ? state.optimizer : [];
  if (given.length !== moments.length || given.some((a) => !Array.isArray(a) || a.length !== n || !a.every(Number.isFinite))) {
    return `The saved optimizer state does not fit the ${model.settings.optimizer} optimizer of this network.`;
  }
  if (!Number.isInteger(state.step) || state.step < 0 || state.epoch < 0)
    return 'The saved epoch and step must be whole numbers of 0 or more.';
  return null;
}

/** Puts a saved state (checked by checkState) into the model; the session takes its epoch. */
export function applyState(model: Model, state: EngineState): void {
  const moments = momentArrays(model.optimizer);
  const given = Array.isArray(state.optimizer) ? state.optimizer : [];
  model.params.set(state.params);
  given.forEach((a, i) => moments[i].set(a));
  model.optimizer.step = state.step;
  model.grad.fill(0);
  model.cursor = 0;
  if (model.flow !== null) resetGradientFlow(model.flow);
}

/** The model's state at `epoch`, as plain arrays (a copy). */
export function stateOf(model: Model, epoch: number): EngineState {
  return {
    epoch,
    params: Array.from(model.params),
    optimizer: momentArrays(model.optimizer).map((a) => Array.from(a)),
    step: model.optimizer.step,
  };
}

/** The instruments' numbers for a snapshot (copies). */
export function instrumentsOf(model: Model, activity: ModelMetrics['activity'], epoch: number): Instruments {
  const gradient = model.flow === null ? [] : Array.from(model.flow.last);
  return {
    gradient,
    gradientEpoch: gradient.length > 0 ? epoch : null,
    lowSlope: activity === null ? [] : activity.lowSlope.slice(),
    deadCount: activity === null ? [] : activity.deadCount.slice(),
    dead: activity === null ? [] : activity.dead.map((layer) => layer.slice()),
    meanSlope: activity === null ? [] : activity.meanSlope.slice(),
    inactiveCount: activity === null ? [] : activity.inactiveCount.slice(),
    inactive: activity === null ? [] : activity.inactive.map((layer) => layer.slice()),
  };
}
