/**
 * The engine protocol: what the UI asks the training engine to do (commands) and what the
 * engine reports back (events). Both hosts speak it — the Electron main process relaying to
 * a worker_threads Worker, and the browser host's Web Worker — so the UI has one interface.
 */
import type { LabConfig, TrainingSettings } from './config';
import type { ExampleStep, ExampleTrace } from './engine/trace';

/**
 * How fast the engine trains while playing: flat out, a number of epochs per frame (about 60
 * frames a second), or a number of epochs per second (the lessons' slow speeds, 0.1 to 1000).
 */
export type Speed = { mode: 'max' } | { mode: 'epochsPerFrame'; epochs: number } | { mode: 'epochsPerSecond'; epochs: number };

/** Training state that can be restored exactly: parameters, optimizer moments, epoch. */
export interface EngineState {
  epoch: number;
  /** Every parameter of the network, in the engine's layout order. */
  params: number[];
  /** Optimizer moments (momentum velocity, Adam's m and v) in the same layout; empty for SGD. */
  optimizer: number[][];
  /** Adam's step counter; 0 for the others. */
  step: number;
}

/**
 * Where a run started by `play` pauses by itself: at an epoch (a budget, e.g. a racer's
 * chance), and/or at the first measured test accuracy at or above a target (a racer's finish).
 */
export interface PlayStop {
  epoch?: number;
  testAccuracy?: number;
}

/** What the training session itself acts on (core/session.ts). */
export type SessionCommand =
  | { type: 'configure'; id: number; config: LabConfig }
  /** `stop`: the session pauses by itself there, so a limit holds however late a pause would arrive. */
  | { type: 'play'; id: number; stop?: PlayStop }
  | { type: 'pause'; id: number }
  /** 'example': train on the next training example alone (a batch of one); replies 'example-step' and a snapshot. */
  | { type: 'step'; id: number; unit: 'batch' | 'epoch' | 'example' }
  /** Forward and backward for the next training example, changing nothing; replies 'trace'. */
  | { type: 'trace-example'; id: number }
  | { type: 'reset'; id: number }
  | { type: 'set-training'; id: number; training: Partial<TrainingSettings> }
  | { type: 'set-parameter'; id: number; index: number; value: number }
  | { type: 'set-speed'; id: number; speed: Speed }
  | { type: 'load-state'; id: number; state: EngineState }
  | { type: 'get-state'; id: number };

/**
 * Everything a host may send the engine. 'drawn' is for the runner (core/runner.ts): the
 * page has begun a frame that draws the newest snapshot.
 */
export type Command = SessionCommand | { type: 'drawn'; id: number };

export type CommandType = Command['type'];

/** One point of the training history. */
export interface HistoryPoint {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** Share of correctly classified points, 0–1; null for regression. */
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

export interface Snapshot {
  /** Increases with every configure, so stale snapshots of an old network can be dropped. */
  configVersion: number;
  epoch: number;
  running: boolean;
  metrics: HistoryPoint;
  /** History points measured since the previous snapshot, oldest first. */
  history: HistoryPoint[];
  /** All parameters of the network in the engine's layout order (small: well under 1 KB). */
  params: Float64Array;
  /** Confusion counts on the test set, rows = true class, columns = predicted; null for regression. */
  confusion: number[][] | null;
  /**
   * The instruments' numbers (core/engine/README.md, "Instruments"). The engine's session
   * always sends them; optional so that stand-ins for the engine may leave them out.
   */
  instruments?: Instruments;
}

/**
 * Gradient flow and dead neurons, computed by the engine while it trains (a few hundred
 * numbers at most). Layers are indexed as in networkShape: hidden layers first, output last.
 */
export interface Instruments {
  /**
   * Per layer (hidden layers, then the output layer): the mean |∂L/∂w| over the weights of the
   * layer and the batches of the last complete epoch (the data loss's gradient, without
   * regularization). Empty before the first complete epoch.
   */
  gradient: number[];
  /** The epoch `gradient` describes (the last one completed), or null while it is empty. */
  gradientEpoch: number | null;
  /**
   * Per hidden layer: the share (0–1) of its neurons whose activation slope |f′(z)|, averaged
   * over the training set, is below 1e-3 (dead or saturated), measured with the metrics.
   */
  lowSlope: number[];
  /** Per hidden layer: how many neurons are dead (slope below 1e-3 for every training example). */
  deadCount: number[];
  /** Per hidden layer, per neuron: 1 when that neuron is dead, else 0. */
  dead: number[][];
  /**
   * Per hidden layer: the activation slope |f′(z)| averaged over its neurons and the training
   * set — on average, what going back through the layer multiplies the gradient by (at most
   * 0.25 for a sigmoid).
   */
  meanSlope: number[];
  /** Per hidden layer: how many neurons are inactive (input z ≤ 0 for every training example: where a ReLU is dead). */
  inactiveCount: number[];
  /** Per hidden layer, per neuron: 1 when that neuron is inactive, else 0. */
  inactive: number[][];
}

export type EngineEvent =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'diverged'; snapshot: Snapshot; message: string }
  | { type: 'state'; replyTo: number; state: EngineState }
  /** The next training example's forward and backward numbers (answers 'trace-example'). */
  | { type: 'trace'; replyTo: number; trace: ExampleTrace }
  /** The parameters before and after a one-example step (answers 'step' with unit 'example'). */
  | { type: 'example-step'; replyTo: number; step: ExampleStep }
  | { type: 'error'; replyTo: number | null; message: string };

