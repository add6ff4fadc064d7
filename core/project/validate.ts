/**
 * Checks a current-version project object field by field and rebuilds it from checked
 * values only. Array lengths are compared with what the configuration implies before any
 * long array is walked, so absurd files are refused quickly.
 */
import { ACTIVATION_NAMES, LIMITS, type LabConfig } from '../config';
import type { EngineState, HistoryPoint } from '../protocol';
import { readConfig } from './validate-config';
import { bool, fail, field, integerIn, isoTime, isRecord, list, numberIn, numbers, oneOf, record, text } from './read';
import { readChallenge } from './validate-challenge';
import { layerSizes, momentCount, paramCount } from './shape';
import {
  MAX_HISTORY_POINTS,
  MAX_LESSONS,
  MAX_LESSON_ID_LENGTH,
  MAX_LESSON_STEPS,
  MAX_NAME_LENGTH,
  PROJECT_AREAS,
  type LessonProgress,
  type NeuronPosition,
  type Project,
  type ProjectView,
} from './types';

/** Epochs and Adam steps stay below this; far beyond any real training run. */
export const MAX_EPOCH = 1e12;
const LESSON_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function readState(value: unknown, config: LabConfig): EngineState | null {
  if (value === null) return null;
  const raw = record(value, 'state');
  const count = paramCount(config);
  const epoch = integerIn(field(raw, 'epoch', 'state'), 'state.epoch', 0, MAX_EPOCH);
  const params = numbers(field(raw, 'params', 'state'), 'state.params', count);
  const moments = momentCount(config.training.optimizer);
  const rawOptimizer = field(raw, 'optimizer', 'state');
  if (!Array.isArray(rawOptimizer)) fail('"state.optimizer" should be a list of lists of numbers.');
  if (rawOptimizer.length !== moments) {
    fail(`"state.optimizer" holds ${rawOptimizer.length} lists, but the ${config.training.optimizer} optimizer keeps ${moments}.`);
  }
  const optimizer = rawOptimizer.map((moment, i) => numbers(moment, `state.optimizer[${i}]`, count));
  if (config.training.optimizer === 'adam') noNegativeSecondMoment(optimizer[1]);
  const step = integerIn(field(raw, 'step', 'state'), 'state.step', 0, MAX_EPOCH);
  return { epoch, params, optimizer, step };
}

/**
 * Adam's second moment is a running average of squared gradients, so it is never below zero;
 * a negative entry makes its square root NaN and every training step after it NaN.
 */
function noNegativeSecondMoment(v: readonly number[]): void {
  for (let i = 0; i < v.length; i++) {
    if (v[i] < 0) {
      fail(
        `"state.optimizer[1][${i}]" is ${v[i]}, but Adam's second moment (a running average of squared gradients) is never below zero. ` +
          'Change it to 0 or more.',
      );
    }
  }
}

function accuracy(value: unknown, where: string): number | null {
  return value === null ? null : numberIn(value, where, 0, 1);
}

function readHistory(value: unknown): HistoryPoint[] {
  const raw = list(value, 'history', MAX_HISTORY_POINTS);
  let previous = -1;
  return raw.map((item, i) => {
    const where = `history[${i}]`;
    const point = record(item, where);
    const epoch = integerIn(field(point, 'epoch', where), `${where}.epoch`, 0, MAX_EPOCH);
    if (epoch < previous) fail(`"${where}.epoch" goes back in time (${epoch} after ${previous}).`);
    previous = epoch;
    return {
      epoch,
      trainLoss: numberIn(field(point, 'trainLoss', where), `${where}.trainLoss`, 0, Number.MAX_VALUE),
      testLoss: numberIn(field(point, 'testLoss', where), `${where}.testLoss`, 0, Number.MAX_VALUE),
      trainAccuracy: accuracy(field(point, 'trainAccuracy', where), `${where}.trainAccuracy`),
      testAccuracy: accuracy(field(point, 'testAccuracy', where), `${where}.testAccuracy`),
    };
  });
}

function readLesson(value: unknown, where: string): LessonProgress {
  const raw = record(value, where);
  const steps = list(field(raw, 'stepsDone', where), `${where}.stepsDone`, MAX_LESSON_STEPS);
  const stepsDone = steps.map((step, i) => integerIn(step, `${where}.stepsDone[${i}]`, 0, MAX_LESSON_STEPS - 1));
  for (let i = 1; i < stepsDone.length; i++) {
    if (stepsDone[i] <= stepsDone[i - 1]) fail(`"${where}.stepsDone" should list each step once, in order.`);
  }
  return { stepsDone, completed: bool(field(raw, 'completed', where), `${where}.completed`) };
}

