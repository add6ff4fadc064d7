/**
 * The project file (`.actlab`) as the app holds it in memory. The file on disk adds
 * `format` and `version` around these fields; see FORMAT.md beside this file.
 */
import type { ActivationName, LabConfig } from '../config';
import type { EngineState, HistoryPoint } from '../protocol';
import type { Challenge } from './challenge';

export * from './challenge';

/** The value of the `format` field that marks a file as ours. */
export const PROJECT_FORMAT = 'activation-lab-project';
/** The version this app writes. Older versions are upgraded on load (see migrate.ts). */
export const PROJECT_VERSION = 3;

/**
 * Lesson progress read from a version-1 or -2 file is kept under this prefix + the lesson id:
 * its step positions count the first edition of the course's steps (renderer/lessons/migrate.ts).
 */
export const FIRST_EDITION_PREFIX = 'ed1_';
export const PROJECT_EXTENSION = '.actlab';
/**
 * Larger files are refused before they are read or parsed. The largest network the Lab can
 * build (digits, eight hidden layers of 256, Adam) needs up to about 50 MB of text.
 */
export const MAX_PROJECT_BYTES = 64 * 1024 * 1024;
/** The history is thinned to at most this many points before saving. */
export const MAX_HISTORY_POINTS = 2000;
export const MAX_NAME_LENGTH = 200;
export const MAX_LESSONS = 200;
export const MAX_LESSON_ID_LENGTH = 100;
export const MAX_LESSON_STEPS = 200;

/** Which area of the app the project was showing. */
export type ProjectArea = 'lab' | 'lessons' | 'projects';
export const PROJECT_AREAS: readonly ProjectArea[] = ['lab', 'lessons', 'projects'];

/** The small part of the screen's state that is worth keeping with the work. */
export interface ProjectView {
  area: ProjectArea;
  /** Test points drawn on the decision boundary as well as training points. */
  showTestData: boolean;
  /** Boundary drawn in two flat colours instead of a smooth shade. */
  discretize: boolean;
  /** Which hidden layer the layer-space view shows: 0 … hidden layers − 1 (0 when there are none). */
  layerSpaceLayer: number;
  /**
   * Curve fitting: draw each last-hidden-layer neuron's contribution wⱼ·hⱼ(x) and the output
   * bias as thin curves under the network's curve. Optional; absent means false.
   */
  showEachNeuron?: boolean;
  /** The Lab's Gradient flow panel is open. Optional: absent means DEFAULT_GRADIENT_FLOW_OPEN. */
  gradientFlowOpen?: boolean;
  /** The activation the explorer shows (optional; absent means DEFAULT_EXPLORER_ACTIVATION). */
  explorerActivation?: ActivationName;
  /**
   * The neuron whose formula One example writes out (layer 0 is the first hidden layer, the
   * output layer last). Optional: absent means the first neuron of the network.
   */
  exampleNeuron?: NeuronPosition;
}

/** The activation explorer's choice when a project does not say. */
export const DEFAULT_EXPLORER_ACTIVATION: ActivationName = 'sigmoid';

/** Whether the Gradient flow panel is open when a project does not say. */
export const DEFAULT_GRADIENT_FLOW_OPEN = true;

/**
 * A view with every optional field that has a saved default filled in (absent means the
 * default). `exampleNeuron` stays optional: its default, the network's first neuron, is the
 * Lab's to find.
 */
export function withViewDefaults(view: ProjectView): Required<Omit<ProjectView, 'exampleNeuron'>> & Pick<ProjectView, 'exampleNeuron'> {
  return {
    explorerActivation: DEFAULT_EXPLORER_ACTIVATION,
    showEachNeuron: false,
    gradientFlowOpen: DEFAULT_GRADIENT_FLOW_OPEN,
    ...view,
  };
}

/** A neuron of the network: its layer (hidden layers from 0, the output layer last) and its place in it. */
export interface NeuronPosition {
  layer: number;
  neuron: number;
}

/** Progress through one lesson, as far as it belongs to this project. */
export interface LessonProgress {
  /** Indexes of the steps the learner has finished, ascending, no repeats. */
  stepsDone: number[];
  completed: boolean;
}

export interface Project {
  /** Shown in the title bar and the projects list, e.g. "spiral". */
  name: string;
  /** ISO 8601 time of the last save, e.g. "2026-11-28T20:46:29.000Z". */
  savedAt: string;
  config: LabConfig;
  /** Trained parameters and optimizer moments; null when the network was never trained (start from the seed). */
  state: EngineState | null;
  /** Decimated loss and accuracy history, oldest first. */
  history: HistoryPoint[];
  lessons: Record<string, LessonProgress>;
  view: ProjectView;
  /** A teacher's challenge: goal, limits and, once met, the learner's result. Optional: absent, the project is no challenge. */
  challenge?: Challenge;
}

export function defaultView(): ProjectView {
  return { area: 'lab', showTestData: false, discretize: false, layerSpaceLayer: 0 };
}

/** The result of reading a project: all of it, or a sentence saying why not. */
export type ParseResult = { ok: true; project: Project } | { ok: false; message: string };