export type EngineEventType = EngineEvent['type'];

const COMMAND_TYPES: ReadonlySet<string> = new Set<CommandType>([
  'configure',
  'play',
  'pause',
  'step',
  'reset',
  'set-training',
  'set-parameter',
  'set-speed',
  'load-state',
  'get-state',
  'trace-example',
  'drawn',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Checks the shape of a message that claims to be a command. Returns the command, or a
 * sentence saying what is wrong with it. Deep validation of a configuration is the
 * session's job (it knows the engine's limits); this only guards the envelope.
 */
export function parseCommand(message: unknown): Command | string {
  if (!isRecord(message)) return 'A command must be an object.';
  const { type, id } = message;
  if (typeof type !== 'string' || !COMMAND_TYPES.has(type)) {
    return `Unknown command type ${JSON.stringify(type)}.`;
  }
  if (!Number.isInteger(id)) return `Command "${type}" needs an integer id.`;
  const command = message as Command;
  switch (command.type) {
    case 'configure':
      return isRecord(command.config) ? command : 'configure needs a config object.';
    case 'play':
      return command.stop === undefined || playStopValid(command.stop)
        ? command
        : 'play stop needs an epoch ≥ 1 and/or a test accuracy in 0–1.';
    case 'pause':
    case 'reset':
    case 'get-state':
    case 'trace-example':
    case 'drawn':
      return command;
    case 'step':
      return command.unit === 'batch' || command.unit === 'epoch' || command.unit === 'example'
        ? command
        : 'step needs a unit of "batch", "epoch" or "example".';
    case 'set-training':
      return isRecord(command.training) ? command : 'set-training needs a training object.';
    case 'set-parameter':
      return Number.isInteger(command.index) && command.index >= 0 && isFiniteNumber(command.value)
        ? command
        : 'set-parameter needs a parameter index and a finite value.';
    case 'set-speed': {
      const speed: unknown = command.speed;
      if (isRecord(speed) && speed.mode === 'max') return command;
      if (
        isRecord(speed) &&
        speed.mode === 'epochsPerFrame' &&
        Number.isInteger(speed.epochs) &&
        (speed.epochs as number) >= 1 &&
        (speed.epochs as number) <= 1000
      ) {
        return command;
      }
      if (
        isRecord(speed) &&
        speed.mode === 'epochsPerSecond' &&
        isFiniteNumber(speed.epochs) &&
        speed.epochs >= 0.1 &&
        speed.epochs <= 1000
      ) {
        return command;
      }
      return 'set-speed needs { mode: "max" }, { mode: "epochsPerFrame", epochs: 1–1000 } or { mode: "epochsPerSecond", epochs: 0.1–1000 }.';
    }
    case 'load-state': {
      const state: unknown = command.state;
      if (!isRecord(state) || !Number.isInteger(state.epoch) || !Array.isArray(state.params)) {
        return 'load-state needs a state with an epoch and parameters.';
      }
      if (!state.params.every(isFiniteNumber)) return 'load-state parameters must be finite numbers.';
      return command;
    }
    default:
      return assertNever(command);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

function playStopValid(stop: unknown): boolean {
  if (!isRecord(stop)) return false;
  const { epoch, testAccuracy } = stop;
  const epochOk = epoch === undefined || (Number.isInteger(epoch) && (epoch as number) >= 1);
  const accuracyOk = testAccuracy === undefined || (isFiniteNumber(testAccuracy) && testAccuracy >= 0 && testAccuracy <= 1);
  return epochOk && accuracyOk;
}