function readLessons(value: unknown): Record<string, LessonProgress> {
  const raw = record(value, 'lessons');
  const ids = Object.keys(raw);
  if (ids.length > MAX_LESSONS) fail(`"lessons" lists ${ids.length} lessons; the most is ${MAX_LESSONS}.`);
  const lessons: Record<string, LessonProgress> = {};
  for (const id of ids) {
    // Lesson ids are folder names; starting with a letter or digit also rules out "__proto__".
    if (id.length > MAX_LESSON_ID_LENGTH || !LESSON_ID.test(id)) {
      fail(`"lessons" has a lesson called ${JSON.stringify(id.slice(0, 40))}; lesson names are letters, digits, "-" and "_".`);
    }
    lessons[id] = readLesson(raw[id], `lessons.${id}`);
  }
  return lessons;
}

function readView(value: unknown, config: LabConfig): ProjectView {
  const raw = record(value, 'view');
  // The Lab keeps its choice when layers are removed, so a larger index is brought into range.
  const lastLayer = Math.max(0, config.network.hidden.length - 1);
  const layer = integerIn(field(raw, 'layerSpaceLayer', 'view'), 'view.layerSpaceLayer', 0, LIMITS.maxHiddenLayers - 1);
  const view: ProjectView = {
    area: oneOf(field(raw, 'area', 'view'), 'view.area', PROJECT_AREAS),
    showTestData: bool(field(raw, 'showTestData', 'view'), 'view.showTestData'),
    discretize: bool(field(raw, 'discretize', 'view'), 'view.discretize'),
    layerSpaceLayer: Math.min(layer, lastLayer),
  };
  // Optional: files written before the explorer existed leave it out (the default then applies).
  if (Object.prototype.hasOwnProperty.call(raw, 'explorerActivation')) {
    view.explorerActivation = oneOf(raw.explorerActivation, 'view.explorerActivation', ACTIVATION_NAMES);
  }
  // Optional as well: absent stays absent and reads as false.
  if (Object.prototype.hasOwnProperty.call(raw, 'showEachNeuron')) view.showEachNeuron = bool(raw.showEachNeuron, 'view.showEachNeuron');
  // Optional too: files written before the Gradient flow panel existed leave it out (open).
  if (Object.prototype.hasOwnProperty.call(raw, 'gradientFlowOpen')) {
    view.gradientFlowOpen = bool(raw.gradientFlowOpen, 'view.gradientFlowOpen');
  }
  const neuron = readExampleNeuron(raw, config);
  if (neuron !== null) view.exampleNeuron = neuron;
  return view;
}

/** The optional `view.exampleNeuron`: null when absent, or when the network has no such neuron (the default, its first neuron, is shown). */
function readExampleNeuron(view: Record<string, unknown>, config: LabConfig): NeuronPosition | null {
  if (!Object.prototype.hasOwnProperty.call(view, 'exampleNeuron')) return null;
  const raw = record(view.exampleNeuron, 'view.exampleNeuron');
  const sizes = layerSizes(config);
  const layer = integerIn(field(raw, 'layer', 'view.exampleNeuron'), 'view.exampleNeuron.layer', 0, LIMITS.maxHiddenLayers);
  const neuron = integerIn(field(raw, 'neuron', 'view.exampleNeuron'), 'view.exampleNeuron.neuron', 0, LIMITS.maxTableNeurons - 1);
  return layer < sizes.length && neuron < sizes[layer] ? { layer, neuron } : null;
}

/** A whole current-version project, checked and copied; throws `Invalid` with a sentence. */
export function readProject(value: unknown): Project {
  if (!isRecord(value)) fail('The file does not hold a project.');
  const config = readConfig(field(value, 'config', ''));
  const name = text(field(value, 'name', ''), 'name', MAX_NAME_LENGTH);
  if (name.trim().length === 0) fail('"name" is empty; a project needs a name.');
  return {
    name,
    savedAt: isoTime(field(value, 'savedAt', ''), 'savedAt'),
    config,
    state: readState(field(value, 'state', ''), config),
    history: readHistory(field(value, 'history', '')),
    lessons: readLessons(field(value, 'lessons', '')),
    view: readView(field(value, 'view', ''), config),
    // Optional: a project that is no challenge leaves it out (and files from before it existed do).
    ...(value.challenge !== undefined ? { challenge: readChallenge(value.challenge, config) } : {}),
  };
}
